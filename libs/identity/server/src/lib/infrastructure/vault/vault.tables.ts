import { type IdentityTables } from '../identity-tables';
import { Migration20261121000100_create_subject_keys } from './20261121000100-create-subject-keys.migration';

/** Read models and migrations of this area, in migration order. */
export const vaultTables: IdentityTables = {
  // The vault reads and writes identity.subject_keys with SQL on the kernel's connection: no entity.
  entities: [],
  migrations: [
    {
      name: 'Migration20261121000100_create_subject_keys',
      class: Migration20261121000100_create_subject_keys,
    },
  ],
};
