import {
  platformPersistence,
  migrateDatabase,
  ormOptions,
  type ContextPersistence,
} from '@bandstand/shared/persistence';
import { createTestDatabase, type TestDatabase } from '@bandstand/shared/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { type EntityClass } from '@mikro-orm/core';
import { kernelPersistence } from '../kernel.persistence';
import { CommitNotifier } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher } from '../store/event-hasher';
import { EventStore } from '../store/event-store';
import { EventSchemaRegistry } from '../store/upcasters';

/** The key tests sign events with. */
export const TEST_EVENT_STORE_KEY = 'bandstand-test-key-0123456789abcdef0123456789';

/** A migrated throwaway database with the kernel's services on it, for *.int.spec.ts files. */
export interface KernelTestHarness {
  readonly database: TestDatabase;
  readonly orm: MikroORM;
  readonly db: KernelDatabase;
  readonly hasher: EventHasher;
  readonly schemas: EventSchemaRegistry;
  readonly notifier: CommitNotifier;
  readonly store: EventStore;
  /** Another ORM (own pool) on the same database, for a second "process". */
  openOrm(poolMax?: number, idleInTransactionMs?: number): Promise<MikroORM>;
  close(): Promise<void>;
}

/** Options of {@link createKernelTestHarness}. */
export interface KernelTestHarnessOptions {
  /** Further contexts to migrate after platform and kernel (a test projection's read-model schema). */
  readonly contexts?: readonly ContextPersistence[];
  readonly poolMax?: number;
  readonly idleInTransactionMs?: number;
}

/** Creates a database, runs platform, kernel and the given contexts' migrations, and builds the kernel on it. */
export async function createKernelTestHarness(
  options: KernelTestHarnessOptions = {},
): Promise<KernelTestHarness> {
  const database = await createTestDatabase('bandstand_kernel');
  const contexts = [platformPersistence, kernelPersistence, ...(options.contexts ?? [])];
  await migrateDatabase({ url: database.url, contexts });
  const entities: EntityClass[] = contexts.flatMap((context) => [...context.entities]);
  const orms: MikroORM[] = [];
  const openOrm = async (
    poolMax = options.poolMax ?? 10,
    idleInTransactionMs = options.idleInTransactionMs,
  ): Promise<MikroORM> => {
    const orm = await MikroORM.init(
      ormOptions({ url: database.url, entities, poolMax, idleInTransactionMs }),
    );
    orms.push(orm);
    return orm;
  };
  const orm = await openOrm();
  const db = new KernelDatabase(orm);
  const hasher = new EventHasher(TEST_EVENT_STORE_KEY);
  const schemas = new EventSchemaRegistry();
  const notifier = new CommitNotifier(database.url);
  const store = new EventStore(db, hasher, schemas, notifier);
  return {
    database,
    orm,
    db,
    hasher,
    schemas,
    notifier,
    store,
    openOrm,
    async close() {
      await notifier.close();
      for (const each of orms) await each.close(true);
      await database.drop();
    },
  };
}
