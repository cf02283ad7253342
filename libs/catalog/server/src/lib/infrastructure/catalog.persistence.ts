import { type ContextPersistence } from '@bandstand/shared/persistence';
import { assetsTables } from '../application/assets/assets.tables';
import { plansTables } from '../application/plans/plans.tables';
import { releasesTables } from '../application/releases/releases.tables';
import { searchTables } from '../application/search/search.tables';

/** The catalog context's schema. */
export const CATALOG_SCHEMA = 'catalog';

// Areas in migration order: a later area's migrations may refer to an earlier one's tables.
const areas = [releasesTables, plansTables, assetsTables, searchTables];

/** Entities and migrations of the catalog schema, in migration order. */
export const catalogPersistence: ContextPersistence = {
  context: 'catalog',
  schema: CATALOG_SCHEMA,
  entities: areas.flatMap((area) => area.entities),
  migrations: areas.flatMap((area) => area.migrations),
};
