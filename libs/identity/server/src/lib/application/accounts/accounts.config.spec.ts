import { consoleLink, publicUrlOf, refreshTtlSeconds, secureCookies } from './accounts.config';

const base = { AUTH_REFRESH_TOKEN_TTL_DAYS: 30, PERSONAL_DATA_KEY: 'k'.repeat(32) };

describe('accounts config', () => {
  it('builds console links from PUBLIC_URL with the token encoded', () => {
    const config = { ...base, PUBLIC_URL: 'https://bandstand.example.org/' };
    expect(consoleLink(config, 'creator', 'verify-email', 'a+b/c')).toBe(
      'https://bandstand.example.org/creator/verify-email?token=a%2Bb%2Fc',
    );
  });

  it('refuses to build links where there is no PUBLIC_URL (the worker)', () => {
    expect(() => publicUrlOf(base)).toThrow(/PUBLIC_URL/);
  });

  it('makes cookies Secure only under https', () => {
    expect(secureCookies({ ...base, PUBLIC_URL: 'https://bandstand.example.org' })).toBe(true);
    expect(secureCookies({ ...base, PUBLIC_URL: 'http://localhost:3000' })).toBe(false);
    expect(secureCookies(base)).toBe(false);
  });

  it('gives the refresh lifetime in seconds', () => {
    expect(refreshTtlSeconds(base)).toBe(30 * 24 * 60 * 60);
  });
});
