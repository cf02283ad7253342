import { type ContenderName, CONTENDERS, type PointSample } from './append-bench.types';

/** The median of some figures (the mean of the middle two when their number is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The median of no figures is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The nearest-rank percentile (0 < p ≤ 100) of some figures; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** One contender's figures at one point over the runs. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Median CPU time per event of one contender at one point: its client process, its PostgreSQL backends. */
export interface CpuMedians {
  readonly clientUs: number;
  /** Undefined when no run could read the server's processes. */
  readonly serverUs: number | undefined;
}

/** A point of the grid with each contender's spread and the store's ratios to the others. */
export interface PointSummary {
  readonly clients: number;
  readonly batch: number;
  readonly contenders: Partial<Record<ContenderName, Spread>>;
  readonly cpu: Partial<Record<ContenderName, CpuMedians>>;
  /** Median events/s of the store over the raw INSERT's, if both ran. */
  readonly storeOverRaw: number | undefined;
  readonly storeOverEmmett: number | undefined;
}

function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

function ratio(over: Spread | undefined, under: Spread | undefined): number | undefined {
  return over && under && under.median > 0 ? over.median / under.median : undefined;
}

/** Groups the samples by point, ordered by events per append then clients. */
export function summarize(samples: readonly PointSample[]): PointSummary[] {
  const points = new Map<string, { clients: number; batch: number; samples: PointSample[] }>();
  for (const sample of samples) {
    const key = `${sample.batch}×${sample.clients}`;
    const point = points.get(key) ?? { clients: sample.clients, batch: sample.batch, samples: [] };
    point.samples.push(sample);
    points.set(key, point);
  }
  return [...points.values()]
    .sort((a, b) => a.batch - b.batch || a.clients - b.clients)
    .map(({ clients, batch, samples: pointSamples }) => {
      const contenders: Partial<Record<ContenderName, Spread>> = {};
      const cpu: Partial<Record<ContenderName, CpuMedians>> = {};
      for (const name of CONTENDERS) {
        const mine = pointSamples.filter((s) => s.contender === name);
        if (mine.length === 0) continue;
        contenders[name] = spread(mine.map((s) => s.eventsPerSecond));
        const server = mine.flatMap((s) => (s.serverCpuUsPerEvent === null ? [] : [s.serverCpuUsPerEvent]));
        cpu[name] = {
          clientUs: median(mine.map((s) => s.clientCpuUsPerEvent)),
          serverUs: server.length > 0 ? median(server) : undefined,
        };
      }
      return {
        clients,
        batch,
        contenders,
        cpu,
        storeOverRaw: ratio(contenders.store, contenders.raw),
        storeOverEmmett: ratio(contenders.store, contenders.emmett),
      };
    });
}

/** The figures issue 3 asks of the store. */
export interface AppendTargets {
  /** Single-event appends at least this share of raw INSERT's rate at the same concurrency. */
  readonly singleEventShareOfRaw: number;
  /** Events/s with appends of `largeBatch` events, at the best concurrency. */
  readonly largeBatchEventsPerSecond: number;
  readonly largeBatch: number;
}

/** Issue 3's targets for appends. */
export const APPEND_TARGETS: AppendTargets = {
  singleEventShareOfRaw: 0.8,
  largeBatchEventsPerSecond: 50_000,
  largeBatch: 100,
};

/** One target, the figure measured for it, and whether it is met (undefined: not measured). */
export interface TargetCheck {
  readonly target: string;
  readonly figure: string;
  readonly met: boolean | undefined;
}

const times = (value: number): string => `${value.toFixed(2)}×`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')} events/s`;

/** Checks the medians against the targets; a target whose contenders did not run is "not measured". */
export function checkTargets(
  summaries: readonly PointSummary[],
  targets: AppendTargets = APPEND_TARGETS,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const singles = summaries.filter((point) => point.batch === 1);
  for (const point of singles) {
    const share = point.storeOverRaw;
    checks.push({
      target: `single-event appends, ${point.clients} client${point.clients === 1 ? '' : 's'}: ≥ ${targets.singleEventShareOfRaw}× raw INSERT`,
      figure: share === undefined ? 'not measured' : `${times(share)} raw`,
      met: share === undefined ? undefined : share >= targets.singleEventShareOfRaw,
    });
  }

  const large = summaries
    .filter((point) => point.batch === targets.largeBatch && point.contenders.store)
    .map((point) => ({ clients: point.clients, rate: point.contenders.store?.median ?? 0 }))
    .sort((a, b) => b.rate - a.rate)[0];
  checks.push({
    target: `${targets.largeBatch}-event appends: ≥ ${perSecond(targets.largeBatchEventsPerSecond)} at the best concurrency`,
    figure: large ? `${perSecond(large.rate)} (${large.clients} clients)` : 'not measured',
    met: large ? large.rate >= targets.largeBatchEventsPerSecond : undefined,
  });

  const versusEmmett = summaries.filter((point) => point.storeOverEmmett !== undefined);
  const ahead = versusEmmett.filter((point) => (point.storeOverEmmett ?? 0) > 1);
  const worst = [...versusEmmett].sort((a, b) => (a.storeOverEmmett ?? 0) - (b.storeOverEmmett ?? 0))[0];
  checks.push({
    target: 'ahead of Emmett at every point of the grid',
    figure: worst
      ? `ahead at ${ahead.length} of ${versusEmmett.length} points; lowest ${times(worst.storeOverEmmett ?? 0)} (${worst.clients} clients × ${worst.batch})`
      : 'not measured',
    met: worst ? ahead.length === versusEmmett.length : undefined,
  });
  return checks;
}
