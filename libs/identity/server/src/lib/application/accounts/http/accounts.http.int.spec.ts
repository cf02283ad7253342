import {
  type AcceptedResponse,
  type Profile,
  REFRESH_COOKIE,
  type SessionSummary,
  type SignInResponse,
} from '@bandstand/identity/contracts';
import { sessionStreamId, userStreamId } from '@bandstand/identity/domain';
import { isProblemDetails, PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@bandstand/shared/contracts';
import { IntegrityVerifier } from '@bandstand/shared/event-store';
import { eventually } from '@bandstand/shared/testing';
import { type Response as InjectResponse } from 'light-my-request';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { type AccountExport } from '../../privacy/account-export';
import { type AccountsTestApp, startAccountsTestApp } from '../accounts.test-kit';

const PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'a different long passphrase 7';

interface Call {
  readonly body?: unknown;
  readonly ip?: string;
  readonly cookie?: string | null;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

interface Session {
  readonly accessToken: string;
  readonly cookie: string;
  readonly sessionId: string;
  readonly userId: string;
}

function problemOf(response: InjectResponse): ProblemDetails {
  expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  const body: unknown = response.json();
  if (!isProblemDetails(body)) throw new Error(`not a problem: ${response.body}`);
  return body;
}

function refreshCookieOf(
  response: InjectResponse,
): { readonly value: string; readonly maxAge?: number } | undefined {
  return response.cookies.find((cookie) => cookie.name === REFRESH_COOKIE);
}

function tokenIn(text: string, page: string): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (match?.[1] === undefined) throw new Error(`No ${page} link in:\n${text}`);
  return decodeURIComponent(match[1]);
}

describe('AuthController, MeController and PrivacyController over HTTP (real PostgreSQL and Redis)', () => {
  let t: AccountsTestApp;
  let ipCounter = 10;
  // Each scenario comes from its own client address, so rate limits of one do not touch another.
  const nextIp = (): string => `10.0.0.${ipCounter++}`;
  let emailCounter = 0;
  const nextEmail = (): string => `user${++emailCounter}-${Date.now()}@example.com`;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: Call = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: options.ip ?? '10.0.0.1',
      headers: {
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...(options.cookie == null ? {} : { cookie: `${REFRESH_COOKIE}=${options.cookie}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });

  async function signUpAndVerify(email = nextEmail(), displayName = 'Ana'): Promise<Session> {
    const ip = nextIp();
    const signUp = await call('POST', '/api/v1/auth/sign-up', {
      ip,
      body: { email, password: PASSWORD, displayName, console: 'fan' },
    });
    expect(signUp.statusCode).toBe(202);
    const mail = await t.mailTo(email, /Confirm your e-mail/);
    const verified = await call('POST', '/api/v1/auth/verify-email', {
      ip,
      body: { token: tokenIn(mail.text, 'fan/verify-email') },
    });
    expect(verified.statusCode).toBe(200);
    return sessionOf(verified);
  }

  function sessionOf(response: InjectResponse): Session {
    const body = response.json<SignInResponse>();
    const cookie = refreshCookieOf(response);
    if (cookie === undefined) throw new Error('no refresh cookie set');
    return {
      accessToken: body.accessToken,
      cookie: cookie.value,
      sessionId: body.sessionId,
      userId: body.user.userId,
    };
  }

  // A failure locks the keys it counted against for a moment (1 s at first): wait that out.
  async function unlocked(attempt: () => Promise<InjectResponse>): Promise<InjectResponse> {
    return eventually(
      async () => {
        const response = await attempt();
        if (response.statusCode === 429) throw new Error('still locked');
        return response;
      },
      5_000,
      200,
    );
  }

  async function signIn(email: string, password: string, ip = nextIp()): Promise<InjectResponse> {
    return call('POST', '/api/v1/auth/sign-in', { ip, body: { email, password } });
  }

  beforeAll(async () => {
    t = await startAccountsTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('sign-up and e-mail verification', () => {
    it('mails a verification link; following it signs the user in with a refresh cookie', async () => {
      const email = nextEmail();
      const ip = nextIp();
      const response = await call('POST', '/api/v1/auth/sign-up', {
        ip,
        body: { email, password: PASSWORD, displayName: 'Ana Lima', console: 'creator' },
      });
      expect(response.statusCode).toBe(202);
      const accepted = response.json<AcceptedResponse>();
      expect(accepted.status).toBe('accepted');

      const mail = await t.mailTo(email, /Confirm your e-mail/);
      expect(mail.text).toContain('http://localhost:3000/creator/verify-email?token=');
      const token = tokenIn(mail.text, 'creator/verify-email');

      const unverified = await signIn(email, PASSWORD);
      expect(unverified.statusCode).toBe(403);
      expect(problemOf(unverified).code).toBe('IDENTITY.EMAIL_NOT_VERIFIED');

      const verified = await call('POST', '/api/v1/auth/verify-email', { ip, body: { token } });
      expect(verified.statusCode).toBe(200);
      const signedIn = verified.json<SignInResponse>();
      expect(signedIn.user).toMatchObject({ email, displayName: 'Ana Lima', staffRoles: [] });
      const cookie = verified.cookies.find((each) => each.name === REFRESH_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
      expect(cookie?.value.startsWith(`${signedIn.sessionId}.`)).toBe(true);

      const me = await call('GET', '/api/v1/me', { token: signedIn.accessToken });
      expect(me.statusCode).toBe(200);
      expect(me.json<Profile>()).toMatchObject({ email, displayName: 'Ana Lima', emailVerified: true });

      const again = await call('POST', '/api/v1/auth/verify-email', { ip, body: { token } });
      expect(again.statusCode).toBe(400);
      expect(problemOf(again)).toMatchObject({
        code: 'IDENTITY.TOKEN_INVALID',
        errors: [{ field: 'token' }],
      });
    });

    it('answers a sign-up for a registered address exactly like a new one, and mails the owner instead', async () => {
      const session = await signUpAndVerify();
      const me = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>();
      const fresh = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email: nextEmail(), password: PASSWORD, displayName: 'New', console: 'fan' },
      });
      const taken = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email: me.email.toUpperCase(), password: PASSWORD, displayName: 'Again', console: 'fan' },
      });
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(taken.body).toBe(fresh.body);
      const mail = await t.mailTo(me.email.toUpperCase(), /already have/);
      expect(mail.text).toContain('http://localhost:3000/fan/reset-password');
      const users = await t.kernel.db.query<{ count: string }>(
        'select count(*) from identity.users where lower(email) = $1',
        [me.email],
      );
      expect(users[0]?.count).toBe('1');
    });

    it('returns the password rules, which reveal nothing about the address', async () => {
      const email = nextEmail();
      const response = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email, password: 'short', displayName: 'Ana', console: 'fan' },
      });
      expect(response.statusCode).toBe(422);
      expect(problemOf(response)).toMatchObject({
        code: 'IDENTITY.PASSWORD_TOO_SHORT',
        errors: [{ field: 'password' }],
      });
    });
  });

  describe('request validation', () => {
    it('refuses a malformed e-mail address, naming the field', async () => {
      const response = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email: 'not-an-address', password: PASSWORD, displayName: 'Ana', console: 'fan' },
      });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('VALIDATION.FAILED');
      expect(problem.errors?.map((error) => error.field)).toEqual(['email']);
    });

    it('refuses an unknown field and an unknown console, naming each', async () => {
      const response = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email: nextEmail(), password: PASSWORD, displayName: 'Ana', console: 'admin', isAdmin: true },
      });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'isAdmin', code: 'VALIDATION.UNKNOWN_FIELD' }),
          expect.objectContaining({ field: 'console' }),
        ]),
      );
    });

    it('refuses an over-long e-mail address and a control character in a name', async () => {
      const response = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: {
          email: `${'a'.repeat(250)}@example.com`,
          password: PASSWORD,
          displayName: 'A\nB',
          console: 'fan',
        },
      });
      expect(response.statusCode).toBe(400);
      const fields = new Set(problemOf(response).errors?.map((error) => error.field));
      expect([...fields].sort()).toEqual(['displayName', 'email']);
    });

    it('refuses an oversized body as problem+json', async () => {
      const response = await call('POST', '/api/v1/auth/sign-in', {
        ip: nextIp(),
        body: { email: nextEmail(), password: 'x'.repeat(20_000) },
      });
      expect(response.statusCode).toBe(413);
      expect(problemOf(response).status).toBe(413);
    });
  });

  describe('sign-in', () => {
    it('answers a wrong password exactly like an unknown address', async () => {
      const session = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>().email;
      const wrongPassword = await signIn(email, 'not the password at all');
      const unknownAddress = await signIn(nextEmail(), PASSWORD);
      for (const response of [wrongPassword, unknownAddress]) {
        expect(response.statusCode).toBe(401);
        expect(refreshCookieOf(response)).toBeUndefined();
      }
      const [a, b] = [problemOf(wrongPassword), problemOf(unknownAddress)];
      expect({ code: a.code, detail: a.detail, errors: a.errors }).toEqual({
        code: b.code,
        detail: b.detail,
        errors: b.errors,
      });
      expect(a.code).toBe('IDENTITY.INVALID_CREDENTIALS');
    });

    it('signs in with the right password, after the delay a failure earned', async () => {
      const session = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>().email;
      const ip = nextIp();
      expect((await signIn(email, 'wrong wrong wrong wrong', ip)).statusCode).toBe(401);
      const locked = await signIn(email, PASSWORD, ip);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const ok = await unlocked(() => signIn(email, PASSWORD, ip));
      expect(ok.statusCode).toBe(200);
      expect(ok.json<SignInResponse>().user.email).toBe(email);
      expect(refreshCookieOf(ok)?.maxAge).toBe(30 * 24 * 60 * 60);
    });
  });

  describe('refresh tokens', () => {
    it('rotates the refresh token and issues a new access token', async () => {
      const session = await signUpAndVerify();
      const refreshed = await call('POST', '/api/v1/auth/refresh', { cookie: session.cookie });
      expect(refreshed.statusCode).toBe(200);
      const next = sessionOf(refreshed);
      expect(next.sessionId).toBe(session.sessionId);
      expect(next.cookie).not.toBe(session.cookie);
      expect((await call('GET', '/api/v1/me', { token: next.accessToken })).statusCode).toBe(200);
      const again = await call('POST', '/api/v1/auth/refresh', { cookie: next.cookie });
      expect(again.statusCode).toBe(200);
    });

    it('revokes the whole session when an earlier token comes back: the newer one stops working too', async () => {
      const first = await signUpAndVerify();
      const second = sessionOf(await call('POST', '/api/v1/auth/refresh', { cookie: first.cookie }));

      const reused = await call('POST', '/api/v1/auth/refresh', { cookie: first.cookie });
      expect(reused.statusCode).toBe(401);
      expect(problemOf(reused).code).toBe('IDENTITY.REFRESH_TOKEN_REUSED');
      expect(refreshCookieOf(reused)?.value).toBe('');

      const newer = await call('POST', '/api/v1/auth/refresh', { cookie: second.cookie });
      expect(newer.statusCode).toBe(401);
      expect(problemOf(newer).code).toBe('IDENTITY.REFRESH_TOKEN_INVALID');
      const me = await call('GET', '/api/v1/me', { token: second.accessToken });
      expect(me.statusCode).toBe(401);
      expect(problemOf(me).code).toBe('ACCESS.SESSION_ENDED');

      const stream = await t.kernel.store.readStream(sessionStreamId(first.sessionId));
      expect(stream.events.map((event) => event.type)).toEqual([
        'SessionStarted',
        'SessionRefreshed',
        'RefreshTokenReused',
        'SessionRevoked',
      ]);
      expect(stream.events[3]?.data).toEqual({ reason: 'reuse' });
    });

    it('refuses a missing or malformed cookie', async () => {
      const none = await call('POST', '/api/v1/auth/refresh');
      expect(none.statusCode).toBe(401);
      expect(problemOf(none).code).toBe('IDENTITY.REFRESH_TOKEN_INVALID');
      const forged = await call('POST', '/api/v1/auth/refresh', { cookie: 'not-a-token' });
      expect(forged.statusCode).toBe(401);
    });
  });

  describe('sessions', () => {
    it('signs out: the cookie is cleared and neither token works any more', async () => {
      const session = await signUpAndVerify();
      const out = await call('POST', '/api/v1/auth/sign-out', { cookie: session.cookie });
      expect(out.statusCode).toBe(204);
      expect(refreshCookieOf(out)?.value).toBe('');
      expect((await call('POST', '/api/v1/auth/refresh', { cookie: session.cookie })).statusCode).toBe(401);
      expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(401);
      expect((await call('POST', '/api/v1/auth/sign-out', { cookie: session.cookie })).statusCode).toBe(204);
    });

    it('lists the sessions, ends one of them, and refuses to end a session of another user', async () => {
      const first = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: first.accessToken })).json<Profile>().email;
      const second = sessionOf(await signIn(email, PASSWORD));
      const stranger = await signUpAndVerify();

      const listed = await call('GET', '/api/v1/me/sessions', { token: first.accessToken });
      expect(listed.statusCode).toBe(200);
      const sessions = listed.json<SessionSummary[]>();
      expect(sessions.map((each) => [each.sessionId, each.current, each.method])).toEqual([
        [first.sessionId, true, 'email-link'],
        [second.sessionId, false, 'password'],
      ]);
      expect(sessions[0]?.userAgent).toBe('lightMyRequest');

      const foreign = await call('DELETE', `/api/v1/me/sessions/${stranger.sessionId}`, {
        token: first.accessToken,
      });
      expect(foreign.statusCode).toBe(404);
      expect(problemOf(foreign).code).toBe('IDENTITY.SESSION_NOT_FOUND');
      expect((await call('GET', '/api/v1/me', { token: stranger.accessToken })).statusCode).toBe(200);

      const ended = await call('DELETE', `/api/v1/me/sessions/${second.sessionId}`, {
        token: first.accessToken,
      });
      expect(ended.statusCode).toBe(204);
      expect((await call('GET', '/api/v1/me', { token: second.accessToken })).statusCode).toBe(401);
      expect((await call('GET', '/api/v1/me', { token: first.accessToken })).statusCode).toBe(200);
    });

    it('signs out everywhere: every access and refresh token of the user stops working', async () => {
      const first = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: first.accessToken })).json<Profile>().email;
      const second = sessionOf(await signIn(email, PASSWORD));
      const response = await call('POST', '/api/v1/me/sessions/sign-out-everywhere', {
        token: second.accessToken,
      });
      expect(response.statusCode).toBe(204);
      expect(refreshCookieOf(response)?.value).toBe('');
      for (const session of [first, second]) {
        expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(401);
        expect((await call('POST', '/api/v1/auth/refresh', { cookie: session.cookie })).statusCode).toBe(401);
      }
    });

    it('refuses a forged bearer token and a request without one', async () => {
      const forged = await call('GET', '/api/v1/me', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
      expect(forged.statusCode).toBe(401);
      expect(problemOf(forged).code).toBe('ACCESS.TOKEN_INVALID');
      const anonymous = await call('GET', '/api/v1/me');
      expect(anonymous.statusCode).toBe(401);
      expect(problemOf(anonymous).code).toBe('ACCESS.UNAUTHENTICATED');
    });

    it('records the last use of a session at most once a minute', async () => {
      const session = await signUpAndVerify();
      const lastUsed = async (): Promise<string | undefined> =>
        (
          await t.kernel.db.query<{ at: string }>(
            `select to_char(last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
             from identity.sessions where session_id = $1`,
            [session.sessionId],
          )
        )[0]?.at;
      const before = await lastUsed();
      expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(200);
      expect(await lastUsed()).toBe(before);
      t.clock.advance(61_000);
      expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(200);
      const after = await lastUsed();
      expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? '') + 60_000);
    });
  });

  describe('password reset', () => {
    it('answers unknown and known addresses alike, and the link works once, ending every session', async () => {
      const session = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>().email;
      const unknown = await call('POST', '/api/v1/auth/password-reset', {
        ip: nextIp(),
        body: { email: nextEmail(), console: 'fan' },
      });
      const known = await call('POST', '/api/v1/auth/password-reset', {
        ip: nextIp(),
        body: { email, console: 'fan' },
      });
      expect(known.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      const token = tokenIn((await t.mailTo(email, /Reset your/)).text, 'fan/reset-password');

      const weak = await call('POST', '/api/v1/auth/password-reset/confirm', {
        ip: nextIp(),
        body: { token, password: 'short' },
      });
      expect(weak.statusCode).toBe(422);
      expect(problemOf(weak).errors?.[0]?.field).toBe('password');

      const confirmed = await call('POST', '/api/v1/auth/password-reset/confirm', {
        ip: nextIp(),
        body: { token, password: NEW_PASSWORD },
      });
      expect(confirmed.statusCode).toBe(204);
      expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(401);
      expect((await call('POST', '/api/v1/auth/refresh', { cookie: session.cookie })).statusCode).toBe(401);
      await t.mailTo(email, /password was changed/);

      const reused = await call('POST', '/api/v1/auth/password-reset/confirm', {
        ip: nextIp(),
        body: { token, password: 'yet another long passphrase 9' },
      });
      expect(reused.statusCode).toBe(400);
      expect(problemOf(reused).code).toBe('IDENTITY.TOKEN_INVALID');
      expect((await signIn(email, PASSWORD)).statusCode).toBe(401);
      expect((await unlocked(() => signIn(email, NEW_PASSWORD))).statusCode).toBe(200);
    });

    it('refuses a link after 30 minutes', async () => {
      const session = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>().email;
      await call('POST', '/api/v1/auth/password-reset', {
        ip: nextIp(),
        body: { email, console: 'creator' },
      });
      const token = tokenIn((await t.mailTo(email, /Reset your/)).text, 'creator/reset-password');
      t.clock.advance(31 * 60_000);
      const late = await call('POST', '/api/v1/auth/password-reset/confirm', {
        ip: nextIp(),
        body: { token, password: NEW_PASSWORD },
      });
      expect(late.statusCode).toBe(400);
      expect(problemOf(late)).toMatchObject({ code: 'IDENTITY.TOKEN_EXPIRED', errors: [{ field: 'token' }] });
      expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('profile', () => {
    it('renames the user, keeping the name sealed in the event', async () => {
      const session = await signUpAndVerify();
      const response = await call('PATCH', '/api/v1/me', {
        token: session.accessToken,
        body: { displayName: '  Ana Maria  ' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json<Profile>().displayName).toBe('Ana Maria');
      const stream = await t.kernel.store.readStream(userStreamId(session.userId));
      const renamed = stream.events.find((event) => event.type === 'DisplayNameChanged');
      const sealed = (renamed?.data as { displayName?: unknown } | undefined)?.displayName;
      expect(sealed).toEqual(expect.stringMatching(/^pd1:/));
      expect(
        await t.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT).open(session.userId, String(sealed)),
      ).toBe('Ana Maria');
    });

    it('changes the password with the current one, ending the other sessions', async () => {
      const first = await signUpAndVerify();
      const email = (await call('GET', '/api/v1/me', { token: first.accessToken })).json<Profile>().email;
      const second = sessionOf(await signIn(email, PASSWORD));
      const wrong = await call('POST', '/api/v1/me/password', {
        token: first.accessToken,
        body: { currentPassword: 'not it at all, sorry', newPassword: NEW_PASSWORD },
      });
      expect(wrong.statusCode).toBe(422);
      expect(problemOf(wrong).errors?.[0]?.field).toBe('currentPassword');
      const changed = await unlocked(() =>
        call('POST', '/api/v1/me/password', {
          token: first.accessToken,
          body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        }),
      );
      expect(changed.statusCode).toBe(204);
      expect((await call('GET', '/api/v1/me', { token: first.accessToken })).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/me', { token: second.accessToken })).statusCode).toBe(401);
      expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('privacy', () => {
    it('exports the profile, sessions and every event of the user with sealed fields opened', async () => {
      const session = await signUpAndVerify(nextEmail(), 'Bo Export');
      const email = (await call('GET', '/api/v1/me', { token: session.accessToken })).json<Profile>().email;
      const response = await call('GET', '/api/v1/me/export', { token: session.accessToken });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="bandstand-account-${session.userId}.json"`,
      );
      const exported = response.json<AccountExport>();
      expect(exported.profile).toMatchObject({ userId: session.userId, email, displayName: 'Bo Export' });
      expect(exported.sessions.map((each) => each.sessionId)).toEqual([session.sessionId]);
      expect(JSON.stringify(exported)).not.toContain('pd1:');
      expect(JSON.stringify(exported.sessions)).not.toMatch(/refreshTokenHash|previousHashes/);
      expect(exported.events.map((event) => event.type)).toEqual([
        'AccountRegistered',
        'EmailVerified',
        'SessionStarted',
      ]);
      expect(exported.events[0]?.data).toMatchObject({
        userId: session.userId,
        email,
        displayName: 'Bo Export',
      });
      expect(exported.events[2]?.data).toMatchObject({ userId: session.userId, userAgent: 'lightMyRequest' });
    });

    it('refuses deletion without the right password, and while the user is the only owner of an organisation', async () => {
      const session = await signUpAndVerify();
      const wrong = await call('POST', '/api/v1/me/deletion', {
        token: session.accessToken,
        body: { confirmation: 'not my password' },
      });
      expect(wrong.statusCode).toBe(422);
      expect(problemOf(wrong).errors?.[0]?.field).toBe('confirmation');

      const created = await call('POST', '/api/v1/orgs', {
        token: session.accessToken,
        body: { name: 'Solo Records', kind: 'label' },
      });
      expect(created.statusCode).toBe(201);
      const refused = await unlocked(() =>
        call('POST', '/api/v1/me/deletion', {
          token: session.accessToken,
          body: { confirmation: PASSWORD },
        }),
      );
      expect(refused.statusCode).toBe(409);
      expect(problemOf(refused).code).toBe('IDENTITY.SOLE_OWNER');
      expect((await call('GET', '/api/v1/me', { token: session.accessToken })).statusCode).toBe(200);
    });

    it('deletes the account: events stay, pseudonymised and verifiable; the address can sign up again', async () => {
      const email = nextEmail();
      const session = await signUpAndVerify(email, 'Cy Gone');
      const other = sessionOf(await signIn(email, PASSWORD));
      const streams = [userStreamId(session.userId), sessionStreamId(session.sessionId)];
      const before = await t.kernel.db.query<{ event_id: string; data: unknown; hash: Buffer }>(
        'select event_id, data, hash from kernel.events where stream_id = any($1) order by global_position',
        [streams],
      );

      const deleted = await call('POST', '/api/v1/me/deletion', {
        token: session.accessToken,
        body: { confirmation: PASSWORD },
      });
      expect(deleted.statusCode).toBe(204);
      expect(refreshCookieOf(deleted)?.value).toBe('');

      for (const each of [session, other]) {
        expect((await call('GET', '/api/v1/me', { token: each.accessToken })).statusCode).toBe(401);
        expect((await call('POST', '/api/v1/auth/refresh', { cookie: each.cookie })).statusCode).toBe(401);
      }
      const signInAgain = await signIn(email, PASSWORD);
      expect(signInAgain.statusCode).toBe(401);
      expect(problemOf(signInAgain).code).toBe('IDENTITY.INVALID_CREDENTIALS');

      const [user] = await t.kernel.db.query(
        'select email, email_digest, display_name, password_hash, deleted_at is not null as deleted from identity.users where user_id = $1',
        [session.userId],
      );
      expect(user).toEqual({
        email: null,
        email_digest: null,
        display_name: 'Deleted user',
        password_hash: null,
        deleted: true,
      });
      const sessions = await t.kernel.db.query<{ user_agent: string | null; revoked_reason: string }>(
        'select user_agent, revoked_reason from identity.sessions where user_id = $1 order by created_at',
        [session.userId],
      );
      expect(sessions).toEqual([
        { user_agent: null, revoked_reason: 'account-deleted' },
        { user_agent: null, revoked_reason: 'account-deleted' },
      ]);

      // The events are all still there, unchanged, and their sealed fields no longer open.
      const after = await t.kernel.db.query<{ event_id: string; data: unknown; hash: Buffer }>(
        'select event_id, data, hash from kernel.events where stream_id = any($1) order by global_position',
        [streams],
      );
      expect(after.slice(0, before.length)).toEqual(before);
      const userEvents = (await t.kernel.store.readStream(userStreamId(session.userId))).events;
      expect(userEvents.map((event) => event.type)).toEqual([
        'AccountRegistered',
        'EmailVerified',
        'AccountDeleted',
      ]);
      const registered = userEvents[0]?.data as { email: string; displayName: string; emailDigest: string };
      const vault = t.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
      expect(registered.email).toMatch(/^pd1:/);
      expect(await vault.open(session.userId, registered.email)).toBeNull();
      expect(await vault.open(session.userId, registered.displayName)).toBeNull();
      expect(JSON.stringify(userEvents.map((event) => event.data))).not.toContain(email);
      expect(userEvents[2]?.data).toEqual({ userId: session.userId });
      const report = await t.app.get(IntegrityVerifier).verify();
      expect(report.intact).toBe(true);

      const again = await call('POST', '/api/v1/auth/sign-up', {
        ip: nextIp(),
        body: { email, password: PASSWORD, displayName: 'Cy Again', console: 'fan' },
      });
      expect(again.statusCode).toBe(202);
      await eventually(async () => {
        const [row] = await t.kernel.db.query<{ count: string }>(
          'select count(*) from identity.users where email = $1 and deleted_at is null',
          [email],
        );
        expect(row?.count).toBe('1');
      });
    });

    it("forgets a deleted member in the teams: the invitation's address and the name in the activity", async () => {
      const owner = await signUpAndVerify(nextEmail(), 'Ona Owner');
      const memberEmail = nextEmail();
      const member = await signUpAndVerify(memberEmail, 'Mo Member');
      const org = await call('POST', '/api/v1/orgs', {
        token: owner.accessToken,
        body: { name: 'Forgetful Records', kind: 'label' },
      });
      const orgId = org.json<{ orgId: string }>().orgId;
      const invited = await call('POST', `/api/v1/orgs/${orgId}/invitations`, {
        token: owner.accessToken,
        body: { email: memberEmail, role: 'editor' },
      });
      expect(invited.statusCode).toBe(201);
      const invitation = await t.mailTo(memberEmail, /invit/i);
      const accepted = await call('POST', '/api/v1/invitations/accept', {
        token: member.accessToken,
        body: { token: tokenIn(invitation.text, 'creator/invitations/accept') },
      });
      expect(accepted.statusCode).toBe(200);
      const activity = async (): Promise<string> =>
        JSON.stringify(
          await t.kernel.db.query(
            'select actor_name, summary from identity.team_activity where org_id = $1',
            [orgId],
          ),
        );
      expect(await activity()).toContain('Mo Member');
      expect(await activity()).toContain(memberEmail);

      const deleted = await call('POST', '/api/v1/me/deletion', {
        token: member.accessToken,
        body: { confirmation: PASSWORD },
      });
      expect(deleted.statusCode).toBe(204);

      expect(await activity()).not.toContain('Mo Member');
      expect(await activity()).not.toContain(memberEmail);
      expect(await activity()).toContain('Deleted user');
      const rows = await t.kernel.db.query<{ email: string | null; token_hash: string }>(
        'select email, token_hash from identity.invitations where org_id = $1',
        [orgId],
      );
      expect(rows.map((row) => row.email)).toEqual([null]);
      const events = (await t.kernel.store.readStream(`identity-org-${orgId}`)).events;
      const invitedEvent = events.find((event) => event.type === 'MemberInvited');
      const sealed = (invitedEvent?.data as { email: string } | undefined)?.email ?? '';
      expect(sealed).toMatch(/^pd1:/);
      const vault = t.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
      expect(await vault.open(`invitation:${rows[0]?.token_hash ?? ''}`, sealed)).toBeNull();
      // The owner's own name and the organisation stay.
      expect(await activity()).toContain('Ona Owner');
      expect((await t.app.get(IntegrityVerifier).verify()).intact).toBe(true);
    });
  });
});
