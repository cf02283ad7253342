import { AccessTokenExpired, AccessTokenInvalid } from '@bandstand/shared/access';
import { DEVELOPMENT_AUTH_TOKEN_SECRET } from '@bandstand/shared/config';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  accessTokenSecret,
  JwtAccessTokens,
} from './jwt-access-tokens.service';

const SECRET = 'test-access-token-secret-0123456789abcdef';
const OTHER_SECRET = 'another-secret-of-someone-else-0123456789';
const T0 = new Date('2026-03-01T12:00:00.000Z');
const claims = { userId: 'user-1', sessionId: '3f1c2a9e-6a8b-4c1d-9e2f-0a1b2c3d4e5f' };

function tokensAt(now: Date, secret = SECRET): JwtAccessTokens {
  return new JwtAccessTokens({ secret, ttlSeconds: 600, now: () => now });
}

const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token with our claims (overridable) signed by us under `alg`, as an attacker with our key could not. */
function handMade(payload: JWTPayload, secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

const validPayload = (): JWTPayload => ({
  iss: ACCESS_TOKEN_ISSUER,
  aud: ACCESS_TOKEN_AUDIENCE,
  sub: claims.userId,
  sid: claims.sessionId,
  jti: 'jti-1',
  iat: Math.floor(T0.getTime() / 1000),
  exp: Math.floor(T0.getTime() / 1000) + 600,
});

describe('JwtAccessTokens', () => {
  it('issues an HS256 token with issuer, audience, subject, session, id and expiry, and verifies it', async () => {
    const { token, expiresAt } = await tokensAt(T0).issue(claims);
    expect(expiresAt.toISOString()).toBe(at(600).toISOString());
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      iss: 'bandstand',
      aud: 'bandstand-api',
      sub: claims.userId,
      sid: claims.sessionId,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      iat: T0.getTime() / 1000,
      exp: T0.getTime() / 1000 + 600,
    });
    await expect(tokensAt(at(599)).verify(token)).resolves.toEqual(claims);
  });

  it('gives every token its own id', async () => {
    const tokens = tokensAt(T0);
    const first = decodeJwt((await tokens.issue(claims)).token).jti;
    const second = decodeJwt((await tokens.issue(claims)).token).jti;
    expect(first).not.toBe(second);
  });

  it('accepts a hand-made token with exactly our claims (so that the refusals below test one thing each)', async () => {
    await expect(tokensAt(T0).verify(await handMade(validPayload()))).resolves.toEqual(claims);
  });

  it('answers AccessTokenExpired once expired, with 5 s of tolerance', async () => {
    const { token } = await tokensAt(T0).issue(claims);
    await expect(tokensAt(at(604)).verify(token)).resolves.toEqual(claims);
    const error: unknown = await tokensAt(at(606))
      .verify(token)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessTokenExpired);
    expect(error).toMatchObject({ code: 'ACCESS.TOKEN_EXPIRED', status: 401 });
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await tokensAt(T0, OTHER_SECRET).issue(claims);
    await expect(tokensAt(T0).verify(token)).rejects.toBeInstanceOf(AccessTokenInvalid);
    await expect(tokensAt(T0).verify(await handMade(validPayload(), OTHER_SECRET))).rejects.toBeInstanceOf(
      AccessTokenInvalid,
    );
  });

  it('refuses an expired token signed with another key as invalid, not expired', async () => {
    const { token } = await tokensAt(T0, OTHER_SECRET).issue(claims);
    await expect(tokensAt(at(3600)).verify(token)).rejects.toBeInstanceOf(AccessTokenInvalid);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validPayload())}.`;
    await expect(tokensAt(T0).verify(unsigned)).rejects.toBeInstanceOf(AccessTokenInvalid);
  });

  it('refuses other algorithms: HS512 under our own secret, RS256 under any key', async () => {
    await expect(tokensAt(T0).verify(await handMade(validPayload(), SECRET, 'HS512'))).rejects.toBeInstanceOf(
      AccessTokenInvalid,
    );
    const { privateKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT(validPayload()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    await expect(tokensAt(T0).verify(rs256)).rejects.toBeInstanceOf(AccessTokenInvalid);
  });

  it('refuses a wrong audience or issuer', async () => {
    const tokens = tokensAt(T0);
    await expect(
      tokens.verify(await handMade({ ...validPayload(), aud: 'bandstand-worker' })),
    ).rejects.toBeInstanceOf(AccessTokenInvalid);
    await expect(
      tokens.verify(await handMade({ ...validPayload(), iss: 'https://evil.example' })),
    ).rejects.toBeInstanceOf(AccessTokenInvalid);
  });

  it('refuses a token without session, subject, id or expiry', async () => {
    const tokens = tokensAt(T0);
    for (const claim of ['sid', 'sub', 'jti', 'exp', 'iat'] as const) {
      const payload = validPayload();
      delete payload[claim];
      await expect(tokens.verify(await handMade(payload))).rejects.toBeInstanceOf(AccessTokenInvalid);
    }
    await expect(tokens.verify(await handMade({ ...validPayload(), sid: '' }))).rejects.toBeInstanceOf(
      AccessTokenInvalid,
    );
    await expect(tokens.verify(await handMade({ ...validPayload(), sid: 42 }))).rejects.toBeInstanceOf(
      AccessTokenInvalid,
    );
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const { token } = await tokensAt(T0).issue(claims);
    const [header, , signature] = token.split('.');
    const forged = `${header ?? ''}.${base64url({ ...decodeJwt(token), sub: 'user-admin' })}.${signature ?? ''}`;
    await expect(tokensAt(T0).verify(forged)).rejects.toBeInstanceOf(AccessTokenInvalid);
  });

  it('refuses garbage', async () => {
    const tokens = tokensAt(T0);
    for (const garbage of ['', 'abc', 'a.b.c', 'Bearer x', '..', `${base64url({ alg: 'HS256' })}.e30.`]) {
      await expect(tokens.verify(garbage)).rejects.toBeInstanceOf(AccessTokenInvalid);
    }
  });

  it('refuses weak secrets and impossible lifetimes', () => {
    expect(() => new JwtAccessTokens({ secret: 'short', ttlSeconds: 600 })).toThrow(RangeError);
    expect(() => new JwtAccessTokens({ secret: SECRET, ttlSeconds: 0 })).toThrow(RangeError);
  });
});

describe('accessTokenSecret', () => {
  it('refuses the development secret in production', () => {
    expect(() =>
      accessTokenSecret({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: DEVELOPMENT_AUTH_TOKEN_SECRET }),
    ).toThrow(/AUTH_TOKEN_SECRET must be set/);
  });

  it('accepts it elsewhere, and a real secret in production', () => {
    expect(
      accessTokenSecret({ NODE_ENV: 'development', AUTH_TOKEN_SECRET: DEVELOPMENT_AUTH_TOKEN_SECRET }),
    ).toBe(DEVELOPMENT_AUTH_TOKEN_SECRET);
    expect(accessTokenSecret({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: SECRET })).toBe(SECRET);
  });
});
