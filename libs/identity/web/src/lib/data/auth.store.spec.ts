import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import { firstValueFrom } from 'rxjs';
import { SESSION_HINT_KEY } from '../identity.config';
import { ANA, identityTestingProviders, problem, session } from '../testing/identity-fixtures';
import { AuthStore } from './auth.store';

const REFRESH = `${AUTH_PATH}/refresh`;

function setup() {
  TestBed.configureTestingModule({
    providers: identityTestingProviders({ console: 'fan', access: 'public' }),
  });
  return { store: TestBed.inject(AuthStore), http: TestBed.inject(HttpTestingController) };
}

describe('AuthStore', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('restores the session from the refresh cookie when this browser signed in before', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { store, http } = setup();
    expect(store.status()).toBe('restoring');
    const restored = store.restore();
    const refresh = http.expectOne({ method: 'POST', url: REFRESH });
    expect(refresh.request.withCredentials).toBe(true);
    refresh.flush(session());
    await restored;
    expect(store.status()).toBe('signed-in');
    expect(store.user()).toEqual(ANA);
    expect(store.accessToken()).toBe('token-1');
    expect(store.sessionId()).toBe('session-of-user-ana');
  });

  it('asks nothing when a sign-in came first', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { store, http } = setup();
    store.accept(session());
    await store.restore();
    http.expectNone(REFRESH);
    expect(store.status()).toBe('signed-in');
  });

  it('asks nothing for a visitor who never signed in here, and is signed out', async () => {
    const { store, http } = setup();
    await store.restore();
    http.expectNone(REFRESH);
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('restores once: later calls wait for the same attempt', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { store, http } = setup();
    const first = store.restore();
    const second = store.restore();
    http.expectOne(REFRESH).flush(session());
    await Promise.all([first, second]);
    await store.restore();
    http.expectNone(REFRESH);
  });

  it('forgets a spent cookie: signed out, and no refresh on the next start', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { store, http } = setup();
    const restored = store.restore();
    http.expectOne(REFRESH).flush(problem(401, 'IDENTITY.REFRESH_TOKEN_INVALID', 'No valid refresh token.'), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await restored;
    expect(store.status()).toBe('signed-out');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('keeps trying on the next start when the api could not be reached', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { store, http } = setup();
    const restored = store.restore();
    http.expectOne(REFRESH).error(new ProgressEvent('error'));
    await restored;
    expect(store.status()).toBe('signed-out');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('1');
  });

  it('shares one refresh among everyone asking while it runs, and refreshes anew afterwards', async () => {
    const { store, http } = setup();
    const first = firstValueFrom(store.refresh());
    const second = firstValueFrom(store.refresh());
    http.expectOne(REFRESH).flush(session(ANA, 'token-2'));
    expect(await Promise.all([first, second])).toEqual(['token-2', 'token-2']);

    const third = firstValueFrom(store.refresh());
    http.expectOne(REFRESH).flush(session(ANA, 'token-3'));
    expect(await third).toBe('token-3');
    expect(store.accessToken()).toBe('token-3');
  });

  it('keeps the token in memory only: storage holds nothing but the hint', () => {
    const { store } = setup();
    store.accept(session());
    expect(Object.keys(localStorage)).toEqual([SESSION_HINT_KEY]);
    expect(JSON.stringify(localStorage)).not.toContain('token-1');
  });

  it('signs out through the api, then forgets the session and the hint', async () => {
    const { store, http } = setup();
    store.accept(session());
    const done = store.signOut();
    const signOut = http.expectOne({ method: 'POST', url: `${AUTH_PATH}/sign-out` });
    expect(signOut.request.withCredentials).toBe(true);
    signOut.flush(null, { status: 204, statusText: 'No Content' });
    expect(await done).toBeNull();
    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('forgets the session even when the api cannot be told, and says so', async () => {
    const { store, http } = setup();
    store.accept(session());
    const done = store.signOut();
    http.expectOne(`${AUTH_PATH}/sign-out`).error(new ProgressEvent('error'));
    expect(await done).toMatchObject({ code: 'HTTP.NETWORK_ERROR' });
    expect(store.user()).toBeNull();
  });

  it('shows a new display name at once', () => {
    const { store } = setup();
    store.accept(session());
    store.patchUser({ displayName: 'Ana L.' });
    expect(store.user()?.displayName).toBe('Ana L.');
  });
});
