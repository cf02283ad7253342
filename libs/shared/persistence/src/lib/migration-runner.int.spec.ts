import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  createTestDatabase,
  dropTestDatabase,
  type TestDatabase,
  uniqueDatabaseName,
} from '@bandstand/shared/testing';
import { Client } from 'pg';
import { type ContextPersistence } from './context-persistence';
import { MigrationFailedError, migrateDatabase, resetDatabase } from './migration-runner';
import { ormOptions } from './orm-options';
import { platformPersistence } from './platform/platform.persistence';
import { SeedRun } from './platform/seed-run.entity';
import { PostgresUnavailableError } from './postgres-problem';

class CreateItems extends Migration {
  override up(): void {
    this.addSql('create table items (id integer primary key, label text not null)');
  }
}

class AddPriceToItems extends Migration {
  override up(): void {
    this.addSql('alter table items add column price integer not null default 0');
  }
}

class InsertFirstItem extends Migration {
  override up(): void {
    this.addSql(`insert into items (id, label, price) values (1, 'first', 100)`);
  }
}

class CreateThenFail extends Migration {
  override up(): void {
    this.addSql('create table half_done (id integer)');
    this.addSql('insert into no_such_table values (1)');
  }
}

// Names sort the other way round from the order given: the runner must follow the list.
const alpha: ContextPersistence = {
  context: 'alpha',
  schema: 'alpha',
  entities: [],
  migrations: [
    { name: 'Migration3_create_items', class: CreateItems },
    { name: 'Migration2_add_price_to_items', class: AddPriceToItems },
    { name: 'Migration1_insert_first_item', class: InsertFirstItem },
  ],
};

const beta: ContextPersistence = {
  context: 'beta',
  schema: 'beta',
  entities: [],
  migrations: [{ name: 'Migration1_create_items', class: CreateItems }],
};

async function query<R>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

async function appliedNames(url: string, schema: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `select name from "${schema}".mikro_orm_migrations order by id`,
  );
  return rows.map((row) => row.name);
}

async function tableExists(url: string, schema: string, table: string): Promise<boolean> {
  const rows = await query<{ present: boolean }>(url, 'select to_regclass($1) is not null as present', [
    `"${schema}"."${table}"`,
  ]);
  return rows[0]?.present === true;
}

