import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { apiConfigSchema, loadConfig } from '@bandstand/shared/config';
import { type HealthReport } from '@bandstand/shared/contracts';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import {
  createTestDatabase,
  freePort,
  type TestDatabase,
  testQueuePrefix,
  testRedisUrl,
} from '@bandstand/shared/testing';
import { AppModule } from './app.module';

async function startApp(env: Record<string, string>): Promise<NestFastifyApplication> {
  const config = loadConfig(apiConfigSchema, {
    LOG_LEVEL: 'fatal',
    QUEUE_PREFIX: testQueuePrefix(),
    REDIS_URL: testRedisUrl(),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config));
  await configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('AppModule against the real PostgreSQL and Redis', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('is ready when both dependencies answer', async () => {
    const app = await startApp({ DATABASE_URL: database.url });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(200);
      expect(response.json<HealthReport>().dependencies.map((d) => [d.name, d.status])).toEqual([
        ['postgres', 'up'],
        ['redis', 'up'],
      ]);
    } finally {
      await app.close();
    }
  });

  it('starts without PostgreSQL and reports it on readiness', async () => {
    const closedPort = await freePort();
    const app = await startApp({ DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/bandstand` });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(response.statusCode).toBe(503);
      const postgres = response.json<HealthReport>().dependencies.find((d) => d.name === 'postgres');
      expect(postgres?.status).toBe('down');
      expect(postgres?.message).toContain('DATABASE_URL');
    } finally {
      await app.close();
    }
  });
});
