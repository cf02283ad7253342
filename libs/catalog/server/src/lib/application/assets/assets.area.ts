import { type CatalogArea } from '../../catalog-area';

/** Assets: being written. */
export const assetsArea: CatalogArea = { providers: [] };
