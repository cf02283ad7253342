import { spliceMarkedSection } from '../report-section';
import { type CpuMedians, type PointSummary, type Spread, type TargetCheck } from './append-bench.stats';
import { type BenchOptions } from './append-bench.types';

/** The markers between which the event-store section of docs/benchmarks.md lives. */
export const SECTION_START = '<!-- bench:event-store:start -->';
export const SECTION_END = '<!-- bench:event-store:end -->';

/** Where and with what the figures were measured. */
export interface BenchEnvironment {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly postgres: string;
  /** The server settings that decide commit cost, e.g. `synchronous_commit=on`. */
  readonly postgresSettings: string;
  readonly node: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly emmettVersion: string;
  /** The 1-minute load average sampled before each measurement: min, median, max. */
  readonly loadAverage: readonly [number, number, number];
}

/** What the section is rendered from. */
export interface EventStoreReport {
  readonly options: Pick<BenchOptions, 'runs' | 'warmupMs' | 'durationMs' | 'quick'>;
  readonly environment: BenchEnvironment;
  readonly points: readonly PointSummary[];
  readonly targets: readonly TargetCheck[];
}

const number = (value: number): string => Math.round(value).toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toLocaleString('en-US')} s`;

function cell(figures: Spread | undefined): string {
  if (!figures) return '—';
  if (figures.runs === 1) return number(figures.median);
  return `${number(figures.median)} (${number(figures.min)}–${number(figures.max)})`;
}

function cpuCell(cpu: CpuMedians | undefined): string {
  if (!cpu) return '—';
  return `${cpu.clientUs.toFixed(0)} / ${cpu.serverUs === undefined ? '?' : cpu.serverUs.toFixed(0)}`;
}

const ratioCell = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(2)}×`);

function verdict(met: boolean | undefined): string {
  if (met === undefined) return '—';
  return met ? 'yes' : '**no**';
}

/** The event-store section of docs/benchmarks.md, markers included. */
export function renderEventStoreSection(report: EventStoreReport): string {
  const { options, environment: env } = report;
  const lines = [
    SECTION_START,
    `## Event store: appends (${env.date})`,
    '',
    ...(options.quick
      ? [
          '> Quick mode (a smoke test of the benchmark, not figures to compare): run it without `--quick`.',
          '',
        ]
      : []),
    `How measured: \`npm run bench:event-store\` on this machine (${env.cpus} cores, ${env.memoryGiB} GiB), Node ${env.node},`,
    `PostgreSQL ${env.postgres} (${env.postgresSettings}).`,
    `The grid below ran ${options.runs === 1 ? 'once' : `${options.runs} times`}; each point: ${seconds(options.warmupMs)} of warm-up, then ${seconds(options.durationMs)} measured.`,
    'Each measurement runs in a process of its own on a fresh database, dropped after; every contender',
    'gets a pool of as many connections as clients; each client appends to its own stream (first',
    'append "no stream", then the exact version), in autocommit. The contenders take turns at each',
    'point, the first one rotating. Figures: median events/s over the runs, min–max in brackets.',
    `The 1-minute load average before each measurement was ${env.loadAverage.map((value) => value.toFixed(1)).join(' / ')} (min / median / max);`,
    'above about 1, other work was sharing the machine and events/s are lower than on a quiet one.',
    '',
    '- **raw INSERT** (the floor): one `INSERT` per append into kernel.events itself (same columns,',
    '  indexes and sequence), `VALUES` for one event, `unnest` of arrays for more; no stream table,',
    '  no version check, no hash computed.',
    `- **Emmett**: \`@event-driven-io/emmett-postgresql\` ${env.emmettVersion}, \`getPostgreSQLEventStore(url)`,
    '  .appendToStream(stream, events, { expectedStreamVersion })`, its schema created before timing.',
    '- **this store**: `EventStore.append` of `@bandstand/shared/event-store` on a `KernelDatabase` over',
    '  MikroORM, with its HMACs and commit notifications.',
    '',
    `| clients | events/append | raw INSERT | Emmett ${env.emmettVersion} | this store | store/raw | store/Emmett |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.points.map(
      (point) =>
        `| ${point.clients} | ${point.batch} | ${cell(point.contenders.raw)} | ${cell(point.contenders.emmett)} | ` +
        `${cell(point.contenders.store)} | ${ratioCell(point.storeOverRaw)} | ${ratioCell(point.storeOverEmmett)} |`,
    ),
    '',
    'CPU time per event in the measured window, µs, median over the runs: the client process (Node) /',
    "the database's PostgreSQL backends. Unlike events/s it hardly moves with other load on the machine.",
    '',
    '| clients | events/append | raw INSERT | Emmett | this store |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...report.points.map(
      (point) =>
        `| ${point.clients} | ${point.batch} | ${cpuCell(point.cpu.raw)} | ${cpuCell(point.cpu.emmett)} | ${cpuCell(point.cpu.store)} |`,
    ),
    '',
    '| target (issue 3) | measured | met |',
    '| --- | --- | --- |',
    ...report.targets.map((check) => `| ${check.target} | ${check.figure} | ${verdict(check.met)} |`),
    SECTION_END,
  ];
  return `${lines.join('\n')}\n`;
}

/** Replaces the section between the markers, or appends it when the document has none. */
export function spliceSection(document: string, section: string): string {
  return spliceMarkedSection(document, section, SECTION_START, SECTION_END);
}
