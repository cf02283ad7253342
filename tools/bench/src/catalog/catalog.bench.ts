import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { testDatabaseServerUrl } from '@bandstand/shared/testing';
import pg from 'pg';
import { type BenchOutput, processOutput } from '../event-store/event-store.bench';
import {
  type CatalogBenchEnvironment,
  type Outcome,
  renderCatalogSection,
  spliceCatalogSection,
} from './catalog-bench.report';
import { measureBatchEdit, measureErnImport, type PlanFigure } from './plans.scenarios';
import { measureSearch, type SearchFigure } from './search.scenario';

/** The usage text of `npm run bench:catalog -- --help`. */
export const CATALOG_USAGE = `npm run bench:catalog -- [options]

Measures the catalog on fresh databases: search over 100,000 tracks (500 queries), an ERN import
of 1,000 releases and a batch edit of 10,000 tracks, each against a plain-SQL baseline, and writes
the figures into docs/benchmarks.md (section "Catalog").

  --quick                 smoke test: 10,000 tracks and 100 queries, 100 releases, 1,000 tracks;
                          nothing written
  --only search,ern,batch the scenarios to run (default: all)
  --write / --no-write    replace the section in the document (default: on, off with --quick)
  --doc PATH              the document (default docs/benchmarks.md)
The server is DATABASE_URL's (default postgres://postgres@127.0.0.1:5432/postgres).`;

/** The scenarios of the catalog benchmark. */
export const CATALOG_SCENARIOS = ['search', 'ern', 'batch'] as const;
type Scenario = (typeof CATALOG_SCENARIOS)[number];

/** What `npm run bench:catalog` was asked to do. */
export interface CatalogBenchOptions {
  readonly quick: boolean;
  readonly only: readonly Scenario[];
  readonly write: boolean;
  readonly docPath: string;
}

/** Reads the command line; 'help' for --help; throws a RangeError on nonsense. */
export function parseCatalogBenchOptions(args: readonly string[], cwd: string): CatalogBenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      doc: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const only = (values.only ?? CATALOG_SCENARIOS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = only.filter((name) => !(CATALOG_SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0 || only.length === 0) {
    throw new RangeError(`--only takes ${CATALOG_SCENARIOS.join(', ')}, not "${values.only ?? ''}"`);
  }
  const write = values['no-write'] === true ? false : (values.write ?? !values.quick);
  return {
    quick: values.quick,
    only: only as Scenario[],
    write,
    docPath: resolve(cwd, values.doc ?? 'docs/benchmarks.md'),
  };
}

async function describeEnvironment(loads: readonly number[]): Promise<CatalogBenchEnvironment> {
  const client = new pg.Client({ connectionString: testDatabaseServerUrl() });
  client.on('error', () => undefined);
  await client.connect();
  let settings: Map<string, string>;
  try {
    const { rows } = await client.query<{ name: string; value: string }>(
      `select name, current_setting(name) as value from pg_settings
        where name in ('server_version', 'shared_buffers', 'work_mem', 'synchronous_commit', 'jit')
        order by name`,
    );
    settings = new Map(rows.map((row) => [row.name, row.value]));
  } finally {
    await client.end();
  }
  const postgres = (settings.get('server_version') ?? 'unknown').split(' ')[0] ?? 'unknown';
  settings.delete('server_version');
  return {
    date: new Date().toISOString().slice(0, 10),
    postgres,
    postgresSettings: [...settings].map(([name, value]) => `${name}=${value}`).join(', '),
    node: process.versions.node,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: [Math.min(...loads), Math.max(...loads)],
  };
}

async function attempt<T>(
  wanted: boolean,
  name: string,
  output: BenchOutput,
  loads: number[],
  measure: () => Promise<T>,
): Promise<Outcome<T>> {
  if (!wanted) return { ok: null };
  loads.push(loadavg()[0] ?? 0);
  try {
    return { ok: true, figure: await measure() };
  } catch (error) {
    // A scenario whose area is unfinished must not cost the others their figures.
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    output.err(`${name} failed: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
    return { ok: false, reason };
  }
}

/** `npm run bench:catalog`: the three scenarios, the report, and the section in docs/benchmarks.md. */
export async function runCatalogBench(args: readonly string[], output = processOutput): Promise<number> {
  let options: CatalogBenchOptions | 'help';
  try {
    options = parseCatalogBenchOptions(args, process.cwd());
  } catch (error) {
    output.err(error instanceof Error ? error.message : String(error));
    output.out(`${CATALOG_USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    output.out(`${CATALOG_USAGE}\n`);
    return 0;
  }
  const { quick, only } = options;
  const log = (line: string): void => output.err(line);
  const loads: number[] = [];
  const search = await attempt<SearchFigure>(only.includes('search'), 'search', output, loads, () =>
    measureSearch({ tracks: quick ? 10_000 : 100_000, queries: quick ? 100 : 500 }, log),
  );
  const ern = await attempt<PlanFigure>(only.includes('ern'), 'ern', output, loads, () =>
    measureErnImport(quick ? 100 : 1_000, log),
  );
  const batch = await attempt<PlanFigure>(only.includes('batch'), 'batch', output, loads, () =>
    measureBatchEdit(quick ? 1_000 : 10_000, log),
  );
  const environment = await describeEnvironment(loads);
  const section = renderCatalogSection({ quick, environment, search, ern, batch });
  output.out(`\n${section}`);
  if (options.write) {
    const document = existsSync(options.docPath) ? readFileSync(options.docPath, 'utf8') : '';
    writeFileSync(options.docPath, spliceCatalogSection(document, section));
    output.err(`Wrote the catalog section of ${options.docPath}`);
  }
  return [search, ern, batch].some((outcome) => outcome.ok === false) ? 1 : 0;
}