describe('migration runner', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await db.drop();
  });

  it('applies migrations in the order given and applies nothing the second time', async () => {
    const first = await migrateDatabase({ url: db.url, contexts: [alpha] });
    expect(first.databaseCreated).toBe(false);
    expect(first.contexts).toEqual([
      {
        context: 'alpha',
        schema: 'alpha',
        applied: ['Migration3_create_items', 'Migration2_add_price_to_items', 'Migration1_insert_first_item'],
      },
    ]);
    expect(await appliedNames(db.url, 'alpha')).toEqual([
      'Migration3_create_items',
      'Migration2_add_price_to_items',
      'Migration1_insert_first_item',
    ]);
    expect(await query(db.url, 'select id, label, price from alpha.items')).toEqual([
      { id: 1, label: 'first', price: 100 },
    ]);

    const second = await migrateDatabase({ url: db.url, contexts: [alpha] });
    expect(second.contexts).toEqual([{ context: 'alpha', schema: 'alpha', applied: [] }]);
    expect(await query(db.url, 'select count(*)::int as n from alpha.items')).toEqual([{ n: 1 }]);
  });

  it('keeps each context in its own schema with its own migrations table', async () => {
    await migrateDatabase({ url: db.url, contexts: [alpha, beta] });
    expect(await tableExists(db.url, 'alpha', 'items')).toBe(true);
    expect(await tableExists(db.url, 'beta', 'items')).toBe(true);
    expect(await tableExists(db.url, 'public', 'items')).toBe(false);
    expect(await tableExists(db.url, 'public', 'mikro_orm_migrations')).toBe(false);
    expect(await appliedNames(db.url, 'beta')).toEqual(['Migration1_create_items']);
    expect(await appliedNames(db.url, 'alpha')).toHaveLength(3);
    expect(await query(db.url, 'select count(*)::int as n from beta.items')).toEqual([{ n: 0 }]);
  });

  it('reset drops every context schema and migrates again', async () => {
    await migrateDatabase({ url: db.url, contexts: [alpha, beta] });
    await query(db.url, `insert into beta.items (id, label) values (7, 'left over')`);

    const report = await resetDatabase({ url: db.url, contexts: [alpha, beta] });

    expect(report.droppedSchemas).toEqual(['beta', 'alpha']);
    expect(report.contexts.map((c) => c.applied.length)).toEqual([3, 1]);
    expect(await query(db.url, 'select count(*)::int as n from beta.items')).toEqual([{ n: 0 }]);
    expect(await query(db.url, 'select count(*)::int as n from alpha.items')).toEqual([{ n: 1 }]);
  });

  it('rolls a failing migration back, keeps the earlier ones and names the one that failed', async () => {
    const failing: ContextPersistence = {
      context: 'gamma',
      schema: 'gamma',
      entities: [],
      migrations: [
        { name: 'Migration1_create_items', class: CreateItems },
        { name: 'Migration2_create_then_fail', class: CreateThenFail },
        { name: 'Migration3_add_price_to_items', class: AddPriceToItems },
      ],
    };

    const error = await migrateDatabase({ url: db.url, contexts: [failing] }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migration).toBe('Migration2_create_then_fail');
    expect((error as MigrationFailedError).message).toContain('Migration2_create_then_fail');
    expect((error as MigrationFailedError).message).toContain('no_such_table');
    expect(await appliedNames(db.url, 'gamma')).toEqual(['Migration1_create_items']);
    expect(await tableExists(db.url, 'gamma', 'items')).toBe(true);
    expect(await tableExists(db.url, 'gamma', 'half_done')).toBe(false);
  });

  it('maps the platform seed_runs table through its entity', async () => {
    await migrateDatabase({ url: db.url, contexts: [platformPersistence] });
    const orm = await MikroORM.init(
      ormOptions({ url: db.url, entities: platformPersistence.entities, poolMax: 1 }),
    );
    try {
      const em = orm.em.fork();
      const run = em.create(SeedRun, {
        seed: 'demo',
        scale: 2,
        contributors: ['platform', 'catalog'],
        startedAt: new Date('2026-11-21T10:00:00Z'),
        finishedAt: null,
      });
      await em.flush();
      const [found] = await orm.em.fork().find(SeedRun, { id: run.id });
      expect(found?.contributors).toEqual(['platform', 'catalog']);
      expect(found?.startedAt.toISOString()).toBe('2026-11-21T10:00:00.000Z');
      expect(found?.finishedAt).toBeNull();
    } finally {
      await orm.close(true);
    }
  });
});

describe('migration runner without a database', () => {
  it('creates the database when it does not exist', async () => {
    const name = uniqueDatabaseName();
    const url = createTestUrl(name);
    try {
      const report = await migrateDatabase({ url, contexts: [beta] });
      expect(report.databaseCreated).toBe(true);
      expect(await tableExists(url, 'beta', 'items')).toBe(true);
    } finally {
      await dropTestDatabase(name);
    }
  });

  it('says which server is unreachable and how to provide it, without the password', async () => {
    const url = 'postgres://bandstand:s3cret-pw@127.0.0.1:1/bandstand';
    const error = await migrateDatabase({ url, contexts: [beta] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostgresUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('PostgreSQL at 127.0.0.1:1 is not reachable (ECONNREFUSED)');
    expect(message).toContain('docker compose up -d postgres');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('s3cret-pw');
  });

  it('rejects two contexts claiming the same schema before touching the server', async () => {
    await expect(
      migrateDatabase({
        url: 'postgres://nobody@127.0.0.1:1/x',
        contexts: [beta, { ...alpha, schema: 'beta' }],
      }),
    ).rejects.toThrow('Contexts "beta" and "alpha" both claim schema "beta"');
  });
});

function createTestUrl(database: string): string {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}
