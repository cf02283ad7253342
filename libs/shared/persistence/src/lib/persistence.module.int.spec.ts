import { EntityManager } from '@mikro-orm/postgresql';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@bandstand/shared/testing';
import { DatabaseCheck } from './database.check';
import { migrateDatabase } from './migration-runner';
import { PersistenceModule } from './persistence.module';
import { platformPersistence } from './platform/platform.persistence';
import { SeedRun } from './platform/seed-run.entity';

async function startContext(url: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PersistenceModule.forRoot(
        { DATABASE_URL: url, DATABASE_POOL_MAX: 2, DATABASE_IDLE_IN_TRANSACTION_MS: 30_000 },
        [platformPersistence],
      ),
    ],
  }).compile();
  moduleRef.useLogger(false);
  return moduleRef.init();
}

describe('PersistenceModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateDatabase({ url: db.url, contexts: [platformPersistence] });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('gives the process an EntityManager over every context schema and a passing check', async () => {
    const app = await startContext(db.url);
    try {
      await expect(app.get(DatabaseCheck).check()).resolves.toBeUndefined();
      const em = app.get(EntityManager).fork();
      em.create(SeedRun, { seed: 's', scale: 1, contributors: [], startedAt: new Date(), finishedAt: null });
      await em.flush();
      expect(await app.get(EntityManager).fork().count(SeedRun)).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('starts while PostgreSQL is unreachable and the check says what to do', async () => {
    const app = await startContext('postgres://bandstand:hunter2-secret@127.0.0.1:1/bandstand');
    try {
      const check = app.get(DatabaseCheck);
      expect(check.name).toBe('postgres');
      const error = await check.check().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toBe(
        'PostgreSQL at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server',
      );
      expect(message).not.toContain('hunter2');
    } finally {
      await app.close();
    }
  });

  it('reports a missing database by name', async () => {
    const missing = new URL(db.url);
    missing.pathname = '/bandstand_test_does_not_exist';
    const app = await startContext(missing.toString());
    try {
      await expect(app.get(DatabaseCheck).check()).rejects.toThrow(
        'has no database "bandstand_test_does_not_exist": create it with `npm run db:migrate`',
      );
    } finally {
      await app.close();
    }
  });
});
