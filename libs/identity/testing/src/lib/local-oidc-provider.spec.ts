import { createHash, randomBytes } from 'node:crypto';
import { type LocalOidcProvider, startOidcProvider } from './local-oidc-provider';
import { signInAtProvider } from './provider-sign-in';

const CLIENT = {
  client_id: 'harness-test',
  client_secret: 'harness-test-secret-0123456789abcdef',
  redirect_uris: ['http://127.0.0.1:9/callback'],
};

describe('the local OpenID provider and its browser stand-in', () => {
  let provider: LocalOidcProvider;

  beforeAll(async () => {
    provider = await startOidcProvider({ clients: [CLIENT] });
  });

  afterAll(async () => {
    await provider?.stop();
  });

  function authorizationUrl(state: string): URL {
    const verifier = randomBytes(32).toString('base64url');
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: CLIENT.client_id,
      redirect_uri: CLIENT.redirect_uris[0] ?? '',
      response_type: 'code',
      scope: 'openid email profile',
      state,
      nonce: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return url;
  }

  it('publishes its discovery document under its issuer', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      code_challenge_methods_supported?: string[];
    };
    expect(discovery.issuer).toBe(provider.issuer);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
  });

  it('signs a user in and redirects to the client with a code and the state', async () => {
    const callback = await signInAtProvider(authorizationUrl('state-1'), {
      username: 'ana',
      password: 'ana-password-at-the-provider',
    });
    expect(callback.origin + callback.pathname).toBe(CLIENT.redirect_uris[0]);
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('code')).toMatch(/.{10,}/);
    expect(provider.serverErrors).toEqual([]);
  });

  it('redirects a denied consent with access_denied', async () => {
    const callback = await signInAtProvider(authorizationUrl('state-2'), {
      username: 'ana',
      password: 'ana-password-at-the-provider',
      consent: 'deny',
    });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('state-2');
  });

  it('refuses a wrong password', async () => {
    await expect(
      signInAtProvider(authorizationUrl('state-3'), { username: 'ana', password: 'not her password' }),
    ).rejects.toThrow();
  });
});
