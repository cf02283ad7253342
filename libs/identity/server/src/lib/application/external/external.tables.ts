import { type IdentityTables } from '../../infrastructure/identity-tables';
import { ExternalIdentityEntity } from './external-identity.entity';
import { Migration20261121000600_create_external_identities } from './migrations/20261121000600-create-external-identities.migration';

/** Read models and migrations of this area, in migration order. */
export const externalTables: IdentityTables = {
  entities: [ExternalIdentityEntity],
  migrations: [
    {
      name: 'Migration20261121000600_create_external_identities',
      class: Migration20261121000600_create_external_identities,
    },
  ],
};
