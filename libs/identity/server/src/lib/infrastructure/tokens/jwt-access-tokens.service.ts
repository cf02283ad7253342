import { randomUUID } from 'node:crypto';
import { AccessTokenExpired, AccessTokenInvalid } from '@bandstand/shared/access';
import { type CommonConfig, DEVELOPMENT_AUTH_TOKEN_SECRET } from '@bandstand/shared/config';
import { errors, jwtVerify, SignJWT } from 'jose';
import { type AccessTokenClaims, type AccessTokens } from '../../ports/tokens.port';

/** The `iss` of every access token. */
export const ACCESS_TOKEN_ISSUER = 'bandstand';
/** The `aud` of every access token: only the api accepts them. */
export const ACCESS_TOKEN_AUDIENCE = 'bandstand-api';
/** Seconds of clock difference tolerated when checking `exp`, `nbf` and `iat`. */
export const ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS = 5;

const ALGORITHM = 'HS256';
const REQUIRED_CLAIMS = ['sub', 'sid', 'jti', 'iat', 'exp'];

/** What {@link JwtAccessTokens} needs: the signing secret and the lifetime of a token. */
export interface JwtAccessTokensSettings {
  readonly secret: string;
  readonly ttlSeconds: number;
  /** The clock; tests move it to expire tokens. */
  readonly now?: () => Date;
}

/** AUTH_TOKEN_SECRET, refusing the development default in production (anyone could forge tokens). */
export function accessTokenSecret(config: Pick<CommonConfig, 'NODE_ENV' | 'AUTH_TOKEN_SECRET'>): string {
  if (config.NODE_ENV === 'production' && config.AUTH_TOKEN_SECRET === DEVELOPMENT_AUTH_TOKEN_SECRET) {
    throw new Error(
      'AUTH_TOKEN_SECRET must be set to a secret of at least 32 characters in production (it signs every access token)',
    );
  }
  return config.AUTH_TOKEN_SECRET;
}

/**
 * Access tokens as HS256 JWTs (jose): `sub` is the user, `sid` the session, `jti` unique. Only
 * HS256 under our key is accepted, so `alg: none` and algorithm confusion fail like a forgery.
 */
export class JwtAccessTokens implements AccessTokens {
  private readonly key: Uint8Array;
  private readonly now: () => Date;

  constructor(private readonly settings: JwtAccessTokensSettings) {
    this.key = new TextEncoder().encode(settings.secret);
    if (this.key.length < 32) throw new RangeError('The access-token secret must be at least 32 bytes');
    if (!Number.isSafeInteger(settings.ttlSeconds) || settings.ttlSeconds < 1) {
      throw new RangeError(`An access token cannot live ${settings.ttlSeconds} s`);
    }
    this.now = settings.now ?? (() => new Date());
  }

  async issue(claims: AccessTokenClaims): Promise<{ readonly token: string; readonly expiresAt: Date }> {
    if (claims.userId === '' || claims.sessionId === '')
      throw new TypeError('An access token needs a user and a session');
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + this.settings.ttlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: REQUIRED_CLAIMS,
        clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
        currentDate: this.now(),
      }));
    } catch (error) {
      // jose checks the signature before the claims, so only a genuine token can come out as expired.
      if (error instanceof errors.JWTExpired) throw new AccessTokenExpired();
      throw new AccessTokenInvalid();
    }
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || sub === '' || typeof sid !== 'string' || sid === '') {
      throw new AccessTokenInvalid();
    }
    return { userId: sub, sessionId: sid };
  }
}
