import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type ApprovalStatus } from '@bandstand/identity/contracts';

/** identity.approvals: staff actions waiting for, or decided by, a second staff member. */
@Entity({ schema: 'identity', tableName: 'approvals' })
export class ApprovalRecord {
  @PrimaryKey({ type: t.text, fieldName: 'approval_id' })
  approvalId!: string;

  @Property({ type: t.text })
  action!: string;

  @Property({ type: t.json, columnType: 'jsonb' })
  payload!: unknown;

  @Property({ type: t.text })
  summary!: string;

  @Property({ type: t.bigint, fieldName: 'amount_minor', nullable: true })
  amountMinor: string | null = null;

  @Property({ type: t.text, nullable: true })
  currency: string | null = null;

  @Property({ type: t.text, fieldName: 'requested_by' })
  requestedBy!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'requested_at' })
  requestedAt!: Date;

  @Property({ type: t.text })
  status!: ApprovalStatus;

  @Property({ type: t.text, fieldName: 'decided_by', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'decided_at', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: t.text, nullable: true })
  reason: string | null = null;
}
