import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH, ME_PATH } from '@bandstand/identity/contracts';
import { firstValueFrom } from 'rxjs';
import { ANA, identityTestingProviders, problem, session } from '../testing/identity-fixtures';
import { AuthStore } from './auth.store';

const REFRESH = `${AUTH_PATH}/refresh`;
const EXPIRED = problem(401, 'ACCESS.TOKEN_EXPIRED', 'The access token has expired.');
const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

function setup(signedIn = true) {
  TestBed.configureTestingModule({
    providers: identityTestingProviders({ console: 'creator', access: 'signed-in' }),
  });
  const store = TestBed.inject(AuthStore);
  if (signedIn) store.accept(session(ANA, 'old-token'));
  return { store, client: TestBed.inject(HttpClient), http: TestBed.inject(HttpTestingController) };
}

/** The request's error, or a failure when it succeeded. */
async function failureOf(request: Promise<unknown>): Promise<HttpErrorResponse> {
  try {
    await request;
  } catch (error: unknown) {
    if (error instanceof HttpErrorResponse) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe('authInterceptor', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it("adds the bearer token to the api's requests", async () => {
    const { client, http } = setup();
    const answer = firstValueFrom(client.get(ME_PATH));
    const request = http.expectOne(ME_PATH);
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-token');
    request.flush({ ok: true });
    expect(await answer).toEqual({ ok: true });
  });

  it.each([
    ['the auth endpoints, which work from the cookie', `${AUTH_PATH}/providers`],
    ['another origin', 'https://cdn.example.com/api/v1/me'],
    ['a path outside the api', '/assets/logo.svg'],
  ])('keeps the token away from %s', async (_where, url) => {
    const { client, http } = setup();
    const answer = firstValueFrom(client.get(url));
    const request = http.expectOne(url);
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush([]);
    await answer;
  });

  it('sends no header without a session', async () => {
    const { client, http } = setup(false);
    const answer = firstValueFrom(client.get(ME_PATH));
    const request = http.expectOne(ME_PATH);
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await answer;
  });

  it('refreshes an expired token once for all waiting requests, then sends each again with the new one', async () => {
    const { client, http, store } = setup();
    const me = firstValueFrom(client.get(ME_PATH));
    const sessions = firstValueFrom(client.get(`${ME_PATH}/sessions`));
    http.expectOne(ME_PATH).flush(EXPIRED, UNAUTHORIZED);
    http.expectOne(`${ME_PATH}/sessions`).flush(EXPIRED, UNAUTHORIZED);

    // One refresh: a second use of the rotating refresh token would end the session.
    http.expectOne({ method: 'POST', url: REFRESH }).flush(session(ANA, 'new-token'));
    const retriedMe = http.expectOne(ME_PATH);
    const retriedSessions = http.expectOne(`${ME_PATH}/sessions`);
    expect(retriedMe.request.headers.get('Authorization')).toBe('Bearer new-token');
    expect(retriedSessions.request.headers.get('Authorization')).toBe('Bearer new-token');
    retriedMe.flush({ userId: ANA.userId });
    retriedSessions.flush([]);
    expect(await me).toEqual({ userId: ANA.userId });
    expect(await sessions).toEqual([]);
    expect(store.accessToken()).toBe('new-token');
  });

  it('uses a token refreshed meanwhile instead of refreshing again', async () => {
    const { client, http, store } = setup();
    const me = firstValueFrom(client.get(ME_PATH));
    const request = http.expectOne(ME_PATH);
    store.accept(session(ANA, 'newer-token'));
    request.flush(EXPIRED, UNAUTHORIZED);
    http.expectNone(REFRESH);
    const retried = http.expectOne(ME_PATH);
    expect(retried.request.headers.get('Authorization')).toBe('Bearer newer-token');
    retried.flush({});
    await me;
  });

  it('retries only once: a second expiry reaches the caller', async () => {
    const { client, http } = setup();
    const me = failureOf(firstValueFrom(client.get(ME_PATH)));
    http.expectOne(ME_PATH).flush(EXPIRED, UNAUTHORIZED);
    http.expectOne(REFRESH).flush(session(ANA, 'new-token'));
    http.expectOne(ME_PATH).flush(EXPIRED, UNAUTHORIZED);
    expect((await me).error).toMatchObject({ code: 'ACCESS.TOKEN_EXPIRED' });
    http.expectNone(REFRESH);
  });

  it('passes the original error on when the refresh fails, and the console is signed out', async () => {
    const { client, http, store } = setup();
    const me = failureOf(firstValueFrom(client.get(ME_PATH)));
    http.expectOne(ME_PATH).flush(EXPIRED, UNAUTHORIZED);
    http.expectOne(REFRESH).flush(problem(401, 'IDENTITY.REFRESH_TOKEN_REUSED', 'Reused.'), UNAUTHORIZED);
    expect((await me).error).toMatchObject({ code: 'ACCESS.TOKEN_EXPIRED' });
    expect(store.status()).toBe('signed-out');
  });

  it('does not refresh on other refusals', async () => {
    const { client, http } = setup();
    const me = failureOf(firstValueFrom(client.get(ME_PATH)));
    http.expectOne(ME_PATH).flush(problem(401, 'ACCESS.SESSION_ENDED', 'Revoked.'), UNAUTHORIZED);
    expect((await me).status).toBe(401);
    http.expectNone(REFRESH);
  });
});
