import { MikroORM } from '@mikro-orm/postgresql';
import { type ContextPersistence, validateContexts } from './context-persistence';
import { ensureDatabaseExists, withAdvisoryLock } from './database-bootstrap';
import { ormOptions } from './orm-options';
import { isConnectionProblem, postgresUnavailable } from './postgres-problem';

/** Name of the table, in each context's schema, that records the migrations applied there. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

// Arbitrary but fixed: every Bandstand process that migrates this database queues on it.
const MIGRATION_LOCK_KEY = 727_384_101;

/** Thrown when one migration fails; it was rolled back, the ones before it stay applied. */
export class MigrationFailedError extends Error {
  readonly code = 'PERSISTENCE.MIGRATION_FAILED';

  constructor(
    readonly context: string,
    readonly migration: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} of context "${context}" failed and was rolled back: ${reason}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/** The migrations one context applied in a run. */
export interface ContextMigrationResult {
  readonly context: string;
  readonly schema: string;
  readonly applied: readonly string[];
}

/** What a migration run did. */
export interface MigrationReport {
  readonly databaseCreated: boolean;
  readonly contexts: readonly ContextMigrationResult[];
}

/** What `resetDatabase` did: the schemas it dropped, then the migration run. */
export interface ResetReport extends MigrationReport {
  readonly droppedSchemas: readonly string[];
}

/** Which database and which contexts, in the order their migrations must run. */
export interface MigrationRunOptions {
  readonly url: string;
  readonly contexts: readonly ContextPersistence[];
}

async function withContextOrm<T>(
  url: string,
  descriptor: ContextPersistence,
  work: (orm: MikroORM) => Promise<T>,
): Promise<T> {
  const orm = await MikroORM.init(
    ormOptions({
      url,
      entities: descriptor.entities,
      poolMax: 1,
      migrations: {
        migrationsList: descriptor.migrations.map((migration) => ({
          name: migration.name,
          class: migration.class,
        })),
        tableName: MIGRATIONS_TABLE,
        // The tracking table and unqualified names in migrations land in the context's own schema.
        schema: descriptor.schema,
        transactional: true,
        // Each migration commits on its own: a failure keeps the ones before it applied.
        allOrNothing: false,
        snapshot: false,
        silent: true,
        emit: 'ts',
      },
    }),
  );
  try {
    return await work(orm);
  } finally {
    await orm.close(true);
  }
}

async function migrateContext(url: string, descriptor: ContextPersistence): Promise<ContextMigrationResult> {
  return withContextOrm(url, descriptor, async (orm) => {
    let current: string | undefined;
    try {
      await orm.em.getConnection().execute(`create schema if not exists "${descriptor.schema}"`, [], 'run');
      const migrator = orm.migrator;
      migrator.on('migrating', (event) => {
        current = event.name;
      });
      migrator.on('migrated', () => {
        current = undefined;
      });
      const applied = await migrator.up();
      return { context: descriptor.context, schema: descriptor.schema, applied: applied.map((m) => m.name) };
    } catch (error) {
      if (isConnectionProblem(error)) throw postgresUnavailable(error, url);
      if (current !== undefined) throw new MigrationFailedError(descriptor.context, current, error);
      throw error;
    }
  });
}

async function migrateAll(
  url: string,
  contexts: readonly ContextPersistence[],
): Promise<ContextMigrationResult[]> {
  const results: ContextMigrationResult[] = [];
  for (const descriptor of contexts) {
    results.push(await migrateContext(url, descriptor));
  }
  return results;
}

/**
 * Creates the database if needed, then applies each context's pending migrations, context by
 * context in the order given and each context's migrations in the order listed. Running it again
 * applies nothing.
 */
export async function migrateDatabase(options: MigrationRunOptions): Promise<MigrationReport> {
  validateContexts(options.contexts);
  const databaseCreated = await ensureDatabaseExists(options.url);
  const contexts = await withAdvisoryLock(options.url, MIGRATION_LOCK_KEY, () =>
    migrateAll(options.url, options.contexts),
  );
  return { databaseCreated, contexts };
}

/** Drops every listed context's schema with everything in it, then migrates from scratch. */
export async function resetDatabase(options: MigrationRunOptions): Promise<ResetReport> {
  validateContexts(options.contexts);
  const databaseCreated = await ensureDatabaseExists(options.url);
  const [first] = options.contexts;
  if (first === undefined) return { databaseCreated, droppedSchemas: [], contexts: [] };
  return withAdvisoryLock(options.url, MIGRATION_LOCK_KEY, async () => {
    const droppedSchemas = await withContextOrm(options.url, first, async (orm) => {
      const dropped: string[] = [];
      const connection = orm.em.getConnection();
      for (const descriptor of [...options.contexts].reverse()) {
        await connection.execute(`drop schema if exists "${descriptor.schema}" cascade`, [], 'run');
        dropped.push(descriptor.schema);
      }
      return dropped;
    });
    const contexts = await migrateAll(options.url, options.contexts);
    return { databaseCreated, droppedSchemas, contexts };
  });
}
