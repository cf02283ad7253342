import { type CatalogArea } from '../../catalog-area';

/** Public: being written. */
export const publicArea: CatalogArea = { providers: [] };
