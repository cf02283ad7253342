import { type StoredEvent } from '../store/event';
import { type KernelTransaction, type SqlRunner } from '../sql/kernel-database';
import { type SubscriberDefinition } from './subscription-runner';

/**
 * A projection for the runner's tests whose effects are not idempotent on purpose: applying an event
 * twice shows up as a count too high and a duplicate row in the log, so "exactly once" is checked.
 */
export async function createCounterTables(db: SqlRunner, schema: string): Promise<void> {
  await db.query(`create schema if not exists ${schema}`);
  await db.query(
    `create table if not exists ${schema}.counts (stream_id text primary key, n integer not null)`,
  );
  await db.query(
    `create table if not exists ${schema}.log (global_position bigint not null, stream_id text not null)`,
  );
}

/** Options of {@link counterProjection}. */
export interface CounterProjectionOptions {
  readonly name?: string;
  readonly version?: number;
  /** Throws on events of this type, to play a poison event. */
  readonly poisonType?: string;
  readonly poison?: SubscriberDefinition['poison'];
  readonly batchSize?: number;
}

export function counterProjection(
  schema: string,
  options: CounterProjectionOptions = {},
): SubscriberDefinition {
  return {
    name: options.name ?? `${schema}.counter`,
    kind: 'projection',
    version: options.version ?? 1,
    batchSize: options.batchSize,
    poison: options.poison ?? { maxAttempts: 2, backoffMs: 5, whenExhausted: 'park' },
    async handleBatch(events: readonly StoredEvent[], tx: KernelTransaction) {
      for (const event of events) {
        if (event.type === options.poisonType) throw new Error(`cannot project ${event.type}`);
      }
      await tx.query(
        `insert into ${schema}.log (global_position, stream_id) select * from unnest($1::bigint[], $2::text[])`,
        [events.map((e) => e.globalPosition.toString()), events.map((e) => e.streamId)],
      );
      const perStream = new Map<string, number>();
      for (const event of events) perStream.set(event.streamId, (perStream.get(event.streamId) ?? 0) + 1);
      await tx.query(
        `insert into ${schema}.counts (stream_id, n) select * from unnest($1::text[], $2::int[])
         on conflict (stream_id) do update set n = ${schema}.counts.n + excluded.n`,
        [[...perStream.keys()], [...perStream.values()]],
      );
    },
    async truncate(tx: KernelTransaction) {
      await tx.query(`truncate ${schema}.counts, ${schema}.log`);
    },
  };
}

/** What the counter projection holds: per stream count, total log rows and distinct positions. */
export async function counterState(
  db: SqlRunner,
  schema: string,
): Promise<{ counts: Record<string, number>; rows: number; distinct: number }> {
  const counts = await db.query<{ stream_id: string; n: number }>(
    `select stream_id, n from ${schema}.counts`,
  );
  const [log] = await db.query<{ rows: string; distinct: string }>(
    `select count(*) as rows, count(distinct global_position) as distinct from ${schema}.log`,
  );
  return {
    counts: Object.fromEntries(counts.map((row) => [row.stream_id, row.n])),
    rows: Number(log?.rows ?? 0),
    distinct: Number(log?.distinct ?? 0),
  };
}

/** Every committed stream's version, as the counter projection should count it. */
export async function committedVersions(db: SqlRunner): Promise<Record<string, number>> {
  const rows = await db.query<{ stream_id: string; version: string }>(
    'select stream_id, max(stream_version) as version from kernel.events group by stream_id',
  );
  return Object.fromEntries(rows.map((row) => [row.stream_id, Number(row.version)]));
}
