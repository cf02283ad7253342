import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type OrgKind } from '@bandstand/identity/contracts';

/** identity.organisations: one row per organisation (read model of its stream). */
@Entity({ schema: 'identity', tableName: 'organisations' })
export class OrganisationRecord {
  @PrimaryKey({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.text })
  name!: string;

  @Property({ type: t.text })
  kind!: OrgKind;

  @Property({ type: t.text, fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;
}
