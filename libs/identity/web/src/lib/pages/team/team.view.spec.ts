import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  type Invitation,
  type MembershipSummary,
  type Organisation,
  ORGS_PATH,
  type TeamActivityEntry,
  type TeamMember,
} from '@bandstand/identity/contracts';
import { ORG_PERMISSIONS } from '@bandstand/shared/contracts';
import { AuthStore } from '../../data/auth.store';
import {
  ANA,
  buttonNamed,
  fieldLabelled,
  identityTestingProviders,
  nextRequest,
  problem,
  session,
  spokenText,
  textOf,
  type,
  until,
} from '../../testing/identity-fixtures';
import { TeamViewComponent } from './team.view';

const ORG = `${ORGS_PATH}/org-1`;

// GET /orgs answers Organisations with the caller's role in each.
function membership(role: MembershipSummary['role']): Organisation {
  return {
    orgId: 'org-1',
    name: 'Night Drive',
    kind: 'artist',
    createdAt: '2026-11-01T10:00:00.000Z',
    myRole: role,
  };
}

const MEMBERS: readonly TeamMember[] = [
  {
    userId: ANA.userId,
    displayName: 'Ana Lima',
    email: ANA.email,
    role: 'owner',
    joinedAt: '2026-09-01T09:00:00.000Z',
  },
  {
    userId: 'user-bo',
    displayName: 'Bo Berg',
    email: 'bo@example.com',
    role: 'editor',
    joinedAt: '2026-10-01T09:00:00.000Z',
  },
];

const INVITATIONS: readonly Invitation[] = [
  {
    invitationId: 'inv-1',
    email: 'cy@example.com',
    role: 'reader',
    invitedBy: 'Ana Lima',
    createdAt: '2026-11-20T09:00:00.000Z',
    expiresAt: '2026-11-27T09:00:00.000Z',
    status: 'pending',
  },
  {
    invitationId: 'inv-0',
    email: 'old@example.com',
    role: 'reader',
    invitedBy: 'Ana Lima',
    createdAt: '2026-10-20T09:00:00.000Z',
    expiresAt: '2026-10-27T09:00:00.000Z',
    status: 'accepted',
  },
];

const ACTIVITY: readonly TeamActivityEntry[] = [
  {
    eventId: 'e2',
    at: '2026-11-20T09:00:00.000Z',
    actor: { userId: ANA.userId, displayName: 'Ana Lima' },
    kind: 'member-invited',
    summary: 'Ana Lima invited cy@example.com as reader',
  },
];

