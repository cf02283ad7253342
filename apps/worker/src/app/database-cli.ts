import { parseArgs } from 'node:util';
import { type WorkerConfig } from '@bandstand/shared/config';
import {
  EventStoreMissingError,
  eventStoreKey,
  formatIntegrityReport,
  type SealAnchor,
  verifyEventStore,
} from '@bandstand/shared/event-store';
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
  type SeedApplicationHandle,
  type SeedContributor,
  SeedOrderError,
} from '@bandstand/shared/seed';

/**
 * Exit statuses of the CLI (sysexits.h where one fits): `tampered` (EX_DATAERR) is kernel:verify
 * finding a changed, reordered or removed event, so that scripts tell it from a failure to check.
 */
export const CLI_EXIT = { ok: 0, failed: 1, usage: 64, tampered: 65, unavailable: 69 } as const;

/** The seed `db:seed` uses unless `--seed` says otherwise: the demo everyone sees is the same. */
export const DEFAULT_SEED = 'bandstand';

/** Where the CLI writes: lines for a human at a terminal. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** What the CLI works on: the process config and the composition root's lists. */
export interface CliDependencies {
  readonly config: Pick<WorkerConfig, 'DATABASE_URL' | 'EVENT_STORE_KEY' | 'NODE_ENV'>;
  readonly contexts: readonly ContextPersistence[];
  readonly contributors: readonly SeedContributor[];
  readonly output: CliOutput;
  /** The day seeded data is anchored to; today (UTC) when absent. */
  readonly today?: Date;
  /** Starts the application that event-sourced contexts seed through (the worker's contexts, no background work). */
  readonly application?: () => Promise<SeedApplicationHandle>;
}

/** A parsed command line. */
export type CliCommand =
  | { readonly command: 'db:migrate' }
  | { readonly command: 'db:reset' }
  | { readonly command: 'db:seed'; readonly seed: string; readonly scale: number; readonly force: boolean }
  | { readonly command: 'kernel:verify'; readonly json: boolean; readonly anchor?: SealAnchor }
  | { readonly command: 'help' };

/** A command line the CLI does not understand; the message says what is wrong. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The event store key cannot be used (the development default in production). */
class ConfigurationError extends Error {}

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
  '  kernel:verify [--json] [--anchor N:CHAIN]',
  '                   prove that no stored event was changed, reordered or removed, or name the first one',
  '                   that was (exit 0 intact, 65 tampered); --anchor checks that seal N still has the chain',
  '                   recorded earlier (a truncated log); --json prints the report as JSON',
  '',
  'The database is DATABASE_URL (see README.md, "Configuration"); events are verified with EVENT_STORE_KEY.',
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
        json: { type: 'boolean' },
        anchor: { type: 'string' },
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
      if (values.json !== undefined || values.anchor !== undefined)
        throw new UsageError('--json and --anchor belong to kernel:verify, not db:seed');
      const scaleText = values.scale ?? '1';
      const scale = /^[1-9][0-9]{0,5}$/.test(scaleText) ? Number(scaleText) : Number.NaN;
      if (!Number.isInteger(scale))
        throw new UsageError(`--scale must be a whole number from 1 to 999999, got "${scaleText}"`);
      const seed = values.seed ?? DEFAULT_SEED;
      if (seed.trim().length === 0) throw new UsageError('--seed must not be empty');
      return { command, seed, scale, force: values.force === true };
    }
    case 'kernel:verify': {
      if (positionals.length > 1)
        throw new UsageError(`kernel:verify takes options only, got ${positionals.slice(1).join(' ')}`);
      const others = ['scale', 'seed', 'force'].filter((name) => name in values).map((name) => `--${name}`);
      if (others.length > 0) throw new UsageError(`kernel:verify does not take ${others.join(' ')}`);
      const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
      return { command, json: values.json === true, ...(anchor ? { anchor } : {}) };
    }
    default:
      throw new UsageError(command === undefined ? 'No command given' : `Unknown command "${command}"`);
  }
}

function parseAnchor(text: string): SealAnchor {
  const match = /^([1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/.exec(text);
  if (!match?.[1] || !match[2])
    throw new UsageError(
      `--anchor must be <seal number>:<chain of 64 hex digits> as kernel:verify printed it, got "${text}"`,
    );
  return { sealNumber: Number(match[1]), chain: match[2].toLowerCase() };
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

async function execute(command: CliCommand, deps: CliDependencies): Promise<number> {
  const { output } = deps;
  if (command.command === 'help') {
    output.out(USAGE);
    return CLI_EXIT.ok;
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
      return CLI_EXIT.ok;
    }
    case 'db:reset': {
      const report = await resetDatabase({ url, contexts: deps.contexts });
      if (report.databaseCreated) output.out(`Created ${target}.`);
      output.out(`Reset ${target}: dropped schemas ${report.droppedSchemas.join(', ')} with all their data.`);
      const total = printMigrations(report.contexts, output);
      output.out(`Applied ${total} migration(s).`);
      return CLI_EXIT.ok;
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
        ...(deps.application ? { application: deps.application } : {}),
        log: (line) => output.out(`  ${line}`),
      });
      const applied = result.migrations.contexts.reduce((sum, context) => sum + context.applied.length, 0);
      if (result.migrations.databaseCreated) output.out(`  created the database`);
      if (applied > 0) output.out(`  applied ${applied} migration(s) first`);
      if (result.contributors.length === 0) output.out('  no context contributes demo data yet');
      const created = result.contributors.map((c) => `${c.context}: ${describeCreated(c.created)}`);
      output.out(`Seed run ${result.runId} finished${created.length > 0 ? `: ${created.join('; ')}` : ''}.`);
      return CLI_EXIT.ok;
    }
    case 'kernel:verify': {
      let key: string;
      try {
        key = eventStoreKey(deps.config);
      } catch (error) {
        throw new ConfigurationError(error instanceof Error ? error.message : String(error));
      }
      if (!command.json) output.out(`Verifying the event store of ${target}…`);
      const report = await verifyEventStore({
        url,
        key,
        ...(command.anchor ? { anchor: command.anchor } : {}),
      });
      output.out(command.json ? JSON.stringify(report, null, 2) : formatIntegrityReport(report));
      return report.intact ? CLI_EXIT.ok : CLI_EXIT.tampered;
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
    return await execute(command, deps);
  } catch (error) {
    if (error instanceof PostgresUnavailableError) {
      deps.output.err(`${command.command} failed: ${error.message}.`);
      return CLI_EXIT.unavailable;
    }
    if (
      error instanceof MigrationFailedError ||
      error instanceof AlreadySeededError ||
      error instanceof SeedOrderError ||
      error instanceof EventStoreMissingError ||
      error instanceof ConfigurationError
    ) {
      deps.output.err(`${command.command} failed: ${error.message}`);
      return CLI_EXIT.failed;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    deps.output.err(`${command.command} failed unexpectedly:\n${detail}`);
    return CLI_EXIT.failed;
  }
}
