import { AsyncLocalStorage } from 'node:async_hooks';
import { type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Rows as PostgreSQL returns them through `pg`: int8 and xid8 as strings, jsonb parsed. */
export type Row = Record<string, unknown>;

/** Something that runs SQL with bound parameters: the pool or an open transaction. */
export interface SqlRunner {
  /**
   * Runs one statement. A `name` makes it a prepared statement, parsed and planned once per
   * connection: worth it for the kernel's hot statements (appends, reads of the log, checkpoints).
   */
  query<R extends object = Row>(text: string, params?: readonly unknown[], name?: string): Promise<R[]>;
}

async function run<R>(
  client: pg.Pool | pg.PoolClient,
  text: string,
  params: readonly unknown[],
  name: string | undefined,
): Promise<R[]> {
  const result = await client.query({ text, values: [...params], ...(name ? { name } : {}) });
  return result.rows as R[];
}

// Kysely (under MikroORM) over one checked-out client: the entity manager of a transaction runs
// its queries and flushes on the transaction's own connection, which it must never release.
function singleClientPool(client: pg.PoolClient): PostgresPool {
  const borrowed: PostgresPoolClient = {
    query: client.query.bind(client),
    release: () => undefined,
  };
  return { connect: () => Promise.resolve(borrowed), end: () => Promise.resolve(), options: {} };
}

/**
 * One open transaction: raw SQL for the kernel's tables and MikroORM's entity manager for read
 * models, both on the same connection so that they commit together or not at all.
 */
export class KernelTransaction implements SqlRunner {
  private readonly afterCommitCallbacks: (() => void)[] = [];
  private entityManager: EntityManager | undefined;

  constructor(
    private readonly orm: MikroORM,
    /** @internal the connection the transaction runs on */
    readonly connection: pg.PoolClient,
  ) {}

  /** The entity manager of this transaction (made on first use); flushed before it commits. */
  get em(): EntityManager {
    if (!this.entityManager) {
      const em = this.orm.em.fork({ clear: true });
      em.setTransactionContext(
        new Kysely<unknown>({ dialect: new PostgresDialect({ pool: singleClientPool(this.connection) }) }),
      );
      this.entityManager = em;
    }
    return this.entityManager;
  }

  query<R extends object = Row>(text: string, params: readonly unknown[] = [], name?: string): Promise<R[]> {
    return run<R>(this.connection, text, params, name);
  }

  /** Runs `callback` once the outermost transaction has committed; never if it rolls back. */
  afterCommit(callback: () => void): void {
    this.afterCommitCallbacks.push(callback);
  }

  /** @internal flushes the entity manager if it was used */
  async flush(): Promise<void> {
    await this.entityManager?.flush();
  }

  /** @internal */
  takeAfterCommit(): (() => void)[] {
    return this.afterCommitCallbacks.splice(0);
  }
}

/**
 * The kernel's access to PostgreSQL, on the `pg` pool of the process's MikroORM. `transaction`
 * joins the transaction already running in this async context (as a savepoint), so a processor's
 * command and its checkpoint, or a command and its idempotency record, commit together.
 */
export class KernelDatabase implements SqlRunner {
  private readonly ambient = new AsyncLocalStorage<KernelTransaction>();
  private savepoints = 0;
  private nativePool: pg.Pool | undefined;

  constructor(private readonly orm: MikroORM) {}

  /** The transaction running in this async context, if any. */
  get currentTransaction(): KernelTransaction | undefined {
    return this.ambient.getStore();
  }

  query<R extends object = Row>(text: string, params: readonly unknown[] = [], name?: string): Promise<R[]> {
    const tx = this.ambient.getStore();
    if (tx) return tx.query<R>(text, params, name);
    return this.queryOnPool<R>(text, params, name);
  }

  /** Runs on the pool even inside a transaction: for work that must not join it (notifications, leases). */
  async queryOnPool<R extends object = Row>(
    text: string,
    params: readonly unknown[] = [],
    name?: string,
  ): Promise<R[]> {
    return run<R>(await this.pool(), text, params, name);
  }

  /**
   * Runs `work` in a transaction. Inside another one (same async context) it runs in a savepoint
   * of it instead. Entity changes made through `tx.em` are flushed before the commit.
   *
   * The connection always goes back to the pool, and is discarded when PostgreSQL ended the
   * session (an idle-in-transaction timeout, a restart), so a failed rollback never leaks it.
   */
  async transaction<T>(work: (tx: KernelTransaction) => Promise<T>): Promise<T> {
    const outer = this.ambient.getStore();
    if (outer) return this.savepoint(outer, work);
    const client = await (await this.pool()).connect();
    let broken: Error | undefined;
    let callbacks: (() => void)[];
    let result: T | undefined;
    try {
      await client.query('begin');
      const tx = new KernelTransaction(this.orm, client);
      try {
        result = await this.ambient.run(tx, () => work(tx));
        await tx.flush();
        await client.query('commit');
        callbacks = tx.takeAfterCommit();
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
    } catch (error) {
      if (broken === undefined && isConnectionError(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
    for (const callback of callbacks) callback();
    return result;
  }

  private async savepoint<T>(
    outer: KernelTransaction,
    work: (tx: KernelTransaction) => Promise<T>,
  ): Promise<T> {
    const name = `kernel_sp_${++this.savepoints}`;
    await outer.query(`savepoint ${name}`);
    const tx = new KernelTransaction(this.orm, outer.connection);
    try {
      const value = await this.ambient.run(tx, () => work(tx));
      await tx.flush();
      await outer.query(`release savepoint ${name}`);
      for (const callback of tx.takeAfterCommit()) outer.afterCommit(callback);
      return value;
    } catch (error) {
      await outer.query(`rollback to savepoint ${name}`).catch(() => undefined);
      throw error;
    }
  }

  private async pool(): Promise<pg.Pool> {
    this.nativePool ??= await this.orm.em.getConnection().getNativeClient();
    return this.nativePool;
  }

  /** The process's MikroORM instance, for code that needs entity metadata. */
  get mikroOrm(): MikroORM {
    return this.orm;
  }
}

// Errors after which the session is gone: the client must be discarded, not returned to the pool.
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === 'string' &&
      (code.startsWith('08') ||
        code === '25P03' ||
        code === '57P01' ||
        code === '57P02' ||
        code === '57P03')) ||
    (error instanceof Error && /Connection terminated|not queryable|ECONNRESET|EPIPE/i.test(error.message))
  );
}
