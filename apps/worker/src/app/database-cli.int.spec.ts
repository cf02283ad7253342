import { type IntegrityReport } from '@bandstand/shared/contracts';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import {
  createTestDatabase,
  dropTestDatabase,
  testDatabaseServerUrl,
  testRedisUrl,
  uniqueDatabaseName,
} from '@bandstand/shared/testing';
import { Client } from 'pg';
import { catalogDemoSeed } from '@bandstand/catalog/server';
import { identityDemoSeed } from '@bandstand/identity/server';
import { workerConfigSchema } from '@bandstand/shared/config';
import { persistenceContexts } from './contexts';
import { CLI_EXIT, type CliDependencies, runDatabaseCli } from './database-cli';
import { startSeedApplication } from './seed-application';

// The real contributors, the catalog with a small roster so that the CLI's own tests stay quick.
const contributors = [
  identityDemoSeed,
  catalogDemoSeed({ label: { artists: 6, releases: 30 }, artist: { artists: 1, releases: 3 } }),
];

interface Captured {
  readonly deps: CliDependencies;
  out(): string;
  err(): string;
}

function cli(databaseUrl: string, eventStoreKey = TEST_EVENT_STORE_KEY): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    deps: {
      config: { DATABASE_URL: databaseUrl, EVENT_STORE_KEY: eventStoreKey, NODE_ENV: 'test' },
      contexts: persistenceContexts,
      contributors,
      application: () =>
        startSeedApplication(
          workerConfigSchema.parse({
            NODE_ENV: 'test',
            DATABASE_URL: databaseUrl,
            EVENT_STORE_KEY: eventStoreKey,
            REDIS_URL: testRedisUrl(),
            STAFF_BOOTSTRAP_ADMIN_EMAIL: 'admin@bandstand.localhost',
          }),
        ),
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

async function countOf(url: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(sql);
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

function seedRuns(url: string): Promise<number> {
  return countOf(url, 'select count(*)::int as n from platform.seed_runs');
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
    expect(first.out()).toMatch(
      /identity: 3 accounts, 2 organisations; catalog: 7 artists, 33 releases, \d+ tracks/,
    );
    expect(await seedRuns(url)).toBe(1);
    expect(
      await countOf(url, 'select count(*)::int as n from catalog.releases where version > 0'),
    ).toBeGreaterThan(20);
    expect(
      await countOf(
        url,
        "select count(*)::int as n from kernel.events where stream_id like 'catalog-release-%'",
      ),
    ).toBeGreaterThan(60);

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
    expect(run.out()).toContain('dropped schemas catalog, identity, kernel, platform with all their data');
    expect(run.out()).toContain('applied Migration20261121_create_seed_runs');
    expect(await seedRuns(url)).toBe(0);
  });
});

describe('kernel:verify against PostgreSQL', () => {
  let kernel: KernelTestHarness;
  let position = '';

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    const result = await kernel.store.append(
      'payout-1',
      [
        { type: 'PayoutRequested', data: { amount: 1200 } },
        { type: 'PayoutApproved', data: { by: 'staff:1' } },
      ],
      {
        expectedVersion: 'no_stream',
        metadata: { correlationId: 'c-cli', causationId: null, actor: 'user:1', tenantId: 't-1' },
      },
    );
    position = result.events[0]?.globalPosition.toString() ?? '';
  });

  afterAll(() => kernel.close());

  it('exits 0 and says so when the event store is intact, as text or as JSON', async () => {
    const text = cli(kernel.database.url);
    expect(await runDatabaseCli(['kernel:verify'], text.deps)).toBe(CLI_EXIT.ok);
    expect(text.out()).toContain('Event store intact: checked 2 events in 1 stream, 0 seals');
    expect(text.err()).toBe('');

    const json = cli(kernel.database.url);
    expect(await runDatabaseCli(['kernel:verify', '--json'], json.deps)).toBe(CLI_EXIT.ok);
    expect(JSON.parse(json.out()) as IntegrityReport).toMatchObject({ intact: true, checkedEvents: 2 });
  });

  it('exits 65 and names the first changed event when one was tampered with', async () => {
    await kernel.db.query(`update kernel.events set data = '{"amount": 120000}' where global_position = $1`, [
      position,
    ]);
    const text = cli(kernel.database.url);
    expect(await runDatabaseCli(['kernel:verify'], text.deps)).toBe(CLI_EXIT.tampered);
    expect(text.out()).toContain('Event store TAMPERED: 1 problem found');
    expect(text.out()).toContain(
      `First problem in commit order: changed: global position ${position}, stream payout-1 version 1`,
    );

    const json = cli(kernel.database.url);
    expect(await runDatabaseCli(['kernel:verify', '--json'], json.deps)).toBe(CLI_EXIT.tampered);
    expect((JSON.parse(json.out()) as IntegrityReport).firstProblem).toMatchObject({
      kind: 'changed',
      globalPosition: position,
      streamId: 'payout-1',
      streamVersion: 1,
    });
  });

  it('finds every event changed when verified with another key than the one that signed them', async () => {
    const run = cli(kernel.database.url, 'another-key-that-never-signed-anything-here');
    expect(await runDatabaseCli(['kernel:verify', '--json'], run.deps)).toBe(CLI_EXIT.tampered);
    expect((JSON.parse(run.out()) as IntegrityReport).problemCount).toBe(2);
  });

  it('says to migrate first when the database has no event store, exit 1', async () => {
    const empty = await createTestDatabase('bandstand_test_cli');
    try {
      const run = cli(empty.url);
      expect(await runDatabaseCli(['kernel:verify'], run.deps)).toBe(CLI_EXIT.failed);
      expect(run.err()).toBe(
        'kernel:verify failed: The database has no kernel.events or kernel.seals: run `npm run db:migrate` first',
      );
    } finally {
      await empty.drop();
    }
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

  it('says kernel:verify cannot reach PostgreSQL, exit 69', async () => {
    const run = cli('postgres://bandstand:very-secret@127.0.0.1:1/bandstand');
    expect(await runDatabaseCli(['kernel:verify'], run.deps)).toBe(CLI_EXIT.unavailable);
    expect(run.err()).toBe(
      'kernel:verify failed: PostgreSQL at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server.',
    );
  });

  it('refuses the development event store key in production, exit 1', async () => {
    const run = cli(
      'postgres://nobody@127.0.0.1:1/none',
      'bandstand-development-key-never-use-in-production',
    );
    const deps = { ...run.deps, config: { ...run.deps.config, NODE_ENV: 'production' as const } };
    expect(await runDatabaseCli(['kernel:verify'], deps)).toBe(CLI_EXIT.failed);
    expect(run.err()).toContain('kernel:verify failed: EVENT_STORE_KEY must be set to a secret');
  });

  it('rejects a command line it does not understand with the usage, exit 64', async () => {
    const run = cli('postgres://nobody@127.0.0.1:1/none');
    expect(await runDatabaseCli(['db:seed', '--scale', 'many'], run.deps)).toBe(CLI_EXIT.usage);
    expect(run.err()).toContain('--scale must be a whole number');
    expect(run.err()).toContain('Usage: node dist/apps/worker/main.js');
  });
});
