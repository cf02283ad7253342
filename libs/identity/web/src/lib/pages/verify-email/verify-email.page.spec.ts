import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import { RETURN_URL_KEY } from '../../identity.config';
import {
  ANA,
  nextRequest,
  openIdentityPage,
  problem,
  session,
  textOf,
  until,
} from '../../testing/identity-fixtures';

const VERIFY = `${AUTH_PATH}/verify-email`;

function open(url: string, returnUrl?: string) {
  return openIdentityPage(url, { console: 'creator', access: 'signed-in' }, [], () => {
    if (returnUrl !== undefined) localStorage.setItem(RETURN_URL_KEY, returnUrl);
  });
}

describe('the verify-email page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('verifies the address with the link’s token, signs in and continues where sign-up began', async () => {
    const { http, router, store } = await open(
      '/verify-email?token=tok-123',
      '/invitations/accept?token=inv-9',
    );
    const request = await nextRequest(http, { method: 'POST', url: VERIFY });
    expect(request.request.body).toEqual({ token: 'tok-123' });
    expect(request.request.withCredentials).toBe(true);
    request.flush(session());
    await until('the invitation opens', () => router.url === '/invitations/accept?token=inv-9');
    expect(store.user()).toEqual(ANA);
    expect(localStorage.getItem(RETURN_URL_KEY)).toBeNull();
  });

  it('explains a link that was used already', async () => {
    const { harness, http, page, store } = await open('/verify-email?token=tok-used');
    (await nextRequest(http, { url: VERIFY })).flush(
      problem(400, 'IDENTITY.TOKEN_USED', 'This link was used already.'),
      { status: 400, statusText: 'Bad Request' },
    );
    await until(
      'the problem shows',
      () => textOf(harness.routeNativeElement?.querySelector('.bs-problem-detail')) !== '',
    );
    expect(textOf(page().querySelector('.bs-problem-detail'))).toBe('This link was used already.');
    expect(textOf(page())).toContain('If you already verified your address, sign in.');
    expect(store.user()).toBeNull();
  });

  it('asks nothing of the api for a link without a token', async () => {
    const { harness, http, page } = await open('/verify-email');
    await harness.fixture.whenStable();
    http.expectNone(VERIFY);
    expect(textOf(page().querySelector('bs-problem-alert'))).toContain(
      'This verification link has no token.',
    );
  });
});
