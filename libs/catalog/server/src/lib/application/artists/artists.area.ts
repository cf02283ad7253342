import { type CatalogArea } from '../../catalog-area';

/** Artists: being written. */
export const artistsArea: CatalogArea = { providers: [] };
