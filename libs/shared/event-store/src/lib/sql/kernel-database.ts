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
    /** @internal the connection the transaction runs on */
    readonly connection: KyselyRunner,
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
  private savepoints = 0;

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

  /**
   * Runs `work` in a transaction. Inside another one (same async context) it runs in a savepoint
   * of it instead. Entity changes made through `tx.em` are flushed before the commit.
   *
   * The connection is always returned to the pool, also when PostgreSQL ended the session (an
   * idle-in-transaction timeout, a restart): a failed rollback must not leak a pool slot.
   */
  async transaction<T>(work: (tx: KernelTransaction) => Promise<T>): Promise<T> {
    const outer = this.ambient.getStore();
    if (outer) return this.savepoint(outer, work);
    const client = this.orm.em.getConnection().getClient<unknown>();
    let callbacks: (() => void)[] = [];
    const result = await client.connection().execute(async (connection) => {
      await run(connection, 'begin', []);
      const tx = this.open(connection);
      try {
        const value = await this.ambient.run(tx, () => work(tx));
        await tx.em.flush();
        await run(connection, 'commit', []);
        callbacks = tx.takeAfterCommit();
        return value;
      } catch (error) {
        await run(connection, 'rollback', []).catch(() => undefined);
        throw error;
      }
    });
    for (const callback of callbacks) callback();
    return result;
  }

  private async savepoint<T>(
    outer: KernelTransaction,
    work: (tx: KernelTransaction) => Promise<T>,
  ): Promise<T> {
    const name = `kernel_sp_${++this.savepoints}`;
    await outer.query(`savepoint ${name}`);
    const tx = this.open(outer.connection);
    try {
      const value = await this.ambient.run(tx, () => work(tx));
      await tx.em.flush();
      await outer.query(`release savepoint ${name}`);
      for (const callback of tx.takeAfterCommit()) outer.afterCommit(callback);
      return value;
    } catch (error) {
      await outer.query(`rollback to savepoint ${name}`).catch(() => undefined);
      throw error;
    }
  }

  private open(connection: KyselyRunner): KernelTransaction {
    const em = this.orm.em.fork({ clear: true });
    // MikroORM runs the fork's queries and flushes on this connection, inside our transaction.
    em.setTransactionContext(connection);
    return new KernelTransaction(em, connection);
  }

  /** The process's MikroORM instance, for code that needs entity metadata. */
  get mikroOrm(): MikroORM {
    return this.orm;
  }
}
