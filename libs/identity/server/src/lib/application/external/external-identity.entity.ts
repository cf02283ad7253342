import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A row of identity.external_identities: a provider account and the user it signs in (kept by ExternalIdentitiesProjection). */
@Entity({ schema: 'identity', tableName: 'external_identities' })
export class ExternalIdentityEntity {
  /** `oidc` or `spotify`. */
  @PrimaryKey({ type: t.text })
  provider!: string;

  /** The provider's stable id of the account. */
  @PrimaryKey({ type: t.text })
  subject!: string;

  @Property({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'linked_at' })
  linkedAt!: Date;
}
