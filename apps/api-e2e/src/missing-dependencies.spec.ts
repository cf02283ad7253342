import { type HealthReport } from '@bandstand/shared/contracts';
import {
  createTestDatabase,
  freePort,
  migrateDatabase,
  type RunningProcess,
  startApi,
  type TestDatabase,
  testQueuePrefix,
  testRedisUrl,
} from '@bandstand/shared/testing';
import { eventually, logLines, pause } from './support/log-lines';
import { startTcpProxy } from './support/tcp-proxy';

const RETRY_MS = 100;

async function readiness(api: RunningProcess): Promise<{ status: number; report: HealthReport }> {
  const response = await fetch(`${api.url}/api/health/ready`);
  return { status: response.status, report: (await response.json()) as HealthReport };
}

/** The log lines whose message mentions `text`. */
function linesMentioning(api: RunningProcess, text: string): Record<string, unknown>[] {
  return logLines(api.stdout()).filter((line) => String(line['msg'] ?? line['raw']).includes(text));
}

function portOf(url: string): number {
  return Number(new URL(url).port || 5432);
}

describe('dependencies missing at start', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('starts without PostgreSQL, says once what is missing and how to provide it, and recovers when it is back', async () => {
    const port = await freePort();
    const unreachable = new URL(database.url);
    unreachable.port = String(port);
    const api = await startApi({
      readyPath: '/api/health/live',
      env: {
        DATABASE_URL: unreachable.toString(),
        QUEUE_PREFIX: testQueuePrefix(),
        REDIS_URL: testRedisUrl(),
        DEPENDENCY_RETRY_MS: String(RETRY_MS),
      },
    });
    try {
      const { status, report } = await readiness(api);
      expect(status).toBe(503);
      expect(report.status).toBe('down');
      const postgres = report.dependencies.find((dependency) => dependency.name === 'postgres');
      expect(postgres).toMatchObject({
        status: 'down',
        message: expect.stringContaining('PostgreSQL') as unknown,
      });
      expect(report.dependencies.find((dependency) => dependency.name === 'redis')?.status).toBe('up');

      await pause(RETRY_MS * 8);
      await readiness(api);
      const mentions = linesMentioning(api, 'PostgreSQL');
      expect(mentions).toHaveLength(1);
      expect(mentions[0]).toMatchObject({ level: 'error', service: 'api', dependency: 'postgres' });
      expect(String(mentions[0]?.['msg'])).toMatch(/127\.0\.0\.1:\d+/);
      expect(String(mentions[0]?.['msg'])).toContain('DATABASE_URL');
      expect(api.stdout()).not.toMatch(/\n\s+at /);

      const proxy = await startTcpProxy(port, portOf(database.url));
      try {
        expect(await eventually(async () => (await readiness(api)).status === 200)).toBe(true);
        expect(linesMentioning(api, 'postgres is reachable again')).toHaveLength(1);
      } finally {
        await api.stop();
        await proxy.close();
      }
    } finally {
      await api.stop();
    }
  });

  it('starts without Redis, says once what is missing and how to provide it, and recovers when it is back', async () => {
    const port = await freePort();
    const api = await startApi({
      readyPath: '/api/health/live',
      env: {
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${port}/0`,
        QUEUE_PREFIX: testQueuePrefix(),
        DEPENDENCY_RETRY_MS: String(RETRY_MS),
      },
    });
    try {
      const { status, report } = await readiness(api);
      expect(status).toBe(503);
      expect(report.dependencies.find((dependency) => dependency.name === 'redis')).toMatchObject({
        status: 'down',
        message: expect.stringContaining('Redis') as unknown,
      });
      expect(report.dependencies.find((dependency) => dependency.name === 'postgres')?.status).toBe('up');

      await pause(RETRY_MS * 8);
      await readiness(api);
      const mentions = linesMentioning(api, 'Redis');
      expect(mentions).toHaveLength(1);
      expect(mentions[0]).toMatchObject({ level: 'error', service: 'api', dependency: 'redis' });
      expect(String(mentions[0]?.['msg'])).toContain('REDIS_URL');
      expect(linesMentioning(api, 'ECONNREFUSED')).toHaveLength(1);

      const proxy = await startTcpProxy(port, portOf(testRedisUrl()));
      try {
        expect(await eventually(async () => (await readiness(api)).status === 200)).toBe(true);
        expect(linesMentioning(api, 'redis is reachable again')).toHaveLength(1);
      } finally {
        await api.stop();
        await proxy.close();
      }
    } finally {
      await api.stop();
    }
  });
});
