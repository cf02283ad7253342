import { MikroORM } from '@mikro-orm/postgresql';
import {
  type ContextPersistence,
  type MigrationReport,
  migrateDatabase,
  ormOptions,
  platformPersistence,
  resetDatabase,
  SeedRun,
} from '@bandstand/shared/persistence';
import { type SeedApplication, type SeedContributor, type SeedProvisions } from './seed-contributor';
import { orderContributors } from './seed-order';
import { Rng } from './rng';

/** Thrown when the database holds a seed run already and `force` was not given. */
export class AlreadySeededError extends Error {
  readonly code = 'SEED.ALREADY_SEEDED';

  constructor(previous: SeedRun) {
    const state = previous.finishedAt ? 'finished' : 'never finished';
    super(
      `This database was already seeded (seed "${previous.seed}", scale ${previous.scale}, started ${previous.startedAt.toISOString()}, ${state}). ` +
        'Seeding twice would mix two data sets: run db:seed with --force to reset the database and seed it again.',
    );
    this.name = 'AlreadySeededError';
  }
}

/** What to seed, where, and how. */
export interface SeedRunOptions {
  readonly url: string;
  /** Every context's persistence, in migration order; must include the platform's. */
  readonly contexts: readonly ContextPersistence[];
  readonly contributors: readonly SeedContributor[];
  readonly seed: string;
  readonly scale: number;
  /** Reset the database (drop every context schema, migrate) before seeding. */
  readonly force?: boolean;
  /** The day the data is anchored to; defaults to today (UTC). */
  readonly today?: Date;
  readonly log?: (message: string) => void;
  /**
   * Starts the application that contributors with `usesApplication` write through, once the
   * database is migrated; closed when the run ends. Required when such a contributor takes part.
   */
  readonly application?: () => Promise<SeedApplicationHandle>;
}

/** A started {@link SeedApplication} and how to stop it. */
export interface SeedApplicationHandle {
  readonly app: SeedApplication;
  close(): Promise<void>;
}

/** What one contributor did. */
export interface ContributorResult {
  readonly context: string;
  readonly created: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

/** What a seed run did. */
export interface SeedRunResult {
  readonly runId: number;
  readonly seed: string;
  readonly scale: number;
  readonly today: Date;
  readonly reset: boolean;
  readonly migrations: MigrationReport;
  readonly contributors: readonly ContributorResult[];
}

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function validate(options: SeedRunOptions): void {
  if (!Number.isInteger(options.scale) || options.scale < 1) {
    throw new RangeError(`The seed scale must be a whole number of at least 1, got ${options.scale}`);
  }
  if (options.seed.length === 0) throw new RangeError('The seed must not be empty');
  if (!options.contexts.some((descriptor) => descriptor.schema === platformPersistence.schema)) {
    throw new Error(
      'Seeding records its runs in platform.seed_runs: include platformPersistence in the contexts',
    );
  }
}

async function withOrm<T>(options: SeedRunOptions, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init(
    ormOptions({
      url: options.url,
      entities: options.contexts.flatMap((descriptor) => descriptor.entities),
      poolMax: 2,
    }),
  );
  try {
    return await work(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * Seeds a database with deterministic demo data: migrates it (or resets it with `force`),
 * records the run in platform.seed_runs and runs every contributor in dependency order, each
 * with a generator derived from (seed, context) and in a transaction of its own. The same seed,
 * scale and day always give the same data, and adding a contributor never changes another's.
 */
export async function runSeed(options: SeedRunOptions): Promise<SeedRunResult> {
  validate(options);
  const ordered = orderContributors(options.contributors);
  const log = options.log ?? (() => undefined);
  const today = utcMidnight(options.today ?? new Date());

  const reset = options.force === true;
  const migrations = reset
    ? await resetDatabase({ url: options.url, contexts: options.contexts })
    : await migrateDatabase({ url: options.url, contexts: options.contexts });

  return withOrm(options, async (orm) => {
    if (!reset) {
      const [previous] = await orm.em.fork().find(SeedRun, {}, { orderBy: { id: 'desc' }, limit: 1 });
      if (previous !== undefined) throw new AlreadySeededError(previous);
    }
    const em = orm.em.fork();
    const run = em.create(SeedRun, {
      seed: options.seed,
      scale: options.scale,
      contributors: ordered.map((contributor) => contributor.context),
      startedAt: new Date(),
      finishedAt: null,
    });
    await em.flush();

    const root = Rng.fromSeed(options.seed);
    const results: ContributorResult[] = [];
    const provided: Record<string, SeedProvisions> = {};
    const application = ordered.some((contributor) => contributor.usesApplication === true)
      ? await startApplication(options)
      : null;
    try {
      for (const contributor of ordered) {
        const started = performance.now();
        const contextLog = (message: string): void => log(`[${contributor.context}] ${message}`);
        const context = {
          rng: root.derive(contributor.context),
          scale: options.scale,
          today,
          provided: { ...provided },
          log: contextLog,
        };
        // A contributor writing through the application commits in its own transactions; holding
        // an idle one open here meanwhile would only be ended by the idle-in-transaction timeout.
        const report =
          contributor.usesApplication === true && application !== null
            ? await contributor.run({ ...context, em: orm.em.fork(), app: application.app })
            : await orm.em.fork().transactional((tx) => contributor.run({ ...context, em: tx, app: null }));
        if (report.provides !== undefined) provided[contributor.context] = report.provides;
        const durationMs = Math.round(performance.now() - started);
        results.push({ context: contributor.context, created: report.created, durationMs });
        log(`[${contributor.context}] ${describeCreated(report.created)} in ${durationMs} ms`);
      }
    } finally {
      await application?.close();
    }

    run.finishedAt = new Date();
    await em.flush();
    return {
      runId: run.id,
      seed: options.seed,
      scale: options.scale,
      today,
      reset,
      migrations,
      contributors: results,
    };
  });
}

async function startApplication(options: SeedRunOptions): Promise<SeedApplicationHandle> {
  if (options.application === undefined) {
    throw new Error('A contributor writes through the application, but the seed run was given none to start');
  }
  return options.application();
}

/** "12 releases, 140 tracks", or "nothing" for an empty report. */
export function describeCreated(created: Readonly<Record<string, number>>): string {
  const parts = Object.entries(created).map(([kind, count]) => `${count} ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
