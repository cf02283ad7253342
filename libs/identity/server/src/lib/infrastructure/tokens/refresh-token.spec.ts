import { createHash } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  clearRefreshCookie,
  hashRefreshToken,
  newRefreshToken,
  parseRefreshToken,
  readRefreshCookie,
  refreshCookieSecure,
  setRefreshCookie,
} from './refresh-token';

const SESSION = '3f1c2a9e-6a8b-4c1d-9e2f-0a1b2c3d4e5f';

describe('refresh tokens', () => {
  it('are the session id, a dot and 32 random bytes in base64url; the hash is sha256 hex of the whole', () => {
    const { token, hash } = newRefreshToken(SESSION);
    expect(token).toMatch(/^3f1c2a9e-6a8b-4c1d-9e2f-0a1b2c3d4e5f\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.split('.')[1] ?? '', 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashRefreshToken(token)).toBe(hash);
  });

  it('are never the same twice', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newRefreshToken(SESSION).token));
    expect(tokens.size).toBe(50);
  });

  it('parse back to their session and hash', () => {
    const { token, hash } = newRefreshToken(SESSION);
    expect(parseRefreshToken(token)).toEqual({ sessionId: SESSION, hash });
  });

  it('refuse to be made for something that is not a session id', () => {
    expect(() => newRefreshToken('not-a-session')).toThrow(TypeError);
    expect(() => newRefreshToken(SESSION.toUpperCase())).toThrow(TypeError);
  });

  it('parse strictly: anything else is null', () => {
    const { token } = newRefreshToken(SESSION);
    const secret = token.split('.')[1] ?? '';
    for (const bad of [
      '',
      SESSION,
      `${SESSION}.`,
      `${SESSION}.${secret}x`,
      `${SESSION}.${secret.slice(1)}`,
      `${SESSION}.${secret.slice(1)}=`,
      `${SESSION}.${secret.slice(1)}+`,
      `${SESSION.toUpperCase()}.${secret}`,
      `${SESSION}.${secret}.extra`,
      ` ${token}`,
      `${token}\n`,
      `x${token}`,
      `not-a-uuid.${secret}`,
    ]) {
      expect(parseRefreshToken(bad)).toBeNull();
    }
  });

  it('need a Secure cookie exactly when PUBLIC_URL is https', () => {
    expect(refreshCookieSecure('https://bandstand.example.org')).toBe(true);
    expect(refreshCookieSecure('http://localhost:3000')).toBe(false);
  });
});

describe('refresh cookie', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    await app.register(cookie);
    app.post<{ Querystring: { secure?: string } }>('/api/v1/auth/set', (request, reply) => {
      setRefreshCookie(reply, 'the-token', {
        secure: request.query.secure === 'true',
        maxAgeSeconds: 2_592_000,
      });
      return reply.send({ ok: true });
    });
    app.post<{ Querystring: { secure?: string } }>('/api/v1/auth/clear', (request, reply) => {
      clearRefreshCookie(reply, request.query.secure === 'true');
      return reply.send({ ok: true });
    });
    app.get('/api/v1/auth/read', (request) => ({ token: readRefreshCookie(request) }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('is set httpOnly, SameSite=Strict, on the auth path, for the refresh lifetime', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/set' });
    expect(response.headers['set-cookie']).toBe(
      'bs_refresh=the-token; Max-Age=2592000; Path=/api/v1/auth; HttpOnly; SameSite=Strict',
    );
  });

  it('is Secure when asked', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/set?secure=true' });
    expect(response.headers['set-cookie']).toBe(
      'bs_refresh=the-token; Max-Age=2592000; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict',
    );
  });

  it('is cleared on the same path with the same attributes', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/clear?secure=true' });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^bs_refresh=; /);
    expect(header).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(header).toContain('Path=/api/v1/auth');
    expect(header).toContain('HttpOnly');
    expect(header).toContain('Secure');
    expect(header).toContain('SameSite=Strict');
  });

  it('is read from the request, null when absent or empty', async () => {
    const read = async (cookieHeader?: string): Promise<unknown> =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/auth/read',
          ...(cookieHeader === undefined ? {} : { headers: { cookie: cookieHeader } }),
        })
      ).json();
    await expect(read('bs_refresh=abc.def; other=1')).resolves.toEqual({ token: 'abc.def' });
    await expect(read('other=1')).resolves.toEqual({ token: null });
    await expect(read('bs_refresh=')).resolves.toEqual({ token: null });
    await expect(read()).resolves.toEqual({ token: null });
  });
});
