import { EventSchemasModule } from '@bandstand/shared/event-store';
import { type CatalogArea } from '../../catalog-area';
import { assetStorageProvider } from '../../infrastructure/storage/asset-storage.provider';
import { ASSET_EVENT_TYPES } from './asset.decider';
import { AssetContent } from './asset-content.service';
import { AssetStream } from './asset-stream';
import { AssetsController } from './assets.controller';
import { AssetsProjection } from './assets.projection';
import { AssetsQueries } from './assets.queries';
import { StoreAssetHandler } from './store-asset/store-asset.handler';

/**
 * Artwork and audio files: uploads checked by content, their bytes in the asset store (local disk
 * or S3), their metadata in catalog.assets, and `AssetContent` for the public artwork route.
 */
export const assetsArea: CatalogArea = {
  providers: [
    assetStorageProvider,
    AssetStream,
    AssetsQueries,
    AssetsProjection,
    AssetContent,
    StoreAssetHandler,
  ],
  controllers: [AssetsController],
  imports: [
    EventSchemasModule.forFeature(
      'catalog.assets',
      ASSET_EVENT_TYPES.map((type) => ({ type, version: 1 })),
    ),
  ],
};
