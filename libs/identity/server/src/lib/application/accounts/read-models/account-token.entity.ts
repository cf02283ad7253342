import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** What a mailed account token is for. */
export type AccountTokenKind = 'verification' | 'reset';

/**
 * identity.account_tokens: the sha256 hashes of mailed sign-up and reset links, to find the
 * account a presented link belongs to. The user decider stays the judge of validity.
 */
@Entity({ schema: 'identity', tableName: 'account_tokens' })
export class AccountTokenRecord {
  @PrimaryKey({ type: t.text, fieldName: 'token_hash' })
  tokenHash!: string;

  @Property({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @Property({ type: t.text })
  kind!: AccountTokenKind;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'used_at', nullable: true })
  usedAt: Date | null = null;
}
