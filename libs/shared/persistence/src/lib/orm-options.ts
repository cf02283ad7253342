import { type EntityClass, type MigrationsOptions } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';

/** How long a new pool connection may take before the attempt fails (and readiness says why). */
export const CONNECT_TIMEOUT_MS = 5_000;

/** What every MikroORM instance of Bandstand is built from. */
export interface OrmSettings {
  readonly url: string;
  readonly entities: readonly EntityClass[];
  readonly poolMax: number;
  /** Ends sessions idle inside a transaction after this long (they hold back readers of the global log). */
  readonly idleInTransactionMs?: number;
  readonly migrations?: MigrationsOptions;
  readonly logger?: (message: string) => void;
}

/**
 * MikroORM options shared by the app and the migration runner. The pool connects lazily, so
 * building an ORM never touches the server; `ensureDatabase` is off because creating databases is
 * the migration runner's job, not a side effect of the first query.
 */
export function ormOptions(settings: OrmSettings): Options {
  return defineConfig({
    clientUrl: settings.url,
    entities: [...settings.entities],
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    ensureDatabase: false,
    preferTs: false,
    pool: { min: 0, max: settings.poolMax },
    driverOptions: {
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(settings.idleInTransactionMs
        ? { idle_in_transaction_session_timeout: settings.idleInTransactionMs }
        : {}),
    },
    debug: false,
    colors: false,
    logger: settings.logger ?? (() => undefined),
    ...(settings.migrations ? { migrations: settings.migrations } : {}),
  });
}
