import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type InvitationPreview, INVITATIONS_PATH } from '@bandstand/identity/contracts';
import { AuthStore } from '../../data/auth.store';
import {
  buttonNamed,
  nextRequest,
  openIdentityPage,
  problem,
  session,
  textOf,
  until,
} from '../../testing/identity-fixtures';

const PREVIEW: InvitationPreview = {
  orgName: 'Night Drive',
  orgKind: 'artist',
  role: 'accountant',
  invitedBy: 'Ana Lima',
  email: 'bo@example.com',
  expiresAt: '2026-11-28T10:00:00.000Z',
};

function open(signedIn: boolean, url = '/invitations/accept?token=inv-1') {
  return openIdentityPage(url, { console: 'creator', access: 'signed-in' }, [], () => {
    if (signedIn) TestBed.inject(AuthStore).accept(session());
  });
}

describe('the invitation page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows what joining means, before anyone signs in', async () => {
    const { harness, http, page } = await open(false);
    (await nextRequest(http, { method: 'GET', url: `${INVITATIONS_PATH}/inv-1` })).flush(PREVIEW);
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('.bs-invitation-summary'))).toBe(
      'Ana Lima invites bo@example.com to join Night Drive (artist) as accountant.',
    );
    expect(textOf(page().querySelector('.bs-invitation-permissions'))).toContain(
      'Schedule and record payouts',
    );
    expect(textOf(page().querySelector('.bs-invitation-permissions'))).not.toContain(
      'Run campaigns and links',
    );
    const back = encodeURIComponent('/invitations/accept?token=inv-1');
    expect(buttonNamed(page(), 'Sign in').getAttribute('href')).toBe(`/sign-in?returnUrl=${back}`);
    expect(buttonNamed(page(), 'Create an account').getAttribute('href')).toBe(
      `/sign-up?returnUrl=${back}&email=bo@example.com`,
    );
    expect(() => buttonNamed(page(), 'Accept invitation')).toThrow();
  });

  it('accepts for the signed-in user and opens the team', async () => {
    const { harness, http, page, router } = await open(true);
    (await nextRequest(http, { url: `${INVITATIONS_PATH}/inv-1` })).flush(PREVIEW);
    await harness.fixture.whenStable();
    buttonNamed(page(), 'Accept invitation').click();
    const accept = await nextRequest(http, { method: 'POST', url: `${INVITATIONS_PATH}/accept` });
    expect(accept.request.body).toEqual({ token: 'inv-1' });
    expect(accept.request.headers.get('Authorization')).toBe('Bearer token-1');
    accept.flush({ orgId: 'org-1', role: 'accountant' });
    await until('the team opens', () => router.url === '/team');
  });

  it('says why an invitation for another address cannot be accepted', async () => {
    const { harness, http, page } = await open(true);
    (await nextRequest(http, { url: `${INVITATIONS_PATH}/inv-1` })).flush(PREVIEW);
    await harness.fixture.whenStable();
    buttonNamed(page(), 'Accept invitation').click();
    (await nextRequest(http, { url: `${INVITATIONS_PATH}/accept` })).flush(
      problem(403, 'IDENTITY.INVITATION_FOR_ANOTHER_EMAIL', 'This invitation is for bo@example.com.'),
      { status: 403, statusText: 'Forbidden' },
    );
    await until('the reason shows', () =>
      textOf(harness.routeNativeElement?.querySelector('.bs-problem-detail')).includes(
        'This invitation is for bo@example.com.',
      ),
    );
  });

  it('explains an expired invitation', async () => {
    const { harness, http, page } = await open(false);
    (await nextRequest(http, { url: `${INVITATIONS_PATH}/inv-1` })).flush(
      problem(410, 'IDENTITY.INVITATION_EXPIRED', 'This invitation expired on 14 November.'),
      { status: 410, statusText: 'Gone' },
    );
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('bs-error-state'))).toContain(
      'This invitation expired on 14 November.',
    );
  });
});
