import { commonConfigSchema } from '@bandstand/shared/config';
import { insecureHttpAllowed, oidcSettingsFrom } from './oidc.settings';

const base = commonConfigSchema.parse({});

describe('oidcSettingsFrom', () => {
  it('configures no provider by default', () => {
    const settings = oidcSettingsFrom(base);
    expect(settings).toMatchObject({ oidc: null, spotify: null, publicUrl: null, queuePrefix: 'bandstand' });
  });

  it('configures the generic provider with issuer and client id, and Spotify with its client id', () => {
    const settings = oidcSettingsFrom({
      ...base,
      PUBLIC_URL: 'https://bandstand.example.org/',
      AUTH_OIDC_ISSUER: 'https://accounts.example.org',
      AUTH_OIDC_CLIENT_ID: 'bandstand',
      AUTH_SPOTIFY_CLIENT_ID: 'spotify-id',
      AUTH_SPOTIFY_CLIENT_SECRET: 'spotify-secret',
    });
    expect(settings).toMatchObject({
      publicUrl: 'https://bandstand.example.org',
      oidc: {
        issuer: 'https://accounts.example.org',
        clientId: 'bandstand',
        clientSecret: null,
        label: 'Single sign-on',
      },
      spotify: {
        accountsUrl: 'https://accounts.spotify.com',
        apiUrl: 'https://api.spotify.com',
        clientId: 'spotify-id',
        clientSecret: 'spotify-secret',
      },
    });
    expect(oidcSettingsFrom({ ...base, AUTH_OIDC_CLIENT_ID: 'no-issuer' }).oidc).toBeNull();
  });

  it('refuses a provider over plain http in production unless it is on this machine', () => {
    const production = { ...base, NODE_ENV: 'production' as const };
    expect(() =>
      oidcSettingsFrom({
        ...production,
        AUTH_OIDC_ISSUER: 'http://sso.example.org',
        AUTH_OIDC_CLIENT_ID: 'x',
      }),
    ).toThrow('AUTH_OIDC_ISSUER must be an https URL in production');
    expect(() =>
      oidcSettingsFrom({
        ...production,
        AUTH_SPOTIFY_CLIENT_ID: 'x',
        AUTH_SPOTIFY_API_URL: 'http://spotify.example',
      }),
    ).toThrow('AUTH_SPOTIFY_API_URL must be an https URL in production');
    expect(() =>
      oidcSettingsFrom({
        ...production,
        AUTH_OIDC_ISSUER: 'http://127.0.0.1:4000',
        AUTH_OIDC_CLIENT_ID: 'x',
      }),
    ).not.toThrow();
    expect(() =>
      oidcSettingsFrom({ ...base, AUTH_OIDC_ISSUER: 'http://sso.example.org', AUTH_OIDC_CLIENT_ID: 'x' }),
    ).not.toThrow();
  });
});

describe('insecureHttpAllowed', () => {
  it('allows http anywhere outside production and to loopback addresses in production, never for https', () => {
    expect(insecureHttpAllowed('http://sso.example.org', false)).toBe(true);
    expect(insecureHttpAllowed('http://sso.example.org', true)).toBe(false);
    expect(insecureHttpAllowed('http://127.0.0.1:8080', true)).toBe(true);
    expect(insecureHttpAllowed('http://localhost:8080', true)).toBe(true);
    expect(insecureHttpAllowed('http://[::1]:8080', true)).toBe(true);
    expect(insecureHttpAllowed('https://sso.example.org', false)).toBe(false);
  });
});
