import { type CatalogArea } from '../../catalog-area';

/** Ern: being written. */
export const ernArea: CatalogArea = { providers: [] };
