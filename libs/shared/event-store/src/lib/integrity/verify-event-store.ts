import { MikroORM } from '@mikro-orm/postgresql';
import { type IntegrityReport } from '@bandstand/shared/contracts';
import { isConnectionProblem, ormOptions, postgresUnavailable } from '@bandstand/shared/persistence';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher } from '../store/event-hasher';
import { IntegrityVerifier, type VerifyOptions } from './integrity-verifier.service';

/** The database has no kernel tables (or not the seals): it was never migrated this far. */
export class EventStoreMissingError extends Error {
  constructor(missing: readonly string[]) {
    super(`The database has no ${missing.join(' or ')}: run \`npm run db:migrate\` first`);
    this.name = 'EventStoreMissingError';
  }
}

/** Where to verify and with which key. */
export interface VerifyEventStoreOptions extends VerifyOptions {
  readonly url: string;
  /** EVENT_STORE_KEY: the key the events and seals were signed with. */
  readonly key: string;
}

/**
 * Verifies the event store of the database at `url` on a connection of its own (`kernel:verify`).
 * A PostgreSQL that cannot be reached becomes a PostgresUnavailableError whose message says what
 * to do; an unmigrated database an {@link EventStoreMissingError}.
 */
export async function verifyEventStore(options: VerifyEventStoreOptions): Promise<IntegrityReport> {
  const { url, key, ...verifyOptions } = options;
  const hasher = new EventHasher(key);
  const orm = await MikroORM.init(ormOptions({ url, entities: [], poolMax: 2 }));
  try {
    const db = new KernelDatabase(orm);
    const [tables] = await db.query<{ events: string | null; seals: string | null }>(
      "select to_regclass('kernel.events')::text as events, to_regclass('kernel.seals')::text as seals",
    );
    const missing = [
      ...(tables?.events ? [] : ['kernel.events']),
      ...(tables?.seals ? [] : ['kernel.seals']),
    ];
    if (missing.length > 0) throw new EventStoreMissingError(missing);
    return await new IntegrityVerifier(db, hasher).verify(verifyOptions);
  } catch (error) {
    if (isConnectionProblem(error)) throw postgresUnavailable(error, url);
    throw error;
  } finally {
    await orm.close(true);
  }
}
