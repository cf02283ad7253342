import { type IdentityTables } from '../../infrastructure/identity-tables';

/** Read models and migrations of this area, in migration order. */
export const externalTables: IdentityTables = { entities: [], migrations: [] };