describe('the team view', () => {
  let fixture: ComponentFixture<TeamViewComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(organisations: readonly Organisation[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: identityTestingProviders({ console: 'creator', access: 'signed-in' }),
    });
    TestBed.inject(AuthStore).accept(session());
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TeamViewComponent);
    element = fixture.nativeElement as HTMLElement;
    (await nextRequest(http, { method: 'GET', url: ORGS_PATH })).flush(organisations);
    // Not whenStable: the team's own reads keep the view busy until the test answers them.
    await until('the organisations are shown', () => !textOf(element).includes('Loading your organisations'));
  }

  /** Answers the team's reads for a member with `role`. */
  async function answerTeam(role: MembershipSummary['role']): Promise<void> {
    (await nextRequest(http, { method: 'GET', url: `${ORG}/members` })).flush(MEMBERS);
    (await nextRequest(http, { method: 'GET', url: `${ORG}/invitations` })).flush(INVITATIONS);
    if (role === 'owner' || role === 'admin') {
      (await nextRequest(http, { method: 'GET', url: `${ORG}/activity` })).flush(ACTIVITY);
    }
    await fixture.whenStable();
  }

  function row(userId: string): HTMLElement {
    const found = element.querySelector<HTMLElement>(`tr[data-member="${userId}"]`);
    if (found === null) throw new Error(`no row for ${userId}`);
    return found;
  }

  async function choose(select: Element, option: string): Promise<void> {
    select.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    const choice = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => textOf(candidate) === option,
    );
    if (choice === undefined) throw new Error(`no option ${option}`);
    choice.click();
    await fixture.whenStable();
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('offers to create an organisation when the user has none, and opens its team once created', async () => {
    await start([]);
    expect(textOf(element)).toContain('Create an organisation');
    type(fieldLabelled(element, 'Organisation name'), 'Night Drive');
    buttonNamed(element, 'Create organisation').click();
    const create = await nextRequest(http, { method: 'POST', url: ORGS_PATH });
    expect(create.request.body).toEqual({ name: 'Night Drive', kind: 'artist' });
    create.flush({
      orgId: 'org-1',
      name: 'Night Drive',
      kind: 'artist',
      createdAt: '2026-11-21T10:00:00.000Z',
      myRole: 'owner',
    });
    (await nextRequest(http, { method: 'GET', url: ORGS_PATH })).flush([membership('owner')]);
    await answerTeam('owner');
    expect(textOf(element.querySelector('.bs-org-name'))).toBe('Night Drive');
    expect(textOf(element)).toContain('Night Drive was created. You are its owner.');
  });

  it('lets an owner change a role in place', async () => {
    await start([membership('owner')]);
    await answerTeam('owner');
    const select = row('user-bo').querySelector('mat-select');
    expect(select?.getAttribute('aria-label')).toBe('Role of Bo Berg');
    if (select === null) throw new Error('no role select');
    await choose(select, 'admin');
    const change = await nextRequest(http, { method: 'PATCH', url: `${ORG}/members/user-bo` });
    expect(change.request.body).toEqual({ role: 'admin' });
    change.flush({});
    (await nextRequest(http, { url: `${ORG}/members` })).flush([
      MEMBERS[0],
      { ...MEMBERS[1], role: 'admin' },
    ]);
    (await nextRequest(http, { url: `${ORG}/activity` })).flush(ACTIVITY);
    await until('the notice shows', () => textOf(element).includes('Bo Berg is now admin.'));
  });

  it('shows why a role change was refused and keeps the role the api has', async () => {
    await start([membership('owner')]);
    await answerTeam('owner');
    const select = row(ANA.userId).querySelector('mat-select');
    if (select === null) throw new Error('no role select');
    await choose(select, 'reader');
    (await nextRequest(http, { method: 'PATCH', url: `${ORG}/members/${ANA.userId}` })).flush(
      problem(409, 'IDENTITY.LAST_OWNER', 'An organisation keeps at least one owner.'),
      { status: 409, statusText: 'Conflict' },
    );
    await until('the reason shows', () =>
      textOf(element).includes('An organisation keeps at least one owner.'),
    );
    expect(textOf(row(ANA.userId).querySelector('.mat-mdc-select-value'))).toBe('owner');
  });

  it('removes a member once confirmed', async () => {
    await start([membership('owner')]);
    await answerTeam('owner');
    buttonNamed(row('user-bo'), 'Remove Bo Berg').click();
    await until('the confirmation opens', () => document.querySelector('bs-confirm-dialog') !== null);
    await fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('bs-confirm-dialog');
    if (dialog === null) throw new Error('no dialog');
    expect(textOf(dialog.querySelector('h2'))).toBe('Remove Bo Berg?');
    buttonNamed(dialog, 'Remove member').click();
    (await nextRequest(http, { method: 'DELETE', url: `${ORG}/members/user-bo` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    (await nextRequest(http, { url: `${ORG}/members` })).flush(MEMBERS.slice(0, 1));
    (await nextRequest(http, { url: `${ORG}/activity` })).flush(ACTIVITY);
    await until('the row is gone', () => element.querySelector('tr[data-member="user-bo"]') === null);
  });

  it('invites by e-mail with a role, lists pending invitations and revokes one', async () => {
    await start([membership('admin')]);
    await answerTeam('admin');
    const pending = element.querySelector('bs-pending-invitations');
    expect(textOf(pending)).toContain('cy@example.com');
    expect(textOf(pending)).not.toContain('old@example.com');

    const form = element.querySelector<HTMLElement>('bs-invite-form');
    if (form === null) throw new Error('no invite form');
    type(fieldLabelled(form, 'E-mail'), 'dee@example.com');
    const roleSelect = form.querySelector('mat-select');
    if (roleSelect === null) throw new Error('no role select');
    await choose(roleSelect, 'editor');
    // An admin may not make owners: the invitation offers no owner role.
    roleSelect.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    expect([...document.querySelectorAll('mat-option')].map((option) => textOf(option))).toEqual([
      'admin',
      'editor',
      'reader',
      'accountant',
    ]);
    document.querySelector<HTMLElement>('mat-option')?.click();
    await choose(roleSelect, 'editor');
    buttonNamed(form, 'Invite').click();
    const invite = await nextRequest(http, { method: 'POST', url: `${ORG}/invitations` });
    expect(invite.request.body).toEqual({ email: 'dee@example.com', role: 'editor' });
    invite.flush({});
    (await nextRequest(http, { url: `${ORG}/invitations` })).flush(INVITATIONS);
    (await nextRequest(http, { url: `${ORG}/activity` })).flush(ACTIVITY);
    await until('the form empties', () => fieldLabelled(form, 'E-mail').value === '');
    expect(textOf(element)).toContain('An invitation was sent to dee@example.com.');

    buttonNamed(element, 'Revoke invitation for cy@example.com').click();
    (await nextRequest(http, { method: 'DELETE', url: `${ORG}/invitations/inv-1` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    (await nextRequest(http, { url: `${ORG}/invitations` })).flush(INVITATIONS.slice(1));
    (await nextRequest(http, { url: `${ORG}/activity` })).flush(ACTIVITY);
    await until('the invitation is gone', () =>
      textOf(element).includes('No invitation is waiting for an answer.'),
    );
  });

  it('puts a refused invitation’s field error next to the field', async () => {
    await start([membership('owner')]);
    await answerTeam('owner');
    const form = element.querySelector<HTMLElement>('bs-invite-form');
    if (form === null) throw new Error('no invite form');
    type(fieldLabelled(form, 'E-mail'), 'bo@example.com');
    buttonNamed(form, 'Invite').click();
    (await nextRequest(http, { method: 'POST', url: `${ORG}/invitations` })).flush(
      problem(409, 'IDENTITY.ALREADY_MEMBER', 'Bo is in the team already.', [
        { field: 'email', code: 'IDENTITY.ALREADY_MEMBER', message: 'This person is a member already.' },
      ]),
      { status: 409, statusText: 'Conflict' },
    );
    await until('the field error shows', () =>
      textOf(form.querySelector('mat-error')).includes('This person is a member already.'),
    );
  });

  it('shows a reader the team and the matrix, but no management and no activity log', async () => {
    await start([membership('reader')]);
    await answerTeam('reader');
    expect(row('user-bo').querySelector('mat-select')).toBeNull();
    expect(textOf(row('user-bo'))).toContain('editor');
    expect(element.querySelector('bs-invite-form')).toBeNull();
    expect(() => buttonNamed(element, 'Remove Bo Berg')).toThrow();
    expect(element.querySelector('bs-team-activity')).toBeNull();
    http.expectNone(`${ORG}/activity`);
  });

  it('shows owners the activity log and everyone the permission matrix', async () => {
    await start([membership('owner')]);
    await answerTeam('owner');
    expect(textOf(element.querySelector('bs-team-activity'))).toContain(
      'Ana Lima invited cy@example.com as reader',
    );
    const matrix = element.querySelector('bs-permission-matrix');
    expect(matrix?.querySelectorAll('tbody tr')).toHaveLength(ORG_PERMISSIONS.length);
    const payouts = matrix?.querySelector('tr[data-permission="payouts.manage"]');
    expect(textOf(payouts?.querySelector('th'))).toBe('Schedule and record payouts');
    expect([...(payouts?.querySelectorAll('td') ?? [])].map((cell) => spokenText(cell))).toEqual([
      'Yes',
      'Yes',
      'No',
      'No',
      'Yes',
    ]);
  });
});
