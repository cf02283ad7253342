import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type DependencyCheck } from './dependency-check';
import { DependencyMonitor } from './dependency-monitor';
import { createLogger } from './logger';
import { MemoryLogDestination } from './memory-log.destination';
import { MetricsService } from './metrics.service';
import { ObservabilityModule, provideDependencyChecks } from './observability.module';

/** A dependency whose availability the test switches, counting how often it was asked. */
class SwitchableDependency implements DependencyCheck {
  calls = 0;
  up = true;
  hangs = false;

  constructor(
    readonly name: string,
    private readonly downMessage: string,
  ) {}

  async check(): Promise<void> {
    this.calls += 1;
    if (this.hangs) return new Promise<void>(() => undefined);
    if (!this.up) throw new Error(this.downMessage);
  }
}

const POSTGRES_DOWN =
  'PostgreSQL at 127.0.0.1:5432 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server';

function monitorOf(checks: DependencyCheck[], retryMs = 1000, timeoutMs = 50) {
  const logs = new MemoryLogDestination();
  const metrics = new MetricsService('api');
  const monitor = new DependencyMonitor(
    checks,
    createLogger({ service: 'api', level: 'info', destination: logs }),
    metrics,
    {
      service: 'api',
      level: 'info',
      dependencyRetryMs: retryMs,
      dependencyTimeoutMs: timeoutMs,
    },
  );
  return { monitor, logs, metrics };
}

describe('DependencyMonitor', () => {
  it('reports up with each latency when every dependency answers', async () => {
    const { monitor } = monitorOf([
      new SwitchableDependency('postgres', POSTGRES_DOWN),
      new SwitchableDependency('redis', ''),
    ]);
    const report = await monitor.checkNow();
    expect(report.status).toBe('up');
    expect(report.service).toBe('api');
    expect(report.dependencies.map((d) => [d.name, d.status])).toEqual([
      ['postgres', 'up'],
      ['redis', 'up'],
    ]);
    expect(report.dependencies.every((d) => typeof d.latencyMs === 'number')).toBe(true);
    expect(monitor.lastReport()).toBe(report);
  });

  it('is not ready before its first round', () => {
    const { monitor } = monitorOf([new SwitchableDependency('postgres', POSTGRES_DOWN)]);
    expect(monitor.lastReport().status).toBe('down');
  });

  it('logs one error line when a dependency goes down, nothing while it stays down, one info line when it is back', async () => {
    const postgres = new SwitchableDependency('postgres', POSTGRES_DOWN);
    const { monitor, logs, metrics } = monitorOf([postgres]);
    await monitor.checkNow();
    postgres.up = false;
    const down = await monitor.checkNow();
    await monitor.checkNow();
    await monitor.checkNow();
    expect(down.status).toBe('down');
    expect(down.dependencies[0]).toMatchObject({ name: 'postgres', status: 'down', message: POSTGRES_DOWN });
    expect(await metrics.render()).toMatch(/^bandstand_dependency_up\{[^}]*dependency="postgres"[^}]*\} 0$/m);

    postgres.up = true;
    await monitor.checkNow();
    await monitor.checkNow();

    expect(logs.lines.map((line) => [line['level'], line['msg']])).toEqual([
      ['info', 'postgres is reachable'],
      ['error', `${POSTGRES_DOWN} — retrying every 1000 ms; readiness answers 503 until it is back`],
      ['info', 'postgres is reachable again'],
    ]);
    expect(logs.lines[1]).toMatchObject({ dependency: 'postgres', retryMs: 1000 });
    expect(await metrics.render()).toMatch(/^bandstand_dependency_up\{[^}]*dependency="postgres"[^}]*\} 1$/m);
  });

  it('logs the error at once when a dependency is missing from the start', async () => {
    const redis = new SwitchableDependency(
      'redis',
      'Redis at 127.0.0.1:6379 is not reachable (ECONNREFUSED)',
    );
    redis.up = false;
    const { monitor, logs } = monitorOf([redis]);
    await monitor.checkNow();
    await monitor.checkNow();
    expect(logs.messages('error')).toHaveLength(1);
    expect(logs.messages('error')[0]).toContain('Redis at 127.0.0.1:6379 is not reachable');
    expect(logs.messages('info')).toEqual([]);
  });

  it('counts a check that does not answer in time as down', async () => {
    const hanging = new SwitchableDependency('postgres', POSTGRES_DOWN);
    hanging.hangs = true;
    const { monitor } = monitorOf([hanging], 1000, 20);
    const report = await monitor.checkNow();
    expect(report.dependencies[0]).toMatchObject({
      status: 'down',
      message: 'postgres did not answer within 20 ms',
    });
  });

  it('joins a round already running instead of starting another', async () => {
    const postgres = new SwitchableDependency('postgres', POSTGRES_DOWN);
    const { monitor } = monitorOf([postgres]);
    const [first, second] = await Promise.all([monitor.checkNow(), monitor.checkNow()]);
    expect(first).toBe(second);
    expect(postgres.calls).toBe(1);
  });

  it('keeps checking every retry interval once started, and stops on shutdown', async () => {
    const postgres = new SwitchableDependency('postgres', POSTGRES_DOWN);
    const { monitor } = monitorOf([postgres], 10);
    await monitor.onApplicationBootstrap();
    expect(postgres.calls).toBe(1);
    const deadline = Date.now() + 5000;
    while (postgres.calls < 4 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await monitor.beforeApplicationShutdown();
    const callsAtShutdown = postgres.calls;
    expect(callsAtShutdown).toBeGreaterThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(postgres.calls).toBe(callsAtShutdown);
  });

  it('waits on shutdown for a round in progress, then checks no more', async () => {
    let answer: () => void = () => undefined;
    const slow: DependencyCheck = {
      name: 'postgres',
      check: () => new Promise<void>((resolve) => (answer = resolve)),
    };
    const { monitor, logs } = monitorOf([slow], 60_000, 5000);
    const round = monitor.checkNow();
    let stopped = false;
    const stopping = monitor.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    answer();
    await stopping;
    expect((await round).status).toBe('up');
    expect(await monitor.checkNow()).toBe(monitor.lastReport());
    expect(logs.messages()).toEqual(['postgres is reachable']);
  });
});

