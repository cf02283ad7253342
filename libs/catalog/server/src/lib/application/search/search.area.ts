import { type CatalogArea } from '../../catalog-area';

/** Search: being written. */
export const searchArea: CatalogArea = { providers: [] };
