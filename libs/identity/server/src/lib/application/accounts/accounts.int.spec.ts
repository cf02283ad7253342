import { createHmac } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { REFRESH_COOKIE, type SignInResponse } from '@bandstand/identity/contracts';
import { sessionStreamId, userStreamId } from '@bandstand/identity/domain';
import { type CommandMetadata, KernelDatabase } from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from './account-services';
import { type AccountsTestApp, startAccountsTestApp } from './accounts.test-kit';
import { RefreshSession } from './sessions/refresh-session.command';
import { RevokeSession } from './sessions/revoke-session.command';

const PASSWORD = 'correct horse battery staple 42';
const BOOTSTRAP_ADMIN = 'first.admin@example.com';
const metadata: CommandMetadata = { correlationId: 'test-correlation', actor: 'system:test', tenantId: null };

describe('accounts services (real PostgreSQL and Redis)', () => {
  let t: AccountsTestApp;
  let directory: AccountDirectory;
  let ip = 1;

  const signUp = (email: string, displayName = 'Ana') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      remoteAddress: `10.1.0.${ip++}`,
      payload: { email, password: PASSWORD, displayName, console: 'fan' },
    });

  async function signUpAndVerify(email: string): Promise<SignInResponse & { readonly cookie: string }> {
    expect((await signUp(email)).statusCode).toBe(202);
    const mail = await t.mailTo(email, /Confirm your e-mail/);
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((each) => each.name === REFRESH_COOKIE)?.value ?? '';
    return { ...response.json<SignInResponse>(), cookie };
  }

  beforeAll(async () => {
    t = await startAccountsTestApp({ STAFF_BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP_ADMIN });
    directory = t.app.get<AccountDirectory>(ACCOUNT_DIRECTORY);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('ACCOUNT_DIRECTORY', () => {
    it('digests addresses with HMAC-SHA256 under PERSONAL_DATA_KEY, case-insensitively', () => {
      const expected = createHmac('sha256', t.config.PERSONAL_DATA_KEY)
        .update('ana@example.com')
        .digest('hex');
      expect(directory.emailDigest(' Ana@Example.com')).toBe(expected);
    });

    it('registers a provider-verified account in one command, with sealed fields and the user as tenant', async () => {
      const userId = await directory.registerVerified(
        { email: 'Pat@Example.com', displayName: ' Pat ' },
        metadata,
      );
      expect(await directory.byEmail('pat@example.COM')).toEqual({
        userId,
        email: 'Pat@Example.com',
        displayName: 'Pat',
        emailVerified: true,
        deleted: false,
      });
      expect(await directory.byId(userId)).toMatchObject({ userId, emailVerified: true });
      const { events } = await t.kernel.store.readStream(userStreamId(userId));
      expect(events.map((event) => [event.type, event.metadata.tenantId, event.metadata.actor])).toEqual([
        ['AccountRegistered', userId, 'system:test'],
        ['EmailVerified', userId, 'system:test'],
      ]);
      const data = events[0]?.data as { email: string; displayName: string; passwordHash: string | null };
      expect(data.passwordHash).toBeNull();
      const vault = t.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
      expect(data.email).toMatch(/^pd1:/);
      expect(await vault.open(userId, data.email)).toBe('Pat@Example.com');
      expect(await directory.byEmail('nobody@example.com')).toBeNull();
    });

    it('refuses a second account for a registered address', async () => {
      await directory.registerVerified({ email: 'twice@example.com', displayName: 'One' }, metadata);
      await expect(
        directory.registerVerified({ email: 'TWICE@example.com', displayName: 'Two' }, metadata),
      ).rejects.toMatchObject({ code: '23505' });
    });
  });

  describe('the verified-account hook', () => {
    it('makes the STAFF_BOOTSTRAP_ADMIN_EMAIL account staff admin when its address is verified', async () => {
      const admin = await signUpAndVerify(BOOTSTRAP_ADMIN);
      expect(admin.user.staffRoles).toEqual(['admin']);
      const other = await signUpAndVerify('not.admin@example.com');
      expect(other.user.staffRoles).toEqual([]);
    });
  });

  describe('sign-up', () => {
    it('answers two simultaneous sign-ups of one address alike and registers it once', async () => {
      const responses = await Promise.all([
        signUp('race@example.com', 'One'),
        signUp('race@example.com', 'Two'),
      ]);
      expect(responses.map((response) => response.statusCode)).toEqual([202, 202]);
      expect(responses[0]?.body).toBe(responses[1]?.body);
      const rows = await t.kernel.db.query('select user_id from identity.users where email = $1', [
        'race@example.com',
      ]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('session commands', () => {
    it('revokes a session through the CommandBus (as staff do), once', async () => {
      const session = await signUpAndVerify('revoked.by.staff@example.com');
      const commands = t.app.get(CommandBus);
      const first = await commands.execute(new RevokeSession(session.sessionId, 'staff', metadata));
      expect(first.events.map((event) => event.data)).toEqual([{ reason: 'staff' }]);
      const again = await commands.execute(new RevokeSession(session.sessionId, 'staff', metadata));
      expect(again.events).toEqual([]);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      expect(me.statusCode).toBe(401);
    });

    it('refuses to rotate a refresh token inside a caller transaction, whose rollback could undo a revocation', async () => {
      const session = await signUpAndVerify('refresh.in.tx@example.com');
      const commands = t.app.get(CommandBus);
      await expect(
        t.app
          .get(KernelDatabase)
          .transaction(() =>
            commands.execute(new RefreshSession(session.sessionId, 'presented', 'next', 60, metadata)),
          ),
      ).rejects.toThrow(/outside a transaction/);
      const { events } = await t.kernel.store.readStream(sessionStreamId(session.sessionId));
      expect(events.map((event) => event.type)).toEqual(['SessionStarted']);
    });
  });

  describe('the principal resolver', () => {
    // Last: it moves the kernel clock past the sessions' lifetime.
    it('ends a session past its expiry, for access and refresh tokens alike', async () => {
      const session = await signUpAndVerify('expires@example.com');
      const me = () =>
        t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${session.accessToken}` },
        });
      expect((await me()).statusCode).toBe(200);
      t.clock.advance(t.config.AUTH_REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60 * 1000 + 1_000);
      const expired = await me();
      expect(expired.statusCode).toBe(401);
      expect(expired.json<{ code: string }>().code).toBe('ACCESS.SESSION_ENDED');
      const refresh = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie: `${REFRESH_COOKIE}=${session.cookie}` },
      });
      expect(refresh.statusCode).toBe(401);
      expect(refresh.json<{ code: string }>().code).toBe('IDENTITY.REFRESH_TOKEN_INVALID');
    });
  });
});
