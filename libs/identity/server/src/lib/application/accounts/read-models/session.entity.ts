import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type SignInMethod } from '@bandstand/identity/contracts';
import { type SessionRevocationReason } from '@bandstand/identity/domain';

/**
 * identity.sessions: one row per session (refresh-token family), kept inline by its stream. The
 * principal resolver reads it on every request, so revocation acts at once.
 */
@Entity({ schema: 'identity', tableName: 'sessions' })
export class SessionRecord {
  @PrimaryKey({ type: t.text, fieldName: 'session_id' })
  sessionId!: string;

  @Property({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @Property({ type: t.text })
  method!: SignInMethod;

  /** Opened from the sealed event field; null when none was sent, and once the account is deleted. */
  @Property({ type: t.text, fieldName: 'user_agent', nullable: true })
  userAgent: string | null = null;

  @Property({ type: t.text, fieldName: 'refresh_token_hash' })
  refreshTokenHash!: string;

  @Property({ type: t.array, columnType: 'text[]', fieldName: 'previous_hashes' })
  previousHashes: string[] = [];

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  /** Moved by refreshes, and by requests at most once a minute (not an event). */
  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'last_used_at' })
  lastUsedAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'revoked_at', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: t.text, fieldName: 'revoked_reason', nullable: true })
  revokedReason: SessionRevocationReason | null = null;
}
