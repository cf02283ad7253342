import { type IdentityTables } from '../identity-tables';

/** Read models and migrations of this area, in migration order. */
export const vaultTables: IdentityTables = { entities: [], migrations: [] };
