import { type SpotifyStandIn, startSpotifyStandIn } from '@bandstand/identity/testing';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { createHash } from 'node:crypto';
import { OpenIdSignIn } from './openid-sign-in.adapter';
import { type OidcConfig, oidcSettingsFrom } from './oidc.settings';

const PUBLIC_URL = 'https://bandstand.example.org';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/spotify/callback`;
// Spotify's client ids and secrets are 32 hex digits.
const CLIENT_ID = '5fe01282e44241328a84e7c5cc169165';
const CLIENT_SECRET = 'c0ffee0ddba11f00d5eedcafe0decade';

function config(spotify: SpotifyStandIn, prefix: string, secret: string | undefined): OidcConfig {
  return {
    NODE_ENV: 'test',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    PUBLIC_URL,
    AUTH_OIDC_ISSUER: undefined,
    AUTH_OIDC_CLIENT_ID: undefined,
    AUTH_OIDC_CLIENT_SECRET: undefined,
    AUTH_OIDC_LABEL: 'Single sign-on',
    AUTH_SPOTIFY_CLIENT_ID: CLIENT_ID,
    AUTH_SPOTIFY_CLIENT_SECRET: secret,
    AUTH_SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
    AUTH_SPOTIFY_API_URL: spotify.apiUrl,
  };
}

/** What a browser does at Spotify: open the authorization URL and land on the callback. */
async function authorizeAtSpotify(redirectUrl: string): Promise<URL> {
  const response = await fetch(redirectUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null) {
    throw new Error(`Spotify answered ${response.status}: ${await response.text()}`);
  }
  return new URL(location);
}

describe('OpenIdSignIn with Spotify (contract against a stand-in for its accounts service and Web API)', () => {
  let spotify: SpotifyStandIn;
  let signIn: OpenIdSignIn;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    spotify = await startSpotifyStandIn({
      clients: [
        { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
        { clientId: 'public-client', clientSecret: null },
      ],
    });
    signIn = new OpenIdSignIn(oidcSettingsFrom(config(spotify, prefix, CLIENT_SECRET)));
  });

  afterAll(async () => {
    await signIn.onModuleDestroy();
    await removeRedisKeys(testRedisUrl(), prefix);
    await spotify.stop();
  });

  it('lists Spotify under its name when its client id is configured', () => {
    expect(signIn.providers()).toEqual([{ id: 'spotify', label: 'Spotify' }]);
  });

  it('sends the documented authorization request: client, redirect URI, scopes, state and an S256 challenge, no nonce', async () => {
    const { redirectUrl } = await signIn.start('spotify', { mode: 'sign-in', console: 'fan' });
    const url = new URL(redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${spotify.accountsUrl}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'user-read-email user-read-private',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
    });
  });

  it('exchanges the code with Basic client authentication and the code verifier, then maps /v1/me', async () => {
    spotify.signInAs({ id: 'wizzler', email: 'wizzler@spotify.example', display_name: 'JM Wizzler' });
    const { redirectUrl } = await signIn.start('spotify', {
      mode: 'link',
      console: 'creator',
      userId: 'user-3',
    });
    const challenge = new URL(redirectUrl).searchParams.get('code_challenge');
    const callback = await authorizeAtSpotify(redirectUrl);
    const before = spotify.tokenRequests.length;

    const result = await signIn.complete('spotify', callback);

    expect(result).toEqual({
      claims: {
        provider: 'spotify',
        subject: 'wizzler',
        email: 'wizzler@spotify.example',
        emailVerified: false,
        name: 'JM Wizzler',
      },
      intent: { mode: 'link', console: 'creator', userId: 'user-3' },
    });
    expect(spotify.tokenRequests).toHaveLength(before + 1);
    const request = spotify.tokenRequests[before];
    expect(request).toEqual({
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      contentType: expect.stringContaining('application/x-www-form-urlencoded') as unknown,
      body: {
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code'),
        redirect_uri: REDIRECT_URI,
        code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43,128}$/) as unknown,
      },
    });
    const verifier = request?.body['code_verifier'] ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge);
  });

  it('treats a missing display name and e-mail as unknown', async () => {
    spotify.signInAs({ id: 'quiet-listener', email: null, display_name: null });
    const { redirectUrl } = await signIn.start('spotify', { mode: 'sign-in', console: 'fan' });
    const { claims } = await signIn.complete('spotify', await authorizeAtSpotify(redirectUrl));
    expect(claims).toEqual({
      provider: 'spotify',
      subject: 'quiet-listener',
      email: null,
      emailVerified: false,
      name: null,
    });
  });

  it('reports a refusal at Spotify as OIDC_ACCESS_DENIED', async () => {
    spotify.signInAs({ id: 'wizzler', email: null, display_name: null }, 'deny');
    const { redirectUrl } = await signIn.start('spotify', { mode: 'sign-in', console: 'fan' });
    const callback = await authorizeAtSpotify(redirectUrl);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    await expect(signIn.complete('spotify', callback)).rejects.toMatchObject({
      code: 'IDENTITY.OIDC_ACCESS_DENIED',
    });
    spotify.signInAs({ id: 'wizzler', email: null, display_name: null });
  });

  it('fails with OIDC_FAILED, naming no secret, when Spotify refuses the client', async () => {
    const wrong = new OpenIdSignIn(oidcSettingsFrom(config(spotify, prefix, 'not-the-secret')));
    try {
      const { redirectUrl } = await wrong.start('spotify', { mode: 'sign-in', console: 'fan' });
      const failure = wrong.complete('spotify', await authorizeAtSpotify(redirectUrl));
      await expect(failure).rejects.toMatchObject({ code: 'IDENTITY.OIDC_FAILED', status: 502 });
      await expect(failure).rejects.toThrow(/invalid_client/);
      await expect(failure).rejects.not.toThrow(/not-the-secret/);
    } finally {
      await wrong.onModuleDestroy();
    }
  });

  it('works as a public client with PKCE alone when no secret is configured', async () => {
    const publicClient = new OpenIdSignIn(
      oidcSettingsFrom({ ...config(spotify, prefix, undefined), AUTH_SPOTIFY_CLIENT_ID: 'public-client' }),
    );
    try {
      const { redirectUrl } = await publicClient.start('spotify', { mode: 'sign-in', console: 'fan' });
      const before = spotify.tokenRequests.length;
      await expect(
        publicClient.complete('spotify', await authorizeAtSpotify(redirectUrl)),
      ).resolves.toMatchObject({
        claims: { subject: 'wizzler' },
      });
      expect(spotify.tokenRequests[before]).toMatchObject({
        authorization: null,
        body: { client_id: 'public-client' },
      });
    } finally {
      await publicClient.onModuleDestroy();
    }
  });

  it('refuses a state issued for another provider', async () => {
    const { redirectUrl } = await signIn.start('spotify', { mode: 'sign-in', console: 'fan' });
    const callback = await authorizeAtSpotify(redirectUrl);
    const both = new OpenIdSignIn(
      oidcSettingsFrom({
        ...config(spotify, prefix, CLIENT_SECRET),
        AUTH_OIDC_ISSUER: 'http://127.0.0.1:9',
        AUTH_OIDC_CLIENT_ID: 'unused',
      }),
    );
    try {
      await expect(both.complete('oidc', callback)).rejects.toMatchObject({
        code: 'IDENTITY.OIDC_STATE_MISMATCH',
      });
    } finally {
      await both.onModuleDestroy();
    }
  });
});
