import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type OrgRole } from '@bandstand/shared/contracts';

/** identity.memberships: who belongs to which organisation, in which role, now. */
@Entity({ schema: 'identity', tableName: 'memberships' })
export class MembershipRecord {
  @PrimaryKey({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @PrimaryKey({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @Property({ type: t.text })
  role!: OrgRole;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'joined_at' })
  joinedAt!: Date;
}
