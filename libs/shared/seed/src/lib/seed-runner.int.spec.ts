import { Migration } from '@mikro-orm/migrations';
import { type ContextPersistence, platformPersistence } from '@bandstand/shared/persistence';
import { createTestDatabase, type TestDatabase } from '@bandstand/shared/testing';
import { Client } from 'pg';
import {
  DEMO_ORGANISATIONS,
  demoOrganisations,
  type SeedApplication,
  type SeedContributor,
} from './seed-contributor';
import { AlreadySeededError, runSeed } from './seed-runner';

class CreateReleases extends Migration {
  override up(): void {
    this.addSql(
      'create table demo_catalog.releases (id uuid primary key, title text not null, released_on date not null, price_cents integer not null)',
    );
  }
}

class CreateOrders extends Migration {
  override up(): void {
    this.addSql(
      'create table demo_commerce.orders (id uuid primary key, release_id uuid not null, quantity integer not null)',
    );
  }
}

const catalogPersistence: ContextPersistence = {
  context: 'demo-catalog',
  schema: 'demo_catalog',
  entities: [],
  migrations: [{ name: 'Migration20261121_create_releases', class: CreateReleases }],
};

const commercePersistence: ContextPersistence = {
  context: 'demo-commerce',
  schema: 'demo_commerce',
  entities: [],
  migrations: [{ name: 'Migration20261121_create_orders', class: CreateOrders }],
};

const WORDS = ['midnight', 'echo', 'velvet', 'signal', 'harbor', 'neon', 'garden', 'static'];
const DAY_MS = 86_400_000;

