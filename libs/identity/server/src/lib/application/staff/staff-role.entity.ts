import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type StaffRole } from '@bandstand/shared/contracts';

/** identity.staff_roles: the staff roles each user holds now. */
@Entity({ schema: 'identity', tableName: 'staff_roles' })
export class StaffRoleRecord {
  @PrimaryKey({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @PrimaryKey({ type: t.text })
  role!: StaffRole;

  @Property({ type: t.text, fieldName: 'granted_by' })
  grantedBy!: string;

  @Property({ type: t.text, fieldName: 'approval_id', nullable: true })
  approvalId: string | null = null;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'granted_at' })
  grantedAt!: Date;
}
