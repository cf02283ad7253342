import { type SessionEvent, sessionStreamId, type UserEvent, userStreamId } from '@bandstand/identity/domain';
import { FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  createKernelTestHarness,
  type GivenEvent,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { PostgresPersonalDataVault } from '../../../infrastructure/vault/personal-data.vault';
import { identityPersistence } from '../../../infrastructure/identity.persistence';
import { AccountTokensProjection } from './account-tokens.projection';
import { SessionsProjection } from './sessions.projection';
import { DELETED_USER_NAME, UsersProjection } from './users.projection';

const KEY = 'projection-test-personal-data-key-0123456789';
const AT = (iso: string) => `to_char(${iso} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const user = (userId: string, event: UserEvent): GivenEvent => ({ ...event, streamId: userStreamId(userId) });
const session = (sessionId: string, event: SessionEvent): GivenEvent => ({
  ...event,
  streamId: sessionStreamId(sessionId),
});

describe('accounts read models (inline projections, real PostgreSQL)', () => {
  let kernel: KernelTestHarness;
  let vault: PostgresPersonalDataVault;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [identityPersistence] });
    vault = new PostgresPersonalDataVault(kernel.db, KEY);
  });
  afterAll(() => kernel.close());

  async function registered(
    userId: string,
    email: string,
    name: string,
    verification = true,
  ): Promise<GivenEvent> {
    return user(userId, {
      type: 'AccountRegistered',
      data: {
        userId,
        email: await vault.seal(userId, email),
        emailDigest: `digest-of-${email}`,
        displayName: await vault.seal(userId, name),
        passwordHash: verification ? '$argon2id$v=19$first' : null,
        verificationTokenHash: verification ? `verify-${userId}` : null,
        verificationExpiresAt: verification ? '2026-01-02T00:00:00.000Z' : null,
      },
    });
  }

  describe('identity.users', () => {
    const USERS = `select user_id, email, email_digest, display_name, password_hash, email_verified,
      ${AT('created_at')} as created_at, ${AT('updated_at')} as updated_at, ${AT('deleted_at')} as deleted_at
      from identity.users order by user_id`;

    it('opens the sealed fields and follows verification, password and name changes', async () => {
      await projectionSpec(new UsersProjection(vault), kernel)
        .given([
          await registered('u-1', 'ana@example.com', 'Ana'),
          await registered('u-2', 'bo@example.com', 'Bo', false),
          user('u-1', { type: 'EmailVerified', data: { via: 'link' } }),
          user('u-1', { type: 'PasswordResetRequested', data: { tokenHash: 'r', expiresAt: FIXED_NOW_ISO } }),
          {
            ...user('u-1', {
              type: 'PasswordChanged',
              data: { passwordHash: '$argon2id$v=19$second', via: 'reset' },
            }),
            recordedAt: '2026-01-01T00:05:00.000Z',
          },
          user('u-2', {
            type: 'DisplayNameChanged',
            data: { displayName: await vault.seal('u-2', 'Bo Renamed') },
          }),
        ])
        .thenRows(USERS, [
          {
            user_id: 'u-1',
            email: 'ana@example.com',
            email_digest: 'digest-of-ana@example.com',
            display_name: 'Ana',
            password_hash: '$argon2id$v=19$second',
            email_verified: true,
            created_at: FIXED_NOW_ISO,
            updated_at: '2026-01-01T00:05:00.000Z',
            deleted_at: null,
          },
          {
            user_id: 'u-2',
            email: 'bo@example.com',
            email_digest: 'digest-of-bo@example.com',
            display_name: 'Bo Renamed',
            password_hash: null,
            email_verified: false,
            created_at: FIXED_NOW_ISO,
            updated_at: FIXED_NOW_ISO,
            deleted_at: null,
          },
        ]);
    });

    it('scrubs a deleted account, freeing its address, and rebuilds it scrubbed once its key is shredded', async () => {
      const events = [
        await registered('u-3', 'cy@example.com', 'Cy'),
        user('u-3', { type: 'EmailVerified', data: { via: 'link' } }),
        user('u-3', { type: 'AccountDeleted', data: { userId: 'u-3' } }),
      ];
      const scrubbed = {
        user_id: 'u-3',
        email: null,
        email_digest: null,
        display_name: DELETED_USER_NAME,
        password_hash: null,
        email_verified: true,
        created_at: FIXED_NOW_ISO,
        updated_at: FIXED_NOW_ISO,
        deleted_at: FIXED_NOW_ISO,
      };
      await projectionSpec(new UsersProjection(vault), kernel).given(events).thenRows(USERS, [scrubbed]);
      await vault.shred('u-3');
      await projectionSpec(new UsersProjection(vault), kernel)
        .given(events.slice(0, 1))
        .thenRows(USERS, [
          {
            ...scrubbed,
            email: null,
            email_digest: 'digest-of-cy@example.com',
            display_name: DELETED_USER_NAME,
            password_hash: '$argon2id$v=19$first',
            email_verified: false,
            deleted_at: null,
          },
        ]);
    });
  });

  describe('identity.sessions', () => {
    const SESSIONS = `select session_id, user_id, method, user_agent, refresh_token_hash, previous_hashes,
      ${AT('last_used_at')} as last_used_at, ${AT('expires_at')} as expires_at, ${AT('revoked_at')} as revoked_at,
      revoked_reason from identity.sessions order by session_id`;

    it('follows starts, rotations and revocations, with the user agent opened', async () => {
      await projectionSpec(new SessionsProjection(vault), kernel)
        .given([
          session('s-1', {
            type: 'SessionStarted',
            data: {
              userId: 'u-9',
              method: 'password',
              userAgent: await vault.seal('u-9', 'Firefox/130'),
              refreshTokenHash: 'h1',
              expiresAt: '2026-01-31T00:00:00.000Z',
            },
          }),
          session('s-2', {
            type: 'SessionStarted',
            data: {
              userId: 'u-9',
              method: 'siwe',
              userAgent: null,
              refreshTokenHash: 'k1',
              expiresAt: '2026-01-31T00:00:00.000Z',
            },
          }),
          {
            ...session('s-1', {
              type: 'SessionRefreshed',
              data: { refreshTokenHash: 'h2', previousHash: 'h1', expiresAt: '2026-02-01T00:00:00.000Z' },
            }),
            recordedAt: '2026-01-02T00:00:00.000Z',
          },
          session('s-1', {
            type: 'SessionRefreshed',
            data: { refreshTokenHash: 'h3', previousHash: 'h2', expiresAt: '2026-02-01T00:00:00.000Z' },
          }),
          session('s-2', { type: 'RefreshTokenReused', data: { presentedHash: 'k0' } }),
          session('s-2', { type: 'SessionRevoked', data: { reason: 'reuse' } }),
          session('s-2', { type: 'SessionRevoked', data: { reason: 'sign-out' } }),
        ])
        .thenRows(SESSIONS, [
          {
            session_id: 's-1',
            user_id: 'u-9',
            method: 'password',
            user_agent: 'Firefox/130',
            refresh_token_hash: 'h3',
            previous_hashes: ['h1', 'h2'],
            last_used_at: '2026-01-02T00:00:00.000Z',
            expires_at: '2026-02-01T00:00:00.000Z',
            revoked_at: null,
            revoked_reason: null,
          },
          {
            session_id: 's-2',
            user_id: 'u-9',
            method: 'siwe',
            user_agent: null,
            refresh_token_hash: 'k1',
            previous_hashes: [],
            last_used_at: FIXED_NOW_ISO,
            expires_at: '2026-01-31T00:00:00.000Z',
            revoked_at: FIXED_NOW_ISO,
            revoked_reason: 'reuse',
          },
        ]);
    });

    it("ends and scrubs every session of a deleted account, keeping an earlier revocation's reason", async () => {
      const started = (userId: string) => ({
        type: 'SessionStarted' as const,
        data: {
          userId,
          method: 'password' as const,
          userAgent: null,
          refreshTokenHash: 'h',
          expiresAt: '2026-01-31T00:00:00.000Z',
        },
      });
      await projectionSpec(new SessionsProjection(vault), kernel)
        .given([
          session('s-a', {
            ...started('u-7'),
            data: { ...started('u-7').data, userAgent: await vault.seal('u-7', 'Safari') },
          }),
          session('s-b', started('u-7')),
          session('s-c', started('u-8')),
          session('s-b', { type: 'SessionRevoked', data: { reason: 'sign-out' } }),
          user('u-7', { type: 'AccountDeleted', data: { userId: 'u-7' } }),
        ])
        .thenRows(
          'select session_id, user_agent, revoked_reason from identity.sessions order by session_id',
          [
            { session_id: 's-a', user_agent: null, revoked_reason: 'account-deleted' },
            { session_id: 's-b', user_agent: null, revoked_reason: 'sign-out' },
            { session_id: 's-c', user_agent: null, revoked_reason: null },
          ],
        );
    });
  });

  describe('identity.account_tokens', () => {
    const TOKENS = `select token_hash, user_id, kind, ${AT('expires_at')} as expires_at, ${AT('used_at')} as used_at
      from identity.account_tokens order by token_hash`;

    it('keeps the pending links, replaces an older reset and marks used links', async () => {
      await projectionSpec(new AccountTokensProjection(), kernel)
        .given([
          await registered('u-1', 'ana@example.com', 'Ana'),
          await registered('u-2', 'bo@example.com', 'Bo', false),
          user('u-1', { type: 'EmailVerified', data: { via: 'link' } }),
          user('u-1', {
            type: 'PasswordResetRequested',
            data: { tokenHash: 'reset-a', expiresAt: '2026-01-01T00:30:00.000Z' },
          }),
          user('u-1', {
            type: 'PasswordResetRequested',
            data: { tokenHash: 'reset-b', expiresAt: '2026-01-01T00:31:00.000Z' },
          }),
          user('u-2', {
            type: 'PasswordResetRequested',
            data: { tokenHash: 'reset-c', expiresAt: '2026-01-01T00:30:00.000Z' },
          }),
          user('u-2', { type: 'PasswordChanged', data: { passwordHash: 'x', via: 'reset' } }),
        ])
        .thenRows(TOKENS, [
          {
            token_hash: 'reset-b',
            user_id: 'u-1',
            kind: 'reset',
            expires_at: '2026-01-01T00:31:00.000Z',
            used_at: null,
          },
          {
            token_hash: 'reset-c',
            user_id: 'u-2',
            kind: 'reset',
            expires_at: '2026-01-01T00:30:00.000Z',
            used_at: FIXED_NOW_ISO,
          },
          {
            token_hash: 'verify-u-1',
            user_id: 'u-1',
            kind: 'verification',
            expires_at: '2026-01-02T00:00:00.000Z',
            used_at: FIXED_NOW_ISO,
          },
        ]);
    });

    it('forgets every link of a deleted account', async () => {
      await projectionSpec(new AccountTokensProjection(), kernel)
        .given([
          await registered('u-5', 'dee@example.com', 'Dee'),
          await registered('u-6', 'eve@example.com', 'Eve'),
          user('u-5', {
            type: 'PasswordResetRequested',
            data: { tokenHash: 'reset-d', expiresAt: FIXED_NOW_ISO },
          }),
          user('u-5', { type: 'AccountDeleted', data: { userId: 'u-5' } }),
        ])
        .thenRows('select token_hash from identity.account_tokens order by token_hash', [
          { token_hash: 'verify-u-6' },
        ]);
    });
  });
});
