import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchOptions, type ContenderName, CONTENDERS } from './append-bench.types';

/** The usage text of `npm run bench:event-store -- --help`. */
export const USAGE = `npm run bench:event-store -- [options]

Appends events at every point of clients × events-per-append, for each contender, in fresh
databases, repeats the grid, and writes the medians into docs/benchmarks.md.

  --quick                 smoke test: 1 run, 200 ms warm-up, 1 s per point, nothing written
  --runs N                repetitions of the whole grid (default 3)            BENCH_RUNS
  --warmup-ms N           warm-up per point, not counted (default 500)        BENCH_WARMUP_MS
  --duration-ms N         measured time per point (default 3000)              BENCH_DURATION_MS
  --clients 1,8,32        concurrent clients (pool size = clients)            BENCH_CLIENTS
  --batches 1,10,100      events per append                                   BENCH_BATCHES
  --contenders raw,emmett,store                                               BENCH_CONTENDERS
  --write / --no-write    replace the section in the document (default: on, off with --quick)
  --doc PATH              the document (default docs/benchmarks.md)
  --json PATH             also write every sample and the summary as JSON
  --from-json PATH        measure nothing: render (and write) the section from such a JSON
The server is DATABASE_URL's (default postgres://postgres@127.0.0.1:5432/postgres).`;

/** A command line or environment value that makes no sense. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new BenchUsageError(`${name} must be a whole number ≥ 1, not "${text}"`);
  }
  return value;
}

function integerList(name: string, text: string): number[] {
  const values = text.split(',').map((part) => positiveInteger(name, part.trim()));
  return [...new Set(values)].sort((a, b) => a - b);
}

function contenderList(text: string): ContenderName[] {
  const names = text.split(',').map((part) => part.trim());
  for (const name of names) {
    if (!(CONTENDERS as readonly string[]).includes(name)) {
      throw new BenchUsageError(`Unknown contender "${name}"; choose among ${CONTENDERS.join(', ')}`);
    }
  }
  return CONTENDERS.filter((name) => names.includes(name));
}

const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  quick: { type: 'boolean' },
  runs: { type: 'string' },
  'warmup-ms': { type: 'string' },
  'duration-ms': { type: 'string' },
  clients: { type: 'string' },
  batches: { type: 'string' },
  contenders: { type: 'string' },
  write: { type: 'boolean' },
  doc: { type: 'string' },
  json: { type: 'string' },
  'from-json': { type: 'string' },
} as const;

// parseArgs throws TypeErrors; an unknown flag is a usage problem like any other.
function readFlags(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowNegative: true, strict: true, options: FLAGS }).values;
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads the options from the command line, then the BENCH_* environment, then the defaults.
 * `--quick` changes the defaults only, so `--quick --runs 2` runs twice.
 */
export function parseBenchOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): BenchOptions | 'help' {
  const values = readFlags(args);
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const pick = (flag: string | undefined, variable: string, fallback: string): string =>
    flag ?? env[variable] ?? fallback;
  return {
    quick,
    runs: positiveInteger('--runs', pick(values.runs, 'BENCH_RUNS', quick ? '1' : '3')),
    warmupMs: positiveInteger(
      '--warmup-ms',
      pick(values['warmup-ms'], 'BENCH_WARMUP_MS', quick ? '200' : '500'),
    ),
    durationMs: positiveInteger(
      '--duration-ms',
      pick(values['duration-ms'], 'BENCH_DURATION_MS', quick ? '1000' : '3000'),
    ),
    clients: integerList('--clients', pick(values.clients, 'BENCH_CLIENTS', '1,8,32')),
    batches: integerList('--batches', pick(values.batches, 'BENCH_BATCHES', '1,10,100')),
    contenders: contenderList(pick(values.contenders, 'BENCH_CONTENDERS', CONTENDERS.join(','))),
    write: values.write ?? !quick,
    docPath: resolve(cwd, values.doc ?? 'docs/benchmarks.md'),
    jsonPath: values.json === undefined ? undefined : resolve(cwd, values.json),
    fromJsonPath: values['from-json'] === undefined ? undefined : resolve(cwd, values['from-json']),
  };
}
