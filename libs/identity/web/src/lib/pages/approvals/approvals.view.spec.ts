import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type SessionUser, STAFF_PATH, type StaffApproval } from '@bandstand/identity/contracts';
import { AuthStore } from '../../data/auth.store';
import {
  buttonNamed,
  identityTestingProviders,
  nextRequest,
  problem,
  session,
  STAFF_ADMIN,
  textOf,
  type,
  until,
} from '../../testing/identity-fixtures';
import { ApprovalsViewComponent } from './approvals.view';

const APPROVALS = `${STAFF_PATH}/approvals`;

function approval(id: string, requestedBy: string, extra: Partial<StaffApproval> = {}): StaffApproval {
  return {
    approvalId: id,
    action: 'staff.grant-role',
    summary: `Grant admin to ${id}@example.com`,
    amountMinor: null,
    currency: null,
    requestedBy,
    requestedAt: '2026-11-21T09:00:00.000Z',
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    reason: null,
    ...extra,
  };
}

const MINE = approval('mine', STAFF_ADMIN.userId);
const THEIRS = approval('theirs', 'user-other', {
  action: 'rewards.grant-credits',
  summary: 'Grant 25,000 credits to a fan',
  amountMinor: 25_000,
  currency: 'EUR',
});
const DONE = approval('done', 'user-other', {
  status: 'rejected',
  decidedBy: 'Sam Staff',
  decidedAt: '2026-11-20T09:00:00.000Z',
  reason: 'Not agreed',
});

describe('the approvals view', () => {
  let fixture: ComponentFixture<ApprovalsViewComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(viewer: SessionUser = STAFF_ADMIN): Promise<void> {
    TestBed.configureTestingModule({
      providers: identityTestingProviders({ console: 'staff', access: 'staff' }),
    });
    TestBed.inject(AuthStore).accept(session(viewer));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalsViewComponent);
    element = fixture.nativeElement as HTMLElement;
    (await nextRequest(http, { method: 'GET', url: APPROVALS })).flush([MINE, THEIRS, DONE]);
    await fixture.whenStable();
  }

  function item(id: string): HTMLElement {
    const found = element.querySelector<HTMLElement>(`li[data-approval="${id}"]`);
    if (found === null) throw new Error(`no approval ${id}`);
    return found;
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('lists pending requests with their amount, and the decided ones apart', async () => {
    await start();
    expect(textOf(item('theirs'))).toContain('Grant 25,000 credits to a fan · €250.00');
    expect(element.querySelector('li[data-approval="done"]')).toBeNull();
    expect(textOf(element)).toContain('Grant admin to done@example.com — rejected by Sam Staff');
    expect(textOf(element)).toContain('“Not agreed”');
  });

  it('does not let the requester decide their own request, and says why', async () => {
    await start();
    const approve = buttonNamed(item('mine'), 'Approve');
    expect(approve.hasAttribute('disabled')).toBe(true);
    const reason = element.querySelector(`#${approve.getAttribute('aria-describedby') ?? 'none'}`);
    expect(textOf(reason)).toBe('You requested this, so another staff member has to approve or reject it.');
    expect(textOf(item('mine'))).toContain('(you)');
    expect(buttonNamed(item('theirs'), 'Approve').hasAttribute('disabled')).toBe(false);
  });

  it('approves another staff member’s request', async () => {
    await start();
    buttonNamed(item('theirs'), 'Approve').click();
    (await nextRequest(http, { method: 'POST', url: `${APPROVALS}/theirs/approve` })).flush({});
    (await nextRequest(http, { method: 'GET', url: APPROVALS })).flush([
      MINE,
      { ...THEIRS, status: 'approved' },
      DONE,
    ]);
    await until(
      'the request leaves the list',
      () => element.querySelector('li[data-approval="theirs"]') === null,
    );
    expect(textOf(element)).toContain('Approved: Grant 25,000 credits to a fan.');
  });

  it('rejects with the reason written for the requester', async () => {
    await start();
    buttonNamed(item('theirs'), 'Reject').click();
    await fixture.whenStable();
    const reason = item('theirs').querySelector('textarea');
    if (reason === null) throw new Error('no reason field');
    type(reason, '  Amount too high for this fan  ');
    buttonNamed(item('theirs'), 'Reject').click();
    const reject = await nextRequest(http, { method: 'POST', url: `${APPROVALS}/theirs/reject` });
    expect(reject.request.body).toEqual({ reason: 'Amount too high for this fan' });
    reject.flush({});
    (await nextRequest(http, { method: 'GET', url: APPROVALS })).flush([MINE, DONE]);
    await until('the notice shows', () =>
      textOf(element).includes('Rejected: Grant 25,000 credits to a fan.'),
    );
  });

  it('asks for a reason before rejecting', async () => {
    await start();
    buttonNamed(item('theirs'), 'Reject').click();
    await fixture.whenStable();
    buttonNamed(item('theirs'), 'Reject').click();
    await fixture.whenStable();
    http.expectNone(`${APPROVALS}/theirs/reject`);
    expect(textOf(item('theirs').querySelector('mat-error'))).toBe('Reason is required.');
  });

  it('shows the api’s refusal', async () => {
    await start();
    buttonNamed(item('theirs'), 'Approve').click();
    (await nextRequest(http, { url: `${APPROVALS}/theirs/approve` })).flush(
      problem(409, 'IDENTITY.APPROVAL_NOT_PENDING', 'Someone decided this request already.'),
      { status: 409, statusText: 'Conflict' },
    );
    await until('the refusal shows', () => textOf(element).includes('Someone decided this request already.'));
  });

  it('tells staff who may only request approvals why they cannot decide', async () => {
    await start({ ...STAFF_ADMIN, staffRoles: ['support'] });
    expect(buttonNamed(item('theirs'), 'Approve').hasAttribute('disabled')).toBe(true);
    expect(textOf(item('theirs'))).toContain('Your staff roles let you request approvals, not decide them.');
  });
});
