import { AsyncLocalStorage } from 'node:async_hooks';
import { type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';

/** Rows as PostgreSQL returns them through `pg`: int8 and xid8 as strings, jsonb parsed. */
export type Row = Record<string, unknown>;

/** Something that runs SQL with bound parameters: the pool or an open transaction. */
export interface SqlRunner {
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

type KyselyRunner = Kysely<unknown> | Transaction<unknown>;

async function run<R>(runner: KyselyRunner, text: string, params: readonly unknown[]): Promise<R[]> {
  const result = await runner.executeQuery<R>(CompiledQuery.raw(text, [...params]));
  return [...result.rows];
}

/**
 * One open transaction: raw SQL for the kernel's tables and MikroORM's entity manager for read
 * models, both on the same connection so that they commit together or not at all.
 */
export class KernelTransaction implements SqlRunner {
  private readonly afterCommitCallbacks: (() => void)[] = [];

  constructor(
    /** The entity manager of this transaction; flushed before it commits. */
    readonly em: EntityManager,
    private readonly connection: Transaction<unknown>,
  ) {}

  query<R extends object = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return run<R>(this.connection, text, params);
  }

  /** Runs `callback` once the outermost transaction has committed; never if it rolls back. */
  afterCommit(callback: () => void): void {
    this.afterCommitCallbacks.push(callback);
  }

  /** @internal */
  takeAfterCommit(): (() => void)[] {
    return this.afterCommitCallbacks.splice(0);
  }
}

/**
 * The kernel's access to PostgreSQL, on the process's MikroORM pool. `transaction` joins the
 * transaction already running in this async context (as a savepoint), so a processor's command and
 * its checkpoint, or a command and its idempotency record, commit together.
 */
export class KernelDatabase implements SqlRunner {
  private readonly ambient = new AsyncLocalStorage<KernelTransaction>();

  constructor(private readonly orm: MikroORM) {}

  /** The transaction running in this async context, if any. */
  get currentTransaction(): KernelTransaction | undefined {
    return this.ambient.getStore();
  }

  query<R extends object = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const tx = this.ambient.getStore();
    if (tx) return tx.query<R>(text, params);
    return run<R>(this.orm.em.getConnection().getClient<unknown>(), text, params);
  }

  /** Runs on the pool even inside a transaction: for work that must not join it (notifications, leases). */
  queryOnPool<R extends object = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return run<R>(this.orm.em.getConnection().getClient<unknown>(), text, params);
  }

  async transaction<T>(work: (tx: KernelTransaction) => Promise<T>): Promise<T> {
    const outer = this.ambient.getStore();
    const em = outer ? outer.em : this.orm.em.fork();
    let inner: KernelTransaction | undefined;
    const result = await em.transactional(async (txEm) => {
      const connection = txEm.getTransactionContext<Transaction<unknown>>();
      if (connection === undefined) throw new Error('MikroORM opened no transaction context');
      inner = new KernelTransaction(txEm, connection);
      const tx = inner;
      return this.ambient.run(tx, () => work(tx));
    });
    const callbacks = inner?.takeAfterCommit() ?? [];
    if (outer) {
      for (const callback of callbacks) outer.afterCommit(callback);
    } else {
      for (const callback of callbacks) callback();
    }
    return result;
  }

  /** The process's MikroORM instance, for code that needs entity metadata. */
  get mikroOrm(): MikroORM {
    return this.orm;
  }
}
