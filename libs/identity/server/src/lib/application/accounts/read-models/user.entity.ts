import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * identity.users: one row per account, kept inline by the user stream's events, with the sealed
 * fields opened (plaintext e-mail and display name). A deleted account keeps its row, scrubbed.
 */
@Entity({ schema: 'identity', tableName: 'users' })
export class UserRecord {
  @PrimaryKey({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  /** Null once the account is deleted. */
  @Property({ type: t.text, nullable: true })
  email: string | null = null;

  /** HMAC of the lower-cased address: the unique lookup key; null once deleted. */
  @Property({ type: t.text, fieldName: 'email_digest', nullable: true, unique: true })
  emailDigest: string | null = null;

  @Property({ type: t.text, fieldName: 'display_name' })
  displayName!: string;

  /** argon2id PHC string; null for accounts registered through a provider, and once deleted. */
  @Property({ type: t.text, fieldName: 'password_hash', nullable: true })
  passwordHash: string | null = null;

  @Property({ type: t.boolean, fieldName: 'email_verified' })
  emailVerified = false;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'updated_at' })
  updatedAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'deleted_at', nullable: true })
  deletedAt: Date | null = null;
}
