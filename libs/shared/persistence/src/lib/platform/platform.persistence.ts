import { type ContextPersistence } from '../context-persistence';
import { Migration20261121_create_seed_runs } from './migrations/20261121-create-seed-runs.migration';
import { PLATFORM_SCHEMA, SeedRun } from './seed-run.entity';

/** The platform's own tables (seed bookkeeping); always first in the composition root's list. */
export const platformPersistence: ContextPersistence = {
  context: 'platform',
  schema: PLATFORM_SCHEMA,
  entities: [SeedRun],
  migrations: [{ name: 'Migration20261121_create_seed_runs', class: Migration20261121_create_seed_runs }],
};
