import '@fastify/cookie';
import { createHash, randomBytes } from 'node:crypto';
import { AUTH_PATH, REFRESH_COOKIE } from '@bandstand/identity/contracts';
import { type FastifyReply, type FastifyRequest } from 'fastify';

// Session ids are the kernel's UUIDs; 32 random bytes are 43 base64url characters without padding.
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** A refresh token and the only thing stored of it: the sha256 hex of the whole token. */
export interface NewRefreshToken {
  readonly token: string;
  readonly hash: string;
}

/** The sha256 hex of a refresh token, as sessions store it. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh refresh token of a session: `<sessionId>.<base64url of 32 random bytes>`. */
export function newRefreshToken(sessionId: string): NewRefreshToken {
  if (!SESSION_ID.test(sessionId))
    throw new TypeError(`"${sessionId}" is not a session id (a lower-case UUID)`);
  const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

/** The session a presented refresh token names and the token's hash; null unless it has exactly our format. */
export function parseRefreshToken(
  token: string,
): { readonly sessionId: string; readonly hash: string } | null {
  const match = REFRESH_TOKEN.exec(token);
  const sessionId = match?.[1];
  if (sessionId === undefined) return null;
  return { sessionId, hash: hashRefreshToken(token) };
}

/** Whether the refresh cookie must be `Secure`: PUBLIC_URL is served over https. */
export function refreshCookieSecure(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:';
}

/** Options of {@link setRefreshCookie}. */
export interface RefreshCookieOptions {
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
}

// The cookie only travels to the auth endpoints (refresh, sign-out), never to the rest of the api,
// and never with a cross-site request.
const COOKIE_ATTRIBUTES = { httpOnly: true, sameSite: 'strict', path: AUTH_PATH } as const;

/** Sets the refresh token in its httpOnly, SameSite=Strict cookie scoped to /api/v1/auth. */
export function setRefreshCookie(reply: FastifyReply, token: string, options: RefreshCookieOptions): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    ...COOKIE_ATTRIBUTES,
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

/** Removes the refresh cookie (sign-out, revoked or reused session). */
export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(REFRESH_COOKIE, { ...COOKIE_ATTRIBUTES, secure });
}

/** The refresh token the request's cookie carries; null without one. */
export function readRefreshCookie(request: FastifyRequest): string | null {
  const value = request.cookies[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : null;
}
