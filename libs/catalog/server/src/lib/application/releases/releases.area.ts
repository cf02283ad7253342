import { type CatalogArea } from '../../catalog-area';

/** Releases: being written. */
export const releasesArea: CatalogArea = { providers: [] };
