import { type CatalogArea } from '../../catalog-area';
import { PublicArtworkController } from './public-artwork.controller';
import { PublicCatalogController } from './public-catalog.controller';
import { PublicCatalogQueries } from './public-catalog.queries';

/**
 * The public catalog fans browse: visible releases, their artists and artwork, by territory. It
 * reads the releases area's tables and serves artwork through the assets area's `AssetContent`.
 */
export const publicArea: CatalogArea = {
  providers: [PublicCatalogQueries],
  controllers: [PublicCatalogController, PublicArtworkController],
};
