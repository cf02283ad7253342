/** Who is measured: the floor (raw INSERT), Emmett's PostgreSQL store, and Bandstand's EventStore. */
export type ContenderName = 'raw' | 'emmett' | 'store';

/** Every contender, in the order the report lists them. */
export const CONTENDERS: readonly ContenderName[] = ['raw', 'emmett', 'store'];

/** One point of the grid: concurrent clients × events per append. */
export interface GridPoint {
  readonly clients: number;
  readonly batch: number;
}

/** How long a point runs: a warm-up whose appends are not counted, then the measured window. */
export interface PointTiming {
  readonly warmupMs: number;
  readonly durationMs: number;
}

/** One measurement to make, in a process of its own, on a database of its own. */
export interface PointSpec extends GridPoint, PointTiming {
  readonly contender: ContenderName;
  /** 1-based repetition of the whole grid this measurement belongs to. */
  readonly run: number;
}

/** What one measurement gave. */
export interface PointSample extends GridPoint {
  readonly contender: ContenderName;
  readonly run: number;
  readonly events: number;
  readonly appends: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** CPU time of the benchmark's own process per event, in the measured window. */
  readonly clientCpuUsPerEvent: number;
  /** CPU time of the database's PostgreSQL backends per event; null when unreadable. */
  readonly serverCpuUsPerEvent: number | null;
}

/** Everything `npm run bench:event-store` can be told. */
export interface BenchOptions extends PointTiming {
  readonly runs: number;
  readonly clients: readonly number[];
  readonly batches: readonly number[];
  readonly contenders: readonly ContenderName[];
  readonly quick: boolean;
  /** Whether the figures replace the event-store section of the benchmarks document. */
  readonly write: boolean;
  readonly docPath: string;
  /** Where to write every sample and the summary as JSON, if anywhere. */
  readonly jsonPath: string | undefined;
  /** Render the section from samples saved with `--json` instead of measuring. */
  readonly fromJsonPath: string | undefined;
}

/** Checks that a value received from a point's process is a sample. */
export function isPointSample(value: unknown): value is PointSample {
  if (typeof value !== 'object' || value === null) return false;
  const sample = value as Record<string, unknown>;
  return (
    typeof sample['contender'] === 'string' &&
    (CONTENDERS as readonly string[]).includes(sample['contender']) &&
    ['clients', 'batch', 'run', 'events', 'appends', 'seconds', 'eventsPerSecond'].every(
      (key) => typeof sample[key] === 'number',
    )
  );
}

/** Checks that a value handed to a point's process is a measurement to make. */
export function isPointSpec(value: unknown): value is PointSpec {
  if (typeof value !== 'object' || value === null) return false;
  const spec = value as Record<string, unknown>;
  return (
    typeof spec['contender'] === 'string' &&
    (CONTENDERS as readonly string[]).includes(spec['contender']) &&
    ['clients', 'batch', 'run', 'warmupMs', 'durationMs'].every(
      (key) => typeof spec[key] === 'number' && Number.isSafeInteger(spec[key]) && Number(spec[key]) >= 1,
    )
  );
}
