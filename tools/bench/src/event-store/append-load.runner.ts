import { performance } from 'node:perf_hooks';
import { percentile } from './append-bench.stats';
import { type GridPoint, type PointTiming } from './append-bench.types';
import { benchEvents, benchMetadata } from './bench-events.fixture';
import { type ContenderSession } from './contender';

/** What a load gave: events and appends acknowledged inside the measured window, and append latencies. */
export interface LoadResult {
  readonly events: number;
  readonly appends: number;
  readonly seconds: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

/**
 * Runs `point.clients` clients that append `point.batch` events each, back to back, for the warm-up
 * and then the measured window. An append counts when it is acknowledged inside the window; the one
 * each client has in flight when the window closes is awaited but not counted. Any failed append
 * fails the load: a benchmark that hides errors measures nothing.
 */
export async function runAppendLoad(
  session: ContenderSession,
  point: GridPoint,
  timing: PointTiming,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let events = 0;
  let appends = 0;
  // The first failure stops every client, so that none still runs when the session closes.
  let failure: { error: unknown } | undefined;
  const startedAt = performance.now();
  const windowStart = startedAt + timing.warmupMs;
  const windowEnd = windowStart + timing.durationMs;

  const clients = Array.from({ length: point.clients }, async (_, index) => {
    const client = session.client(index);
    for (let sequence = 0; failure === undefined && performance.now() < windowEnd; sequence += 1) {
      const batch = benchEvents(point.batch, sequence);
      const metadata = benchMetadata();
      const before = performance.now();
      try {
        await client.append(batch, metadata);
      } catch (error) {
        failure ??= { error };
        return;
      }
      const after = performance.now();
      if (after >= windowStart && after <= windowEnd) {
        events += batch.length;
        appends += 1;
        latencies.push(after - before);
      }
    }
  });
  await Promise.all(clients);
  if (failure) throw failure.error;
  return {
    events,
    appends,
    seconds: timing.durationMs / 1000,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
  };
}
