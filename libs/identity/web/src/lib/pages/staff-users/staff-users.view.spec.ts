import { type HttpRequest } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type SessionUser, STAFF_PATH, type StaffUserSummary } from '@bandstand/identity/contracts';
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
import { StaffUsersViewComponent } from './staff-users.view';

const USERS = `${STAFF_PATH}/users`;

/** A read of the user list, whatever its query. */
const userList = (request: HttpRequest<unknown>) => request.method === 'GET' && request.url === USERS;

const BO: StaffUserSummary = {
  userId: 'user-bo',
  email: 'bo@example.com',
  displayName: 'Bo Berg',
  staffRoles: [],
  createdAt: '2026-10-01T09:00:00.000Z',
  deleted: false,
};

const CY: StaffUserSummary = {
  ...BO,
  userId: 'user-cy',
  email: 'cy@example.com',
  displayName: 'Cy Chen',
  staffRoles: ['support'],
};

describe('the staff users view', () => {
  let fixture: ComponentFixture<StaffUsersViewComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(viewer: SessionUser = STAFF_ADMIN): Promise<void> {
    TestBed.configureTestingModule({
      providers: identityTestingProviders({ console: 'staff', access: 'staff' }),
    });
    TestBed.inject(AuthStore).accept(session(viewer));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StaffUsersViewComponent);
    element = fixture.nativeElement as HTMLElement;
    const first = await nextRequest(http, userList);
    expect(first.request.params.keys()).toEqual([]);
    first.flush({ items: [BO], nextCursor: 'c2' });
    await fixture.whenStable();
  }

  async function openBo(roles: StaffUserSummary['staffRoles'] = []): Promise<void> {
    buttonNamed(element, 'Open Bo Berg').click();
    (await nextRequest(http, { method: 'GET', url: `${USERS}/user-bo` })).flush({ ...BO, staffRoles: roles });
    await fixture.whenStable();
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('lists users page by page and searches by e-mail or name', async () => {
    await start();
    expect(textOf(element.querySelector('tr[data-user="user-bo"]'))).toContain('bo@example.com');
    buttonNamed(element, 'Load more').click();
    const more = await nextRequest(http, userList);
    expect(more.request.params.get('cursor')).toBe('c2');
    more.flush({ items: [CY], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelectorAll('tr[data-user]')).toHaveLength(2);
    expect(() => buttonNamed(element, 'Load more')).toThrow();

    const search = element.querySelector<HTMLInputElement>('input[type="search"]');
    if (search === null) throw new Error('no search field');
    type(search, ' cy@ ');
    buttonNamed(element, 'Search').click();
    const found = await nextRequest(http, userList);
    expect(found.request.params.get('query')).toBe('cy@');
    expect(found.request.params.has('cursor')).toBe(false);
    found.flush([CY]);
    await fixture.whenStable();
    expect(
      [...element.querySelectorAll('tr[data-user]')].map((row) => row.getAttribute('data-user')),
    ).toEqual(['user-cy']);
  });

  it('grants a role, and says when it waits for a second approver', async () => {
    await start();
    await openBo();
    const detail = element.querySelector<HTMLElement>('bs-staff-user-detail');
    if (detail === null) throw new Error('no detail');
    detail.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => textOf(option) === 'admin')
      ?.click();
    await fixture.whenStable();
    buttonNamed(detail, 'Grant role').click();
    const grant = await nextRequest(http, { method: 'POST', url: `${USERS}/user-bo/roles` });
    expect(grant.request.body).toEqual({ role: 'admin' });
    grant.flush({ status: 'approval-required', approvalId: 'appr-1' });
    (await nextRequest(http, { method: 'GET', url: `${USERS}/user-bo` })).flush(BO);
    await until('the notice shows', () =>
      textOf(element).includes('Granting admin needs a second staff member: the request waits in Approvals.'),
    );
  });

  it('revokes a role', async () => {
    await start();
    await openBo(['support']);
    buttonNamed(element, 'Revoke support from Bo Berg').click();
    (await nextRequest(http, { method: 'DELETE', url: `${USERS}/user-bo/roles/support` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    (await nextRequest(http, { method: 'GET', url: `${USERS}/user-bo` })).flush(BO);
    await until('the notice shows', () => textOf(element).includes('support was revoked from Bo Berg.'));
    expect(textOf(element.querySelector('tr[data-user="user-bo"]'))).not.toContain('support');
  });

  it('revokes every session of a user once confirmed, and shows a refusal', async () => {
    await start();
    await openBo();
    buttonNamed(element, 'Revoke sessions').click();
    await until('the confirmation opens', () => document.querySelector('bs-confirm-dialog') !== null);
    await fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('bs-confirm-dialog');
    if (dialog === null) throw new Error('no dialog');
    buttonNamed(dialog, 'Revoke sessions').click();
    (await nextRequest(http, { method: 'POST', url: `${USERS}/user-bo/sessions/revoke` })).flush(
      problem(403, 'ACCESS.FORBIDDEN', 'Your roles do not allow this.'),
      { status: 403, statusText: 'Forbidden' },
    );
    await until('the refusal shows', () => textOf(element).includes('Your roles do not allow this.'));
  });

  it('offers a support member no role changes', async () => {
    await start({ ...STAFF_ADMIN, staffRoles: ['support'] });
    await openBo(['analyst']);
    expect(() => buttonNamed(element, 'Grant role')).toThrow();
    expect(() => buttonNamed(element, 'Revoke analyst from Bo Berg')).toThrow();
    expect(buttonNamed(element, 'Revoke sessions')).toBeTruthy();
  });
});
