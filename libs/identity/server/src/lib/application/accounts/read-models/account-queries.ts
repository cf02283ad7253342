import { Injectable } from '@nestjs/common';
import { type SignInMethod } from '@bandstand/identity/contracts';
import { type SessionRevocationReason } from '@bandstand/identity/domain';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type AccountTokenKind } from './account-token.entity';

/** A row of identity.users, timestamps as ISO strings. */
export interface AccountRow {
  readonly userId: string;
  readonly email: string | null;
  readonly emailDigest: string | null;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly emailVerified: boolean;
  readonly createdAt: string;
  readonly deletedAt: string | null;
}

/** A row of identity.sessions, timestamps as ISO strings. */
export interface SessionRow {
  readonly sessionId: string;
  readonly userId: string;
  readonly method: SignInMethod;
  readonly userAgent: string | null;
  readonly refreshTokenHash: string;
  readonly previousHashes: readonly string[];
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly revokedReason: SessionRevocationReason | null;
}

/** What the principal resolver needs of a session and its user, in one read. */
export interface RequestSessionRow {
  readonly userId: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string;
  readonly userDeleted: boolean;
}

/** A row of identity.account_tokens. */
export interface AccountTokenRow {
  readonly tokenHash: string;
  readonly userId: string;
  readonly kind: AccountTokenKind;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

// timestamptz as ISO 8601 in UTC with milliseconds, whatever the session's time zone.
const iso = (column: string, alias: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${alias}"`;

const USER_COLUMNS = `user_id as "userId", email, email_digest as "emailDigest", display_name as "displayName",
  password_hash as "passwordHash", email_verified as "emailVerified", ${iso('created_at', 'createdAt')},
  ${iso('deleted_at', 'deletedAt')}`;

const SESSION_COLUMNS = `session_id as "sessionId", user_id as "userId", method, user_agent as "userAgent",
  refresh_token_hash as "refreshTokenHash", previous_hashes as "previousHashes", ${iso('created_at', 'createdAt')},
  ${iso('last_used_at', 'lastUsedAt')}, ${iso('expires_at', 'expiresAt')}, ${iso('revoked_at', 'revokedAt')},
  revoked_reason as "revokedReason"`;

/**
 * Reads of the accounts area's read models. Every read goes through {@link KernelDatabase}, so
 * inside a command's transaction it sees that transaction's own inline rows.
 */
@Injectable()
export class AccountQueries {
  constructor(private readonly db: KernelDatabase) {}

  async userById(userId: string): Promise<AccountRow | null> {
    const [row] = await this.db.query<AccountRow>(
      `select ${USER_COLUMNS} from identity.users where user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** The live account with this e-mail digest (deleted accounts have none). */
  async userByEmailDigest(emailDigest: string): Promise<AccountRow | null> {
    const [row] = await this.db.query<AccountRow>(
      `select ${USER_COLUMNS} from identity.users where email_digest = $1`,
      [emailDigest],
    );
    return row ?? null;
  }

  async token(tokenHash: string, kind: AccountTokenKind): Promise<AccountTokenRow | null> {
    const [row] = await this.db.query<AccountTokenRow>(
      `select token_hash as "tokenHash", user_id as "userId", kind, ${iso('expires_at', 'expiresAt')},
         ${iso('used_at', 'usedAt')}
       from identity.account_tokens where token_hash = $1 and kind = $2`,
      [tokenHash, kind],
    );
    return row ?? null;
  }

  async session(sessionId: string): Promise<SessionRow | null> {
    const [row] = await this.db.query<SessionRow>(
      `select ${SESSION_COLUMNS} from identity.sessions where session_id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  /** The session an access token names, with whether its user is deleted (null if either is gone). */
  async requestSession(sessionId: string): Promise<RequestSessionRow | null> {
    const [row] = await this.db.query<RequestSessionRow>(
      `select s.user_id as "userId", ${iso('s.expires_at', 'expiresAt')}, ${iso('s.revoked_at', 'revokedAt')},
         ${iso('s.last_used_at', 'lastUsedAt')}, u.deleted_at is not null as "userDeleted"
       from identity.sessions s join identity.users u on u.user_id = s.user_id
       where s.session_id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  /** The user's sessions, oldest first: all of them, or only those still usable at `activeAt`. */
  async sessionsOf(userId: string, options: { readonly activeAt?: Date } = {}): Promise<SessionRow[]> {
    if (options.activeAt === undefined) {
      return this.db.query<SessionRow>(
        `select ${SESSION_COLUMNS} from identity.sessions where user_id = $1 order by created_at, session_id`,
        [userId],
      );
    }
    return this.db.query<SessionRow>(
      `select ${SESSION_COLUMNS} from identity.sessions
       where user_id = $1 and revoked_at is null and expires_at > $2
       order by created_at, session_id`,
      [userId, options.activeAt],
    );
  }

  /**
   * Moves a session's last use to `at` unless it moved less than `minIntervalMs` before: an
   * operational touch, not an event, so that requests do not write on every call.
   */
  async touchSession(sessionId: string, at: Date, minIntervalMs: number): Promise<void> {
    await this.db.query(
      `update identity.sessions set last_used_at = $2
       where session_id = $1 and last_used_at <= $2::timestamptz - make_interval(secs => $3)`,
      [sessionId, at, minIntervalMs / 1000],
    );
  }
}
