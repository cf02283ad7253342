import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type OrgRole } from '@bandstand/shared/contracts';

/** identity.invitations: every invitation of every organisation; `expired` is derived from expires_at. */
@Entity({ schema: 'identity', tableName: 'invitations' })
export class InvitationRecord {
  @PrimaryKey({ type: t.text, fieldName: 'invitation_id' })
  invitationId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  /** Plaintext address; null when the sealed one can no longer be opened. */
  @Property({ type: t.text, nullable: true })
  email: string | null = null;

  @Property({ type: t.text, fieldName: 'email_digest' })
  emailDigest!: string;

  @Property({ type: t.text })
  role!: OrgRole;

  @Property({ type: t.text, fieldName: 'token_hash', unique: true })
  tokenHash!: string;

  @Property({ type: t.text })
  status!: 'pending' | 'accepted' | 'revoked';

  @Property({ type: t.text, fieldName: 'invited_by' })
  invitedBy!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'decided_at', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: t.text, fieldName: 'accepted_by', nullable: true })
  acceptedBy: string | null = null;
}
