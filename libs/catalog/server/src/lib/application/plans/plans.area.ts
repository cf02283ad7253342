import { type CatalogArea } from '../../catalog-area';

/** Plans: being written. */
export const plansArea: CatalogArea = { providers: [] };
