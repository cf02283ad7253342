import { type CatalogTables } from '../../catalog-area';

/** Read models and migrations of this area, in migration order. */
export const plansTables: CatalogTables = { entities: [], migrations: [] };
