import { type CatalogTables } from '../../catalog-area';
import { Migration20261122000300_create_catalog_assets } from './20261122000300-create-catalog-assets.migration';
import { AssetRecord } from './asset.entity';

/** Read models and migrations of this area, in migration order. */
export const assetsTables: CatalogTables = {
  entities: [AssetRecord],
  migrations: [
    {
      name: 'Migration20261122000300_create_catalog_assets',
      class: Migration20261122000300_create_catalog_assets,
    },
  ],
};
