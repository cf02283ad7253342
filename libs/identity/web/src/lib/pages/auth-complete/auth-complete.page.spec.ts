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

function open(returnUrl?: string) {
  return openIdentityPage('/auth/complete', { console: 'fan', access: 'public' }, [], () => {
    if (returnUrl !== undefined) localStorage.setItem(RETURN_URL_KEY, returnUrl);
  });
}

describe('the auth/complete page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('takes the session the provider’s sign-in started and opens the page the user came from', async () => {
    const { http, router, store } = await open('/perks');
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/refresh` })).flush(session());
    await until('the perks page opens', () => router.url === '/perks');
    expect(store.user()).toEqual(ANA);
  });

  it('opens the start page when nothing was remembered', async () => {
    const { http, router } = await open();
    (await nextRequest(http, { url: `${AUTH_PATH}/refresh` })).flush(session());
    await until('the start page opens', () => router.url === '/');
  });

  it('offers to sign in again when no session came back', async () => {
    const { harness, http, page } = await open('/perks');
    (await nextRequest(http, { url: `${AUTH_PATH}/refresh` })).flush(
      problem(401, 'IDENTITY.REFRESH_TOKEN_INVALID', 'No session.'),
      { status: 401, statusText: 'Unauthorized' },
    );
    await until('the failure shows', () =>
      textOf(harness.routeNativeElement).includes('could not be completed'),
    );
    expect(textOf(page().querySelector('a'))).toBe('Sign in');
  });
});
