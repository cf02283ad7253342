import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  CommitListener,
  type KernelTransaction,
  type StoredEvent,
  type SubscriberDefinition,
  SubscriptionRunner,
} from '@bandstand/shared/event-store';
import { createKernelTestHarness, type KernelTestHarness } from '@bandstand/shared/event-store/testing';
import { type TargetCheck } from './append-bench.stats';
import { type BenchOptions } from './append-bench.types';

/** What a projection scenario gets: the bench's options (runs, timing) and the server to use. */
export interface ProjectionScenarioContext {
  readonly options: BenchOptions;
  /** The PostgreSQL server; create a fresh database per scenario (createTestDatabase) and drop it. */
  readonly serverUrl: string;
}

/** How fast a projection is rebuilt (truncate and replay of the whole log). */
export interface RebuildFigure {
  /** Median over the runs. */
  readonly eventsPerSecond: number;
  readonly events: number;
}

/** How far an async projection trails the log under a steady append rate. */
export interface LagFigure {
  /** The append rate offered while lag was sampled. */
  readonly offeredEventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Issue 3's projection targets. */
export const PROJECTION_TARGETS = {
  rebuildEventsPerSecond: 50_000,
  lagP99Ms: 250,
  steadyEventsPerSecond: 1_000,
} as const;

const REBUILD_EVENTS = 200_000;
const REBUILD_EVENTS_QUICK = 20_000;
const LAG_SECONDS = 10;
const LAG_SECONDS_QUICK = 3;

/**
 * A typical read model: per stream, how many events and the time of the last one, upserted once
 * per stream and batch.
 */
function streamSummaryProjection(name: string, batchSize: number): SubscriberDefinition {
  return {
    name,
    kind: 'projection',
    version: 1,
    batchSize,
    async handleBatch(events: readonly StoredEvent[], tx: KernelTransaction) {
      const perStream = new Map<string, { count: number; last: Date }>();
      for (const event of events) {
        const entry = perStream.get(event.streamId) ?? { count: 0, last: event.recordedAt };
        entry.count++;
        entry.last = event.recordedAt;
        perStream.set(event.streamId, entry);
      }
      await tx.query(
        `insert into bench.stream_summary (stream_id, events, last_at)
         select * from unnest($1::text[], $2::int[], $3::timestamptz[])
         on conflict (stream_id) do update set events = bench.stream_summary.events + excluded.events,
           last_at = excluded.last_at`,
        [
          [...perStream.keys()],
          [...perStream.values()].map((v) => v.count),
          [...perStream.values()].map((v) => v.last),
        ],
      );
    },
    async truncate(tx: KernelTransaction) {
      await tx.query('truncate bench.stream_summary');
    },
  };
}

async function summaryTables(kernel: KernelTestHarness): Promise<void> {
  await kernel.db.query('create schema bench');
  await kernel.db.query(
    'create table bench.stream_summary (stream_id text primary key, events integer not null, last_at timestamptz not null)',
  );
}

const metadata = { correlationId: 'bench', causationId: null, actor: 'system:bench', tenantId: null };

/**
 * The projection rebuild rate: a log of {@link REBUILD_EVENTS} events over 2,000 streams, a
 * projection caught up with it, then a rebuild requested as an operator would; the rate is the
 * log's size over the time between the rebuild's start and finish as the runner records them.
 */
export async function measureProjectionRebuild(
  context: ProjectionScenarioContext,
): Promise<RebuildFigure | undefined> {
  const total = context.options.quick ? REBUILD_EVENTS_QUICK : REBUILD_EVENTS;
  const rates: number[] = [];
  for (let run = 0; run < context.options.runs; run++) {
    const kernel = await createKernelTestHarness({ poolMax: 8 });
    try {
      await summaryTables(kernel);
      const streams = 2_000;
      const perAppend = 100;
      const appends = Array.from({ length: total / perAppend }, (_, i) => i);
      const versions = new Map<number, number>();
      await Promise.all(
        Array.from({ length: 8 }, async (_, worker) => {
          for (let i = worker; i < appends.length; i += 8) {
            const stream = i % streams;
            const version = versions.get(stream) ?? 0;
            versions.set(stream, version + perAppend);
            await kernel.store.append(
              `bench-${stream}`,
              Array.from({ length: perAppend }, (_, n) => ({
                type: 'TrackPlayed',
                data: { n, track: `t-${n % 37}`, ms: 181_000 },
              })),
              { expectedVersion: version === 0 ? 'no_stream' : version, metadata },
            );
          }
        }),
      );
      const listener = new CommitListener(kernel.database.url);
      await listener.start();
      const definition = streamSummaryProjection('bench.summary', 2_000);
      const runner = new SubscriptionRunner(kernel.db, kernel.store, listener, definition, {
        idlePollMs: 50,
      });
      runner.start();
      await until(
        async () => (await subscriptionRow(kernel)).position_global !== '0' && (await caughtUp(kernel)),
      );
      await kernel.db.query(
        "update kernel.subscriptions set rebuild_requested_at = now() where name = 'bench.summary'",
      );
      await until(async () => (await subscriptionRow(kernel)).rebuild_finished_at !== null);
      const row = await subscriptionRow(kernel);
      await runner.stop();
      await listener.stop();
      const seconds = Number(row.duration_ms) / 1000;
      rates.push(Number(row.rebuild_done) / seconds);
    } finally {
      await kernel.close();
    }
  }
  return { eventsPerSecond: median(rates), events: total };
}

interface SubscriptionRowView {
  readonly position_global: string;
  readonly rebuild_done: string | null;
  readonly rebuild_finished_at: string | null;
  readonly duration_ms: string | null;
}

async function subscriptionRow(kernel: KernelTestHarness): Promise<SubscriptionRowView> {
  const [row] = await kernel.db.query<SubscriptionRowView>(
    `select position_global, rebuild_done, rebuild_finished_at,
       extract(epoch from (rebuild_finished_at - rebuild_started_at)) * 1000 as duration_ms
     from kernel.subscriptions where name = 'bench.summary'`,
  );
  return row ?? { position_global: '0', rebuild_done: null, rebuild_finished_at: null, duration_ms: null };
}

async function caughtUp(kernel: KernelTestHarness): Promise<boolean> {
  const [row] = await kernel.db.query<{ behind: boolean }>(
    `select exists (select 1 from kernel.events e, kernel.subscriptions s where s.name = 'bench.summary'
       and (e.transaction_id, e.global_position) > (s.position_transaction_id, s.position_global)) as behind`,
  );
  return row?.behind === false;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The projection scenario did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Async projection lag under a steady {@link PROJECTION_TARGETS}.steadyEventsPerSecond: single-event
 * appends from 4 clients, paced; an event's lag is from the start of its append call to the commit of
 * the projection transaction that handled it (measured in this process, one clock).
 */
export async function measureProjectionLag(
  context: ProjectionScenarioContext,
): Promise<LagFigure | undefined> {
  const seconds = context.options.quick ? LAG_SECONDS_QUICK : LAG_SECONDS;
  const p50s: number[] = [];
  const p99s: number[] = [];
  let offered = 0;
  for (let run = 0; run < context.options.runs; run++) {
    const kernel = await createKernelTestHarness({ poolMax: 8 });
    try {
      await summaryTables(kernel);
      const started = new Map<string, number>();
      const lags: number[] = [];
      const base = streamSummaryProjection('bench.summary', 500);
      const definition: SubscriberDefinition = {
        ...base,
        async handleBatch(events, tx) {
          await base.handleBatch(events, tx);
          tx.afterCommit(() => {
            const now = performance.now();
            for (const event of events) {
              const at = started.get(event.eventId);
              if (at !== undefined) lags.push(now - at);
            }
          });
        },
      };
      const listener = new CommitListener(kernel.database.url);
      await listener.start();
      const runner = new SubscriptionRunner(kernel.db, kernel.store, listener, definition);
      runner.start();
      const clients = 4;
      const interval = (clients * 1000) / PROJECTION_TARGETS.steadyEventsPerSecond;
      const end = performance.now() + seconds * 1000;
      let appended = 0;
      await Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          let version = 0;
          let next = performance.now() + (client * interval) / clients;
          while (next < end) {
            const wait = next - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            const eventId = randomUUID();
            started.set(eventId, performance.now());
            await kernel.store.append(
              `lag-${client}`,
              [{ type: 'TrackPlayed', data: { n: version }, eventId }],
              {
                expectedVersion: version === 0 ? 'no_stream' : version,
                metadata,
              },
            );
            version++;
            appended++;
            next += interval;
          }
        }),
      );
      await until(() => Promise.resolve(lags.length >= appended), 60_000);
      await runner.stop();
      await listener.stop();
      offered = appended / seconds;
      const sorted = [...lags].sort((a, b) => a - b);
      p50s.push(percentile(sorted, 0.5));
      p99s.push(percentile(sorted, 0.99));
    } finally {
      await kernel.close();
    }
  }
  return { offeredEventsPerSecond: offered, p50Ms: median(p50s), p99Ms: median(p99s) };
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The projection targets against what the scenarios measured ("not measured yet" until they exist). */
export function checkProjectionTargets(
  rebuild: RebuildFigure | undefined,
  lag: LagFigure | undefined,
): TargetCheck[] {
  const rate = (value: number): string => `${Math.round(value).toLocaleString('en-US')} events/s`;
  return [
    {
      target: `projection rebuild: ≥ ${rate(PROJECTION_TARGETS.rebuildEventsPerSecond)}`,
      figure: rebuild ? rate(rebuild.eventsPerSecond) : 'not measured yet',
      met: rebuild ? rebuild.eventsPerSecond >= PROJECTION_TARGETS.rebuildEventsPerSecond : undefined,
    },
    {
      target: `async projection lag p99 ≤ ${PROJECTION_TARGETS.lagP99Ms} ms at ${rate(PROJECTION_TARGETS.steadyEventsPerSecond)}`,
      figure: lag ? `p50 ${lag.p50Ms.toFixed(0)} ms, p99 ${lag.p99Ms.toFixed(0)} ms` : 'not measured yet',
      met: lag ? lag.p99Ms <= PROJECTION_TARGETS.lagP99Ms : undefined,
    },
  ];
}
