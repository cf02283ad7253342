import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { testDatabaseServerUrl } from '@bandstand/shared/testing';
import pg from 'pg';
import { BenchUsageError, parseBenchOptions, USAGE } from './append-bench.options';
import { planRuns } from './append-bench.plan';
import { type BenchEnvironment, renderEventStoreSection, spliceSection } from './append-bench.report';
import { checkTargets, median, summarize } from './append-bench.stats';
import {
  type BenchOptions,
  isPointSample,
  isPointSpec,
  type PointSample,
  type PointSpec,
} from './append-bench.types';
import { measureAppendPoint } from './append-point.worker';
import {
  checkProjectionTargets,
  type LagFigure,
  measureProjectionLag,
  measureProjectionRebuild,
  type ProjectionScenarioContext,
  type RebuildFigure,
} from './projection.scenarios';

/** The command under which the bench runs one measurement in a process of its own. */
export const POINT_COMMAND = 'event-store:point';

/** Where the bench writes what it has to say: figures to `out`, progress and problems to `err`. */
export interface BenchOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The console of the process. */
export const processOutput: BenchOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(`[bench] ${text}\n`),
};

// Setting a contender up (database, migrations, pools) takes about this long besides the timed part.
const SETUP_ESTIMATE_MS = 1_500;

// A measurement is made again this many times when its process fails (the server is shared: another
// program may end our sessions); a point that keeps failing stops the bench.
const ATTEMPTS = 3;

// Each measurement runs in a fresh Node process: Emmett sets process-wide pg type parsers, and a
// contender must not inherit another's JIT state, heap or pool.
function measureInChild(spec: PointSpec): Promise<PointSample> {
  const entry = process.argv[1];
  if (entry === undefined) return Promise.reject(new Error('Cannot tell which script to run again'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, entry, POINT_COMMAND, JSON.stringify(spec)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let sample: PointSample | undefined;
    child.on('message', (message) => {
      if (isPointSample(message)) sample = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && sample) resolve(sample);
      else {
        const how = signal ? `was killed by ${signal}` : `exited with ${String(code)}`;
        reject(
          new Error(
            `Measuring ${spec.contender} at ${spec.clients} × ${spec.batch} failed: the process ${how}`,
          ),
        );
      }
    });
  });
}

async function measureWithRetries(spec: PointSpec, output: BenchOutput): Promise<PointSample> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await measureInChild(spec);
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      output.err(`${error instanceof Error ? error.message : String(error)}; measuring it again`);
    }
  }
}

async function serverSettings(): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: testDatabaseServerUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; value: string }>(
      `select name, current_setting(name) as value from pg_settings
       where name in ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'commit_delay')
       order by name`,
    );
    return new Map(rows.map((row) => [row.name, row.value]));
  } finally {
    await client.end();
  }
}

