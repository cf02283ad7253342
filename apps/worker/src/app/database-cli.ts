import { parseArgs } from 'node:util';
import { type WorkerConfig } from '@bandstand/shared/config';
import {
  type ContextMigrationResult,
  type ContextPersistence,
  databaseLocation,
  MigrationFailedError,
  migrateDatabase,
  PostgresUnavailableError,
  resetDatabase,
  serverAddress,
} from '@bandstand/shared/persistence';
import {
  AlreadySeededError,
  describeCreated,
  runSeed,
  type SeedContributor,
  SeedOrderError,
} from '@bandstand/shared/seed';

/** Exit statuses of the CLI (sysexits.h where one fits). */
export const CLI_EXIT = { ok: 0, failed: 1, usage: 64, unavailable: 69 } as const;

/** The seed `db:seed` uses unless `--seed` says otherwise: the demo everyone sees is the same. */
export const DEFAULT_SEED = 'bandstand';

/** Where the CLI writes: lines for a human at a terminal. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** What the CLI works on: the process config and the composition root's lists. */
export interface CliDependencies {
  readonly config: Pick<WorkerConfig, 'DATABASE_URL'>;
  readonly contexts: readonly ContextPersistence[];
  readonly contributors: readonly SeedContributor[];
  readonly output: CliOutput;
  /** The day seeded data is anchored to; today (UTC) when absent. */
  readonly today?: Date;
}

/** A parsed command line. */
export type CliCommand =
  | { readonly command: 'db:migrate' }
  | { readonly command: 'db:reset' }
  | { readonly command: 'db:seed'; readonly seed: string; readonly scale: number; readonly force: boolean }
  | { readonly command: 'help' };

/** A command line the CLI does not understand; the message says what is wrong. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The usage text, printed by `help` and after a usage error. */
export const USAGE = [
  'Usage: node dist/apps/worker/main.js [command]',
  '',
  '  (no command)     run the worker: queue processors, /health/live, /health/ready and /metrics',
  '  db:migrate       create the database if needed and apply every pending migration',
  '  db:reset         drop every context schema with its data, then migrate again',
  `  db:seed [--scale N] [--seed S] [--force]`,
  `                   migrate, then fill the database with demo data (scale 1, seed "${DEFAULT_SEED}" by default);`,
  '                   refuses a database seeded before unless --force, which resets it first',
  '',
  'The database is DATABASE_URL (see README.md, "Configuration").',
].join('\n');

function noOptions(command: string, values: Record<string, unknown>, positionals: readonly string[]): void {
  const extra = [...Object.keys(values).map((name) => `--${name}`), ...positionals.slice(1)];
  if (extra.length > 0)
    throw new UsageError(`${command} takes no options or arguments, got ${extra.join(' ')}`);
}

function readArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the command line (without `node` and the script). */
export function parseCommand(args: readonly string[]): CliCommand {
  const { values, positionals } = readArgs(args);
  const [command] = positionals;
  if (values.help === true || command === 'help') return { command: 'help' };
  switch (command) {
    case 'db:migrate':
    case 'db:reset':
      noOptions(command, values, positionals);
      return { command };
    case 'db:seed': {
      if (positionals.length > 1)
        throw new UsageError(`db:seed takes options only, got ${positionals.slice(1).join(' ')}`);
      const scaleText = values.scale ?? '1';
      const scale = /^[1-9][0-9]{0,5}$/.test(scaleText) ? Number(scaleText) : Number.NaN;
      if (!Number.isInteger(scale))
        throw new UsageError(`--scale must be a whole number from 1 to 999999, got "${scaleText}"`);
      const seed = values.seed ?? DEFAULT_SEED;
      if (seed.trim().length === 0) throw new UsageError('--seed must not be empty');
      return { command, seed, scale, force: values.force === true };
    }
    default:
      throw new UsageError(command === undefined ? 'No command given' : `Unknown command "${command}"`);
  }
}

function printMigrations(contexts: readonly ContextMigrationResult[], output: CliOutput): number {
  let total = 0;
  for (const result of contexts) {
    total += result.applied.length;
    if (result.applied.length === 0) output.out(`  ${result.context} (schema ${result.schema}): up to date`);
    for (const name of result.applied)
      output.out(`  ${result.context} (schema ${result.schema}): applied ${name}`);
  }
  return total;
}

async function execute(command: CliCommand, deps: CliDependencies): Promise<void> {
  const { output } = deps;
  if (command.command === 'help') {
    output.out(USAGE);
    return;
  }
  const url = deps.config.DATABASE_URL;
  const location = databaseLocation(url);
  const target = `database "${location.database}" on ${serverAddress(location)}`;
  switch (command.command) {
    case 'db:migrate': {
      const report = await migrateDatabase({ url, contexts: deps.contexts });
      if (report.databaseCreated) output.out(`Created ${target}.`);
      output.out(`Migrating ${target}:`);
      const total = printMigrations(report.contexts, output);
      output.out(
        total === 0 ? 'Nothing to apply: the database is up to date.' : `Applied ${total} migration(s).`,
      );
      return;
    }
    case 'db:reset': {
      const report = await resetDatabase({ url, contexts: deps.contexts });
      if (report.databaseCreated) output.out(`Created ${target}.`);
      output.out(`Reset ${target}: dropped schemas ${report.droppedSchemas.join(', ')} with all their data.`);
      const total = printMigrations(report.contexts, output);
      output.out(`Applied ${total} migration(s).`);
      return;
    }
    case 'db:seed': {
      output.out(
        `Seeding ${target} with seed "${command.seed}" at scale ${command.scale}${command.force ? ' (--force: resetting it first)' : ''}.`,
      );
      const result = await runSeed({
        url,
        contexts: deps.contexts,
        contributors: deps.contributors,
        seed: command.seed,
        scale: command.scale,
        force: command.force,
        ...(deps.today ? { today: deps.today } : {}),
        log: (line) => output.out(`  ${line}`),
      });
      const applied = result.migrations.contexts.reduce((sum, context) => sum + context.applied.length, 0);
      if (result.migrations.databaseCreated) output.out(`  created the database`);
      if (applied > 0) output.out(`  applied ${applied} migration(s) first`);
      if (result.contributors.length === 0) output.out('  no context contributes demo data yet');
      const created = result.contributors.map((c) => `${c.context}: ${describeCreated(c.created)}`);
      output.out(`Seed run ${result.runId} finished${created.length > 0 ? `: ${created.join('; ')}` : ''}.`);
      return;
    }
  }
}

/**
 * Runs one database command and returns the exit status. Expected failures (PostgreSQL missing,
 * a failing migration, a database seeded already, a wrong command line) print one paragraph that
 * says what to do, without a stack trace.
 */
export async function runDatabaseCli(args: readonly string[], deps: CliDependencies): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    deps.output.err(`${error.message}.\n\n${USAGE}`);
    return CLI_EXIT.usage;
  }
  try {
    await execute(command, deps);
    return CLI_EXIT.ok;
  } catch (error) {
    if (error instanceof PostgresUnavailableError) {
      deps.output.err(`${command.command} failed: ${error.message}.`);
      return CLI_EXIT.unavailable;
    }
    if (
      error instanceof MigrationFailedError ||
      error instanceof AlreadySeededError ||
      error instanceof SeedOrderError
    ) {
      deps.output.err(`${command.command} failed: ${error.message}`);
      return CLI_EXIT.failed;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    deps.output.err(`${command.command} failed unexpectedly:\n${detail}`);
    return CLI_EXIT.failed;
  }
}