/** A check whose connection closes in onApplicationShutdown, like MikroORM's and RedisCheck's. */
@Injectable()
class ClosingPostgresCheck implements DependencyCheck, OnApplicationShutdown {
  readonly name = 'postgres';
  private closed = false;

  async check(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.closed) throw new Error('postgres is not reachable: the connection is closed');
  }

  onApplicationShutdown(): void {
    this.closed = true;
  }
}

describe('DependencyMonitor on application shutdown', () => {
  it('lets a round in progress finish before dependencies close, so it logs no false outage', async () => {
    const logs = new MemoryLogDestination();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'info',
          destination: logs,
          dependencyRetryMs: 60_000,
        }),
      ],
      providers: [ClosingPostgresCheck, ...provideDependencyChecks([ClosingPostgresCheck])],
    }).compile();
    await moduleRef.init();
    const monitor = moduleRef.get(DependencyMonitor);
    const metrics = moduleRef.get(MetricsService);
    const round = monitor.checkNow();
    await moduleRef.close('SIGTERM');
    expect((await round).status).toBe('up');
    expect(logs.messages('error')).toEqual([]);
    expect(await metrics.render()).toMatch(/^bandstand_dependency_up\{[^}]*dependency="postgres"[^}]*\} 1$/m);
  });
});

@Injectable()
class CacheCheck implements DependencyCheck {
  readonly name = 'cache';
  check(): Promise<void> {
    return Promise.reject(new Error('the cache is not reachable: start it'));
  }
}

describe('ObservabilityModule with provideDependencyChecks', () => {
  it('runs the checks of the root module when the application starts', async () => {
    const logs = new MemoryLogDestination();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'info',
          destination: logs,
          dependencyRetryMs: 60_000,
        }),
      ],
      providers: [CacheCheck, ...provideDependencyChecks([CacheCheck])],
    }).compile();
    await moduleRef.init();
    try {
      const report = moduleRef.get(DependencyMonitor).lastReport();
      expect(report).toMatchObject({ status: 'down', dependencies: [{ name: 'cache', status: 'down' }] });
      expect(logs.messages('error')).toEqual([
        'the cache is not reachable: start it — retrying every 60000 ms; readiness answers 503 until it is back',
      ]);
      expect(moduleRef.get(MetricsService)).toBeInstanceOf(MetricsService);
    } finally {
      await moduleRef.close('SIGTERM');
    }
    expect(logs.messages('info').slice(-2)).toEqual([
      'api shutting down on SIGTERM: finishing in-flight work',
      'api stopped',
    ]);
  });
});
