import {
  DEFAULT_OIDC_TEST_ACCOUNTS,
  type LocalOidcProvider,
  signInAtProvider,
  startOidcProvider,
} from '@bandstand/identity/testing';
import { freePort, removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { Redis } from 'ioredis';
import { OpenIdSignIn } from './openid-sign-in.adapter';
import { oidcSettingsFrom, type OidcConfig } from './oidc.settings';

const PUBLIC_URL = 'http://localhost:4200';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/oidc/callback`;
const CLIENT = { client_id: 'bandstand-test', client_secret: 'a-client-secret-for-tests-only' };
const ana = { username: 'ana', password: DEFAULT_OIDC_TEST_ACCOUNTS['ana']?.password ?? '' };

function config(issuer: string, prefix: string, overrides: Partial<OidcConfig> = {}): OidcConfig {
  return {
    NODE_ENV: 'test',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    PUBLIC_URL,
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: CLIENT.client_id,
    AUTH_OIDC_CLIENT_SECRET: CLIENT.client_secret,
    AUTH_OIDC_LABEL: 'Local provider',
    AUTH_SPOTIFY_CLIENT_ID: undefined,
    AUTH_SPOTIFY_CLIENT_SECRET: undefined,
    AUTH_SPOTIFY_ACCOUNTS_URL: 'https://accounts.spotify.com',
    AUTH_SPOTIFY_API_URL: 'https://api.spotify.com',
    ...overrides,
  };
}

async function codeOf(
  promise: Promise<unknown>,
): Promise<{ code: unknown; status: unknown; message: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { code, status, message } = error as { code?: unknown; status?: unknown; message?: unknown };
    return { code, status, message };
  }
  throw new Error('expected the promise to reject');
}

describe('OpenIdSignIn against a real OpenID Provider and Redis', () => {
  let provider: LocalOidcProvider;
  let signIn: OpenIdSignIn;
  let redis: Redis;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    provider = await startOidcProvider({ clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI] }] });
    signIn = new OpenIdSignIn(oidcSettingsFrom(config(provider.issuer, prefix)));
    redis = new Redis(testRedisUrl());
  });

  afterAll(async () => {
    await signIn.onModuleDestroy();
    await removeRedisKeys(testRedisUrl(), prefix);
    redis.disconnect();
    await provider.stop();
  });

  afterEach(() => {
    expect(provider.serverErrors).toEqual([]);
  });

  const stateOf = (url: string | URL): string => new URL(url).searchParams.get('state') ?? '';

  it('lists only the configured providers', () => {
    expect(signIn.providers()).toEqual([{ id: 'oidc', label: 'Local provider' }]);
  });

  it('signs in: start, login and consent at the provider, callback, claims from ID token and userinfo', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const authorization = new URL(redirectUrl);
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toEqual({
      client_id: CLIENT.client_id,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email profile',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      code_challenge_method: 'S256',
    });
    const key = `${prefix}:oidc:${stateOf(authorization)}`;
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(JSON.parse((await redis.get(key)) ?? 'null')).toEqual({
      provider: 'oidc',
      codeVerifier: expect.any(String) as unknown,
      nonce: authorization.searchParams.get('nonce'),
      intent: { mode: 'sign-in', console: 'fan' },
    });

    const callback = await signInAtProvider(authorization, ana);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('code')).toEqual(expect.any(String));

    const result = await signIn.complete('oidc', callback);
    expect(result).toEqual({
      claims: {
        provider: 'oidc',
        subject: 'ana-subject-0001',
        email: 'ana@provider.example',
        emailVerified: true,
        name: 'Ana Provider',
      },
      intent: { mode: 'sign-in', console: 'fan' },
    });
    expect(await redis.exists(key)).toBe(0);
  });

  it('accepts the callback on another host (behind a proxy) and reports an unverified e-mail as such', async () => {
    const { redirectUrl } = await signIn.start('oidc', {
      mode: 'link',
      console: 'creator',
      userId: 'user-7',
    });
    const callback = await signInAtProvider(redirectUrl, {
      username: 'bo',
      password: DEFAULT_OIDC_TEST_ACCOUNTS['bo']?.password ?? '',
    });
    const proxied = new URL(`http://10.0.0.5:3000/api/v1/auth/oidc/oidc/callback${callback.search}`);
    const result = await signIn.complete('oidc', proxied);
    expect(result).toEqual({
      claims: {
        provider: 'oidc',
        subject: 'bo-subject-0002',
        email: 'bo@provider.example',
        emailVerified: false,
        name: 'Bo Unverified',
      },
      intent: { mode: 'link', console: 'creator', userId: 'user-7' },
    });
  });

  it('peeks at the intent of a state without consuming it', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'staff' });
    const state = stateOf(redirectUrl);
    expect(await signIn.peekIntent(state)).toEqual({ mode: 'sign-in', console: 'staff' });
    expect(await signIn.peekIntent(state)).toEqual({ mode: 'sign-in', console: 'staff' });
    expect(await signIn.peekIntent('unknown-state-0123456789')).toBeNull();
    expect(await signIn.peekIntent('bad state')).toBeNull();
    const callback = await signInAtProvider(redirectUrl, ana);
    await expect(signIn.complete('oidc', callback)).resolves.toMatchObject({ intent: { console: 'staff' } });
  });

  it('refuses a replayed callback with OIDC_STATE_MISMATCH', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const callback = await signInAtProvider(redirectUrl, ana);
    await signIn.complete('oidc', callback);
    expect(await codeOf(signIn.complete('oidc', callback))).toMatchObject({
      code: 'IDENTITY.OIDC_STATE_MISMATCH',
      status: 400,
    });
  });

  it('refuses a tampered or missing state with OIDC_STATE_MISMATCH, and the real state still works', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const callback = await signInAtProvider(redirectUrl, ana);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${stateOf(callback).slice(0, -2)}xx`);
    expect((await codeOf(signIn.complete('oidc', tampered))).code).toBe('IDENTITY.OIDC_STATE_MISMATCH');
    const missing = new URL(callback);
    missing.searchParams.delete('state');
    expect((await codeOf(signIn.complete('oidc', missing))).code).toBe('IDENTITY.OIDC_STATE_MISMATCH');
    await expect(signIn.complete('oidc', callback)).resolves.toMatchObject({
      claims: { subject: 'ana-subject-0001' },
    });
  });

  it('refuses an ID token whose nonce is not the flow’s with OIDC_NONCE_MISMATCH', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const key = `${prefix}:oidc:${stateOf(redirectUrl)}`;
    const flow = JSON.parse((await redis.get(key)) ?? '{}') as Record<string, unknown>;
    await redis.set(key, JSON.stringify({ ...flow, nonce: 'a-nonce-the-provider-never-saw' }), 'EX', 600);
    const callback = await signInAtProvider(redirectUrl, ana);
    expect(await codeOf(signIn.complete('oidc', callback))).toMatchObject({
      code: 'IDENTITY.OIDC_NONCE_MISMATCH',
      status: 400,
    });
  });

  it('fails with OIDC_FAILED when the code verifier is not the one of the challenge (PKCE is enforced)', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const key = `${prefix}:oidc:${stateOf(redirectUrl)}`;
    const flow = JSON.parse((await redis.get(key)) ?? '{}') as Record<string, unknown>;
    await redis.set(key, JSON.stringify({ ...flow, codeVerifier: 'x'.repeat(64) }), 'EX', 600);
    const callback = await signInAtProvider(redirectUrl, ana);
    const failure = await codeOf(signIn.complete('oidc', callback));
    expect(failure).toMatchObject({ code: 'IDENTITY.OIDC_FAILED', status: 502 });
    expect(failure.message).toContain('invalid_grant');
    expect(failure.message).not.toContain(CLIENT.client_secret);
  });

  it('reports a denied consent as OIDC_ACCESS_DENIED', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    const callback = await signInAtProvider(redirectUrl, { ...ana, consent: 'deny' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(await codeOf(signIn.complete('oidc', callback))).toMatchObject({
      code: 'IDENTITY.OIDC_ACCESS_DENIED',
      status: 403,
    });
  });

  it('refuses a wrong password at the provider (the harness shows the login form again)', async () => {
    const { redirectUrl } = await signIn.start('oidc', { mode: 'sign-in', console: 'fan' });
    await expect(signInAtProvider(redirectUrl, { username: 'ana', password: 'wrong' })).rejects.toThrow(
      /refused the sign-in/,
    );
  });

  it('answers OIDC_PROVIDER_UNKNOWN (404) for a provider that is not configured', async () => {
    expect(await codeOf(signIn.start('spotify', { mode: 'sign-in', console: 'fan' }))).toMatchObject({
      code: 'IDENTITY.OIDC_PROVIDER_UNKNOWN',
      status: 404,
    });
    expect((await codeOf(signIn.complete('github', new URL(`${PUBLIC_URL}/cb?state=x`)))).code).toBe(
      'IDENTITY.OIDC_PROVIDER_UNKNOWN',
    );
  });

  it('works with a client registered after the provider started (the harness for apis on later ports)', async () => {
    const late = await startOidcProvider();
    const lateSignIn = new OpenIdSignIn(oidcSettingsFrom(config(late.issuer, prefix)));
    try {
      late.addClient({ ...CLIENT, redirect_uris: [REDIRECT_URI] });
      late.addAccount('cy', {
        password: 'cy-password',
        email: 'cy@provider.example',
        emailVerified: true,
        name: null,
      });
      const { redirectUrl } = await lateSignIn.start('oidc', { mode: 'sign-in', console: 'fan' });
      const callback = await signInAtProvider(redirectUrl, { username: 'cy', password: 'cy-password' });
      await expect(lateSignIn.complete('oidc', callback)).resolves.toMatchObject({
        claims: { subject: 'cy', email: 'cy@provider.example', emailVerified: true, name: null },
      });
      expect(late.serverErrors).toEqual([]);
    } finally {
      await lateSignIn.onModuleDestroy();
      await late.stop();
    }
  });

  it('fails with OIDC_FAILED when the issuer cannot be reached, and recovers once it can', async () => {
    const port = await freePort();
    const later = new OpenIdSignIn(oidcSettingsFrom(config(`http://127.0.0.1:${port}`, prefix)));
    let started: LocalOidcProvider | undefined;
    try {
      const failure = await codeOf(later.start('oidc', { mode: 'sign-in', console: 'fan' }));
      expect(failure).toMatchObject({ code: 'IDENTITY.OIDC_FAILED', status: 502 });
      expect(failure.message).toContain('could not be reached');
      started = await startOidcProvider({ clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI] }], port });
      const { redirectUrl } = await later.start('oidc', { mode: 'sign-in', console: 'fan' });
      const callback = await signInAtProvider(redirectUrl, ana);
      await expect(later.complete('oidc', callback)).resolves.toMatchObject({
        claims: { subject: 'ana-subject-0001' },
      });
    } finally {
      await later.onModuleDestroy();
      await started?.stop();
    }
  });
});
