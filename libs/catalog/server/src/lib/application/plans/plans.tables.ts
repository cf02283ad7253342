import { type CatalogTables } from '../../catalog-area';
import { Migration20261122000200_create_change_plans } from './20261122000200-create-change-plans.migration';

/** Read models and migrations of this area, in migration order (plain tables: no entities). */
export const plansTables: CatalogTables = {
  entities: [],
  migrations: [
    {
      name: 'Migration20261122000200_create_change_plans',
      class: Migration20261122000200_create_change_plans,
    },
  ],
};
