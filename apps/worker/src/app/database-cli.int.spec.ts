import { dropTestDatabase, testDatabaseServerUrl, uniqueDatabaseName } from '@bandstand/shared/testing';
import { Client } from 'pg';
import { persistenceContexts, seedContributors } from './contexts';
import { CLI_EXIT, type CliDependencies, runDatabaseCli } from './database-cli';

interface Captured {
  readonly deps: CliDependencies;
  out(): string;
  err(): string;
}

function cli(databaseUrl: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    deps: {
      config: { DATABASE_URL: databaseUrl },
      contexts: persistenceContexts,
      contributors: seedContributors,
      output: { out: (line) => out.push(line), err: (line) => err.push(line) },
    },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}

function urlOf(database: string): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function seedRuns(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from platform.seed_runs');
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

describe('database CLI against PostgreSQL', () => {
  const database = uniqueDatabaseName('bandstand_test_cli');
  const url = urlOf(database);

  afterAll(async () => {
    await dropTestDatabase(database);
  });

  it('db:migrate creates the database and applies every migration, then has nothing left to do', async () => {
    const first = cli(url);
    expect(await runDatabaseCli(['db:migrate'], first.deps)).toBe(CLI_EXIT.ok);
    expect(first.out()).toContain(`Created database "${database}" on 127.0.0.1:5432.`);
    expect(first.out()).toContain('platform (schema platform): applied Migration20261121_create_seed_runs');
    expect(first.err()).toBe('');

    const second = cli(url);
    expect(await runDatabaseCli(['db:migrate'], second.deps)).toBe(CLI_EXIT.ok);
    expect(second.out()).toContain('platform (schema platform): up to date');
    expect(second.out()).toContain('Nothing to apply: the database is up to date.');
  });

  it('db:seed records a run, refuses a second one and reseeds with --force', async () => {
    const first = cli(url);
    expect(await runDatabaseCli(['db:seed', '--scale', '1'], first.deps)).toBe(CLI_EXIT.ok);
    expect(first.out()).toContain('with seed "bandstand" at scale 1');
    expect(first.out()).toMatch(/Seed run \d+ finished/);
    expect(await seedRuns(url)).toBe(1);

    const again = cli(url);
    expect(await runDatabaseCli(['db:seed'], again.deps)).toBe(CLI_EXIT.failed);
    expect(again.err()).toContain('This database was already seeded (seed "bandstand", scale 1');
    expect(again.err()).toContain('--force');
    expect(again.err()).not.toMatch(/\n\s+at /);

    const forced = cli(url);
    expect(await runDatabaseCli(['db:seed', '--force', '--seed', 'other'], forced.deps)).toBe(CLI_EXIT.ok);
    expect(forced.out()).toContain('(--force: resetting it first)');
    expect(await seedRuns(url)).toBe(1);
  });

  it('db:reset drops the context schemas and migrates again', async () => {
    const run = cli(url);
    expect(await runDatabaseCli(['db:reset'], run.deps)).toBe(CLI_EXIT.ok);
    expect(run.out()).toContain('dropped schemas platform with all their data');
    expect(run.out()).toContain('applied Migration20261121_create_seed_runs');
    expect(await seedRuns(url)).toBe(0);
  });
});

describe('database CLI without PostgreSQL', () => {
  it('says in one paragraph what is missing and how to provide it, and exits 69', async () => {
    const run = cli('postgres://bandstand:very-secret@127.0.0.1:1/bandstand');
    expect(await runDatabaseCli(['db:migrate'], run.deps)).toBe(CLI_EXIT.unavailable);
    expect(run.err()).toBe(
      'db:migrate failed: PostgreSQL at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server.',
    );
    expect(run.out()).toBe('');
  });

  it('rejects a command line it does not understand with the usage, exit 64', async () => {
    const run = cli('postgres://nobody@127.0.0.1:1/none');
    expect(await runDatabaseCli(['db:seed', '--scale', 'many'], run.deps)).toBe(CLI_EXIT.usage);
    expect(run.err()).toContain('--scale must be a whole number');
    expect(run.err()).toContain('Usage: node dist/apps/worker/main.js');
  });
});
