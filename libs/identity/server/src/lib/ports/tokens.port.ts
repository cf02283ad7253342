/** Claims of a verified access token. */
export interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * Short-lived access tokens: HS256 JWTs under AUTH_TOKEN_SECRET with issuer, audience, expiry.
 * `verify` throws AccessTokenInvalid (wrong key, `alg: none`, other algorithm, bad claims) or
 * AccessTokenExpired (from @bandstand/shared/access).
 */
export interface AccessTokens {
  issue(claims: AccessTokenClaims): Promise<{ readonly token: string; readonly expiresAt: Date }>;
  verify(token: string): Promise<AccessTokenClaims>;
}
export const ACCESS_TOKENS = Symbol('ACCESS_TOKENS');
