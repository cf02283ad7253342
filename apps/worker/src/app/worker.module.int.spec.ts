import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, workerConfigSchema } from '@bandstand/shared/config';
import { type HealthReport } from '@bandstand/shared/contracts';
import { MemoryLogDestination } from '@bandstand/shared/observability';
import { migrateDatabase } from '@bandstand/shared/persistence';
import {
  createTestDatabase,
  eventually,
  freePort,
  removeRedisKeys,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@bandstand/shared/testing';
import { persistenceContexts } from './contexts';
import { WorkerModule } from './worker.module';

/** A TCP forwarder to a real server that a test can cut and restore, to play an outage. */
class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

async function readiness(origin: string): Promise<{ status: number; report: HealthReport }> {
  const response = await fetch(`${origin}/health/ready`);
  return { status: response.status, report: (await response.json()) as HealthReport };
}

async function start(env: Record<string, string>): Promise<{ app: INestApplicationContext; origin: string }> {
  const port = await freePort();
  const config = loadConfig(workerConfigSchema, {
    ...env,
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: String(port),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
  return { app, origin: `http://127.0.0.1:${port}` };
}

describe('worker process (module, health server) against PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateDatabase({ url: db.url, contexts: persistenceContexts });
  });

  afterAll(async () => {
    await db.drop();
    await removeRedisKeys(testRedisUrl(), prefix);
  });

  it('is live and ready, and serves Prometheus metrics', async () => {
    const { app, origin } = await start({
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
    });
    try {
      const live = await fetch(`${origin}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'up', service: 'worker' });

      const ready = await fetch(`${origin}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.headers.get('cache-control')).toBe('no-store');
      const report = (await ready.json()) as HealthReport;
      expect(report.status).toBe('up');
      expect(report.dependencies.map((d) => [d.name, d.status])).toEqual([
        ['postgres', 'up'],
        ['redis', 'up'],
      ]);

      const metrics = await fetch(`${origin}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      const text = await metrics.text();
      expect(text).toContain('bandstand_dependency_up{dependency="postgres",service="worker"} 1');
      expect(text).toContain('bandstand_process_cpu_seconds_total');

      const missing = await fetch(`${origin}/nope`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('application/problem+json');
      expect(await missing.json()).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND' });

      const post = await fetch(`${origin}/health/ready`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
    } finally {
      await app.close();
    }
  });
});

describe('worker process whose dependencies go away and come back', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('answers 503 during the outage, 200 again once both are back, logging each change once', async () => {
    const logs = new MemoryLogDestination();
    const pgServer = new URL(db.url);
    const redisServer = new URL(testRedisUrl());
    const pgProxy = new TcpProxy(await freePort(), {
      host: pgServer.hostname,
      port: Number(pgServer.port || 5432),
    });
    const redisProxy = new TcpProxy(await freePort(), {
      host: redisServer.hostname,
      port: Number(redisServer.port || 6379),
    });
    await pgProxy.open();
    await redisProxy.open();
    const proxiedDb = new URL(db.url);
    proxiedDb.host = `127.0.0.1:${pgProxy.port}`;
    const port = await freePort();
    const config = loadConfig(workerConfigSchema, {
      DATABASE_URL: proxiedDb.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}/0`,
      QUEUE_PREFIX: testQueuePrefix(),
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(port),
      DEPENDENCY_RETRY_MS: '100',
    });
    const app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { logDestination: logs }),
      {
        logger: false,
        abortOnError: false,
      },
    );
    const origin = `http://127.0.0.1:${port}`;
    try {
      expect((await readiness(origin)).status).toBe(200);

      // A readiness call may join a round that started before the cut (or the restore) and
      // still report the old state: poll until the monitor has seen the change.
      await pgProxy.cut();
      await redisProxy.cut();
      await eventually(async () => {
        const during = await readiness(origin);
        expect(during.status).toBe(503);
        expect(during.report.dependencies.map((d) => d.status)).toEqual(['down', 'down']);
      }, 15_000);

      await pgProxy.open();
      await redisProxy.open();
      await eventually(async () => {
        const after = await readiness(origin);
        expect(after.status).toBe(200);
      }, 15_000);

      // Each readiness call completes at least one more round: still one line per change.
      for (let round = 0; round < 3; round += 1) expect((await readiness(origin)).status).toBe(200);
      const changes = (dependency: string): string[] =>
        logs.lines
          .filter((line) => line['dependency'] === dependency)
          .map((line) => `${String(line['level'])}: ${String(line['msg'])}`);
      expect(changes('postgres')).toEqual([
        'info: postgres is reachable',
        // Refused, or on a loaded machine not answered before the check's deadline: either way, down.
        expect.stringMatching(
          /^error: PostgreSQL at 127\.0\.0\.1:\d+ is not reachable \((ECONNREFUSED|no answer in time)\)/,
        ),
        'info: postgres is reachable again',
      ]);
      expect(changes('redis')).toEqual([
        'info: redis is reachable',
        expect.stringMatching(
          /^error: Redis at 127\.0\.0\.1:\d+ is not reachable \((ECONNREFUSED|no answer in time)\)/,
        ),
        'info: redis is reachable again',
      ]);
    } finally {
      await app.close();
      await pgProxy.cut();
      await redisProxy.cut();
    }
  });
});

describe('worker process without PostgreSQL and Redis', () => {
  it('keeps running, logs one line per missing dependency and answers 503 naming both', async () => {
    const logs = new MemoryLogDestination();
    const port = await freePort();
    const config = loadConfig(workerConfigSchema, {
      DATABASE_URL: 'postgres://bandstand:secret-pw@127.0.0.1:1/bandstand',
      REDIS_URL: 'redis://127.0.0.1:1/0',
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(port),
      DEPENDENCY_RETRY_MS: '100',
    });
    const app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { logDestination: logs }),
      {
        logger: false,
        abortOnError: false,
      },
    );
    try {
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      const report = (await ready.json()) as HealthReport;
      expect(report.dependencies).toEqual([
        expect.objectContaining({
          name: 'postgres',
          status: 'down',
          message:
            'PostgreSQL at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server',
        }),
        expect.objectContaining({
          name: 'redis',
          status: 'down',
          message:
            'Redis at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d redis) or point REDIS_URL at your server',
        }),
      ]);
      // Each readiness call completes at least one more round: still one line per dependency.
      for (let round = 0; round < 3; round += 1)
        expect((await readiness(`http://127.0.0.1:${port}`)).status).toBe(503);
      const errors = logs.lines.filter((line) => line['level'] === 'error');
      expect(errors.map((line) => line['dependency'])).toEqual(['postgres', 'redis']);
      expect(JSON.stringify(logs.lines)).not.toContain('secret-pw');
    } finally {
      await app.close();
    }
  });
});
