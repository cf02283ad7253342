import { type CatalogTables } from '../../catalog-area';
import { Migration20261122000400_create_catalog_search } from './20261122000400-create-catalog-search.migration';
import { SearchEntryRecord, SearchTermRecord } from './search-entry.entity';

/** Read models and migrations of this area, in migration order. */
export const searchTables: CatalogTables = {
  entities: [SearchEntryRecord, SearchTermRecord],
  migrations: [
    {
      name: 'Migration20261122000400_create_catalog_search',
      class: Migration20261122000400_create_catalog_search,
    },
  ],
};