async function describeEnvironment(loads: readonly number[]): Promise<BenchEnvironment> {
  const settings = await serverSettings();
  // "15.20 (Debian 15.20-0+deb12u1)": the packager's suffix says nothing the number does not.
  const postgres = (settings.get('server_version') ?? 'unknown').split(' ')[0] ?? 'unknown';
  settings.delete('server_version');
  const postgresSettings = [...settings].map(([name, value]) => `${name}=${value}`).join(', ');
  let emmettVersion = 'unknown';
  try {
    const path = join(process.cwd(), 'node_modules', '@event-driven-io', 'emmett-postgresql', 'package.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
    if (typeof manifest.version === 'string') emmettVersion = manifest.version;
  } catch {
    // The report then says "unknown"; the figures are no less valid.
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    postgres,
    postgresSettings,
    node: process.versions.node,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    emmettVersion,
    loadAverage: loads.length > 0 ? [Math.min(...loads), median(loads), Math.max(...loads)] : [0, 0, 0],
  };
}

const rate = (value: number): string => Math.round(value).toLocaleString('en-US');

/** `npm run bench:event-store`: the whole grid, the report, and the section in docs/benchmarks.md. */
export async function runEventStoreBench(args: readonly string[], output = processOutput): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(args, process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    output.err(error.message);
    output.out(`${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    output.out(`${USAGE}\n`);
    return 0;
  }

  const run = options.fromJsonPath ? readSavedRun(options.fromJsonPath) : await measureGrid(options, output);
  const points = summarize(run.samples);
  const targets = [...checkTargets(points), ...checkProjectionTargets(run.rebuild, run.lag)];
  const section = renderEventStoreSection({
    options: run.options,
    environment: run.environment,
    points,
    targets,
  });
  output.out(`\n${section}`);
  if (options.write) {
    const document = existsSync(options.docPath) ? readFileSync(options.docPath, 'utf8') : '';
    writeFileSync(options.docPath, spliceSection(document, section));
    output.err(`Wrote the event-store section of ${options.docPath}`);
  }
  if (options.jsonPath) {
    mkdirSync(dirname(options.jsonPath), { recursive: true });
    writeFileSync(options.jsonPath, `${JSON.stringify({ ...run, points, targets }, null, 2)}\n`);
    output.err(`Wrote every sample to ${options.jsonPath}`);
  }
  return 0;
}

/** What a bench run measured: enough to render its section again (`--json`, then `--from-json`). */
interface SavedRun {
  readonly options: Pick<BenchOptions, 'runs' | 'warmupMs' | 'durationMs' | 'quick'>;
  readonly environment: BenchEnvironment;
  readonly samples: readonly PointSample[];
  readonly rebuild: RebuildFigure | undefined;
  readonly lag: LagFigure | undefined;
}

async function measureGrid(options: BenchOptions, output: BenchOutput): Promise<SavedRun> {
  const plan = planRuns(options);
  const minutes = (plan.length * (options.warmupMs + options.durationMs + SETUP_ESTIMATE_MS)) / 60_000;
  output.err(
    `${plan.length} measurements (${options.runs} run${options.runs === 1 ? '' : 's'} × ${options.batches.length * options.clients.length} points × ${options.contenders.length} contenders), about ${Math.ceil(minutes)} min`,
  );
  const samples: PointSample[] = [];
  const loads: number[] = [];
  for (const [index, spec] of plan.entries()) {
    loads.push(loadavg()[0] ?? 0);
    const sample = await measureWithRetries(spec, output);
    samples.push(sample);
    const serverCpu = sample.serverCpuUsPerEvent === null ? '?' : sample.serverCpuUsPerEvent.toFixed(0);
    output.err(
      `${String(index + 1).padStart(String(plan.length).length)}/${plan.length} run ${spec.run} · ${spec.clients} clients × ${spec.batch} events · ${spec.contender.padEnd(6)} ${rate(sample.eventsPerSecond).padStart(9)} events/s (append p50 ${sample.latencyP50Ms.toFixed(1)} ms, p99 ${sample.latencyP99Ms.toFixed(1)} ms; CPU/event node ${sample.clientCpuUsPerEvent.toFixed(0)} µs, pg ${serverCpu} µs)`,
    );
  }
  const context: ProjectionScenarioContext = { options, serverUrl: testDatabaseServerUrl() };
  const rebuild = await measureProjectionRebuild(context);
  const lag = await measureProjectionLag(context);
  const { runs, warmupMs, durationMs, quick } = options;
  const environment = await describeEnvironment(loads);
  return { options: { runs, warmupMs, durationMs, quick }, environment, samples, rebuild, lag };
}

function readSavedRun(path: string): SavedRun {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<SavedRun>;
  const samples: unknown = saved.samples;
  if (!saved.options || !saved.environment || !Array.isArray(samples) || !samples.every(isPointSample)) {
    throw new BenchUsageError(`${path} is not what --json writes`);
  }
  return {
    options: saved.options,
    environment: saved.environment,
    samples,
    rebuild: saved.rebuild,
    lag: saved.lag,
  };
}

/** The child side of {@link measureInChild}: one measurement, sent back to the parent. */
export async function runAppendPointCommand(argument: string | undefined): Promise<number> {
  const spec: unknown = JSON.parse(argument ?? 'null');
  if (!isPointSpec(spec)) throw new Error(`Not a measurement: ${String(argument)}`);
  const sample = await measureAppendPoint(spec);
  const send = process.send?.bind(process);
  if (!send) {
    processOutput.out(`${JSON.stringify(sample)}\n`);
    return 0;
  }
  await new Promise<void>((resolve, reject) => {
    send(sample, (error: Error | null) => (error ? reject(error) : resolve()));
  });
  return 0;
}