const catalogSeed: SeedContributor = {
  context: 'demo-catalog',
  async run({ rng, scale, today, em, log }) {
    const count = 5 * scale;
    for (let i = 0; i < count; i++) {
      await em.execute(
        'insert into demo_catalog.releases (id, title, released_on, price_cents) values (?, ?, ?, ?)',
        [
          rng.uuid(),
          `${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
          rng
            .dateBetween(new Date(today.getTime() - 365 * DAY_MS), today)
            .toISOString()
            .slice(0, 10),
          rng.int(500, 2999),
        ],
      );
    }
    log(`wrote ${count} releases`);
    return { created: { releases: count } };
  },
};

const commerceSeed: SeedContributor = {
  context: 'demo-commerce',
  after: ['demo-catalog'],
  async run({ rng, scale, em }) {
    const releases = await em.execute<{ id: string }[]>('select id from demo_catalog.releases order by id');
    const count = 3 * scale;
    for (let i = 0; i < count; i++) {
      await em.execute('insert into demo_commerce.orders (id, release_id, quantity) values (?, ?, ?)', [
        rng.uuid(),
        rng.pick(releases).id,
        rng.weighted([
          { value: 1, weight: 8 },
          { value: 2, weight: 2 },
        ]),
      ]);
    }
    return { created: { orders: count } };
  },
};

const contexts = [platformPersistence, catalogPersistence, commercePersistence];
const today = new Date('2026-11-21T00:00:00Z');

async function query<R>(url: string, sql: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}

const releases = (url: string) =>
  query(url, 'select id, title, released_on::text, price_cents from demo_catalog.releases order by id');
const orders = (url: string) =>
  query(url, 'select id, release_id, quantity from demo_commerce.orders order by id');

describe('runSeed', () => {
  const databases: TestDatabase[] = [];
  const fresh = async (): Promise<TestDatabase> => {
    const db = await createTestDatabase('bandstand_test_seed');
    databases.push(db);
    return db;
  };

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('migrates, runs contributors in dependency order and records the run', async () => {
    const db = await fresh();
    const lines: string[] = [];
    // Listed in the wrong order on purpose: commerce needs the catalog's releases.
    const result = await runSeed({
      url: db.url,
      contexts,
      contributors: [commerceSeed, catalogSeed],
      seed: 'demo',
      scale: 2,
      today,
      log: (line) => lines.push(line),
    });

    expect(result.contributors.map((c) => [c.context, c.created])).toEqual([
      ['demo-catalog', { releases: 10 }],
      ['demo-commerce', { orders: 6 }],
    ]);
    expect(lines).toContain('[demo-catalog] wrote 10 releases');
    expect(await releases(db.url)).toHaveLength(10);
    expect(await orders(db.url)).toHaveLength(6);
    const runs = await query<{ seed: string; scale: number; contributors: string[]; finished: boolean }>(
      db.url,
      'select seed, scale, contributors, finished_at is not null as finished from platform.seed_runs',
    );
    expect(runs).toEqual([
      { seed: 'demo', scale: 2, contributors: ['demo-catalog', 'demo-commerce'], finished: true },
    ]);
  });

  it('writes identical data for the same seed and different data for another seed', async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    const options = { contexts, contributors: [catalogSeed, commerceSeed], scale: 1, today };
    await runSeed({ ...options, url: a.url, seed: 'alpha' });
    await runSeed({ ...options, url: b.url, seed: 'alpha' });
    await runSeed({ ...options, url: c.url, seed: 'beta' });

    expect(await releases(b.url)).toEqual(await releases(a.url));
    expect(await orders(b.url)).toEqual(await orders(a.url));
    expect(await releases(c.url)).not.toEqual(await releases(a.url));
  });

  it('leaves a context’s data unchanged when another context is added', async () => {
    const [alone, together] = [await fresh(), await fresh()];
    await runSeed({ url: alone.url, contexts, contributors: [catalogSeed], seed: 's', scale: 1, today });
    await runSeed({
      url: together.url,
      contexts,
      contributors: [commerceSeed, catalogSeed],
      seed: 's',
      scale: 1,
      today,
    });
    expect(await releases(together.url)).toEqual(await releases(alone.url));
  });

  it('refuses to seed a seeded database, and with force resets it first', async () => {
    const db = await fresh();
    const options = {
      url: db.url,
      contexts,
      contributors: [catalogSeed, commerceSeed],
      seed: 'once',
      scale: 1,
      today,
    };
    await runSeed(options);
    const first = await releases(db.url);

    await expect(runSeed(options)).rejects.toThrow(AlreadySeededError);
    await expect(runSeed(options)).rejects.toThrow('run db:seed with --force');

    const forced = await runSeed({ ...options, force: true });
    expect(forced.reset).toBe(true);
    expect(await releases(db.url)).toEqual(first);
    expect(await query(db.url, 'select count(*)::int as n from platform.seed_runs')).toEqual([{ n: 1 }]);
  });

  it('hands contributors that write through the application its providers, and what earlier ones provided', async () => {
    const db = await fresh();
    const written: string[] = [];
    const application: SeedApplication = {
      get<T>(token: unknown): T {
        if (token !== 'writer') throw new Error(`no provider for ${String(token)}`);
        return { write: (line: string) => written.push(line) } as T;
      },
    };
    let closed = false;
    const organisations: SeedContributor = {
      context: 'demo-identity',
      usesApplication: true,
      run({ app }) {
        app?.get<{ write(line: string): void }>('writer').write('registered the demo account');
        return Promise.resolve({
          created: { organisations: 1 },
          provides: {
            [DEMO_ORGANISATIONS]: [{ orgId: 'org-1', name: 'Night Owls', kind: 'label', ownerUserId: 'u-1' }],
          },
        });
      },
    };
    const seen: string[] = [];
    const catalogInOrgs: SeedContributor = {
      context: 'demo-catalog-in-orgs',
      after: ['demo-identity'],
      usesApplication: true,
      run({ provided, em }) {
        seen.push(...demoOrganisations(provided).map((org) => `${org.name} (${org.kind})`));
        // A plain fork, not an open transaction: the application writes in its own.
        expect(em.isInTransaction()).toBe(false);
        return Promise.resolve({ created: {} });
      },
    };
    await runSeed({
      url: db.url,
      contexts,
      contributors: [catalogInOrgs, organisations, catalogSeed],
      seed: 'app',
      scale: 1,
      today,
      application: () =>
        Promise.resolve({
          app: application,
          close: () => {
            closed = true;
            return Promise.resolve();
          },
        }),
    });
    expect(written).toEqual(['registered the demo account']);
    expect(seen).toEqual(['Night Owls (label)']);
    expect(closed).toBe(true);
  });

  it('refuses a contributor that writes through the application when no application is given', async () => {
    const db = await fresh();
    const needy: SeedContributor = {
      context: 'needy',
      usesApplication: true,
      run: () => Promise.resolve({ created: {} }),
    };
    await expect(
      runSeed({ url: db.url, contexts, contributors: [needy], seed: 'x', scale: 1, today }),
    ).rejects.toThrow('was given none to start');
  });

  it('rejects a cycle before touching the database', async () => {
    const a: SeedContributor = { context: 'a', after: ['b'], run: () => Promise.resolve({ created: {} }) };
    const b: SeedContributor = { context: 'b', after: ['a'], run: () => Promise.resolve({ created: {} }) };
    await expect(
      runSeed({
        url: 'postgres://nobody@127.0.0.1:1/none',
        contexts,
        contributors: [a, b],
        seed: 'x',
        scale: 1,
      }),
    ).rejects.toThrow('cycle: a → b → a');
  });
});
