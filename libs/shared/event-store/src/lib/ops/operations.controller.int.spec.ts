import { Global, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  isProblemDetails,
  type KernelOperationsOverview,
  type Page,
  type ParkedEventView,
  type ProblemDetails,
  type QueueDepth,
  type SubscriptionOperationsView,
} from '@bandstand/shared/contracts';
import {
  configureHttpApp,
  createFastifyAdapter,
  type HttpConfig,
  MetricsController,
  setupOpenApi,
} from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { type OpenAPIObject } from '@nestjs/swagger';
import { KERNEL_ROLE } from '../kernel.tokens';
import { KernelDatabase } from '../sql/kernel-database';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { OperationsModule } from './operations.module';
import { QUEUE_DEPTH_SOURCE, type QueueDepthSource } from './queue-depth-source';

const config: HttpConfig = {
  PUBLIC_URL: 'http://localhost:3000',
  CORS_ORIGINS: [],
  BODY_LIMIT_BYTES: 1024,
};

const INGEST: QueueDepth = {
  queue: 'royalties.ingest',
  waiting: 7,
  active: 1,
  delayed: 2,
  failed: 3,
  completed: 40,
  paused: 0,
  outbox: { pending: 2, dispatched: 1, failed: 0, oldestPendingAt: '2026-11-21T10:00:00.000Z' },
};

const BASE = '/api/v1/kernel/operations';

describe('OperationsController over HTTP (Fastify, problem details, validation)', () => {
  let kernel: KernelTestHarness;
  let app: NestFastifyApplication;
  let openApi: OpenAPIObject;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    const queues: QueueDepthSource = { overview: () => Promise.resolve([INGEST]) };

    // What KernelCoreModule and the app give the operations module: the database, the role, a queue source.
    @Global()
    @Module({
      providers: [
        { provide: KernelDatabase, useValue: kernel.db },
        { provide: KERNEL_ROLE, useValue: 'worker' },
        { provide: QUEUE_DEPTH_SOURCE, useValue: queues },
      ],
      exports: [KernelDatabase, KERNEL_ROLE, QUEUE_DEPTH_SOURCE],
    })
    class KernelStandInModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'worker',
          level: 'warn',
          destination: new MemoryLogDestination(),
        }),
        KernelStandInModule,
        OperationsModule,
      ],
      controllers: [MetricsController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    openApi = setupOpenApi(app, { title: 'Bandstand test', version: '0.0.0-test' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();

    await kernel.store.append('thing-http', [{ type: 'ThingHappened', data: {} }], {
      expectedVersion: 'no_stream',
      metadata: { correlationId: 'c-http', causationId: null, actor: 'user:ops', tenantId: null },
    });
    await kernel.db.query(
      `insert into kernel.subscriptions (name, kind, definition_version, status) values
         ('ops.http-projection', 'projection', 1, 'running'),
         ('ops.http-processor', 'processor', 1, 'failed')`,
    );
    await kernel.db.query(
      `insert into kernel.parked_events (subscription, global_position, transaction_id, event_id, event_type, stream_id, attempts, error)
       select 'ops.http-processor', global_position, transaction_id, event_id, event_type, stream_id, 5, 'boom'
       from kernel.events`,
    );
  });

  afterAll(async () => {
    await app?.close();
    await kernel?.close();
  });

  function problemOf(body: string): ProblemDetails {
    const parsed: unknown = JSON.parse(body);
    if (!isProblemDetails(parsed)) throw new Error(`not a problem: ${body}`);
    return parsed;
  }

  async function parkedPosition(): Promise<string> {
    const response = await app.inject({
      method: 'GET',
      url: `${BASE}/subscriptions/ops.http-processor/parked`,
    });
    const position = response.json<Page<ParkedEventView>>().items[0]?.globalPosition;
    if (position === undefined) throw new Error('nothing is parked');
    return position;
  }

  it('answers the overview under /api/v1, never cached', async () => {
    const response = await app.inject({ method: 'GET', url: BASE });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const overview = response.json<KernelOperationsOverview>();
    expect(
      overview.subscriptions.map((view) => [view.name, view.status, view.eventsBehind, view.parkedCount]),
    ).toEqual([
      ['ops.http-processor', 'failed', 1, 1],
      ['ops.http-projection', 'running', 1, 0],
    ]);
    expect(overview.queues).toEqual({ status: 'ok', queues: [INGEST] });
    expect(overview.head?.globalPosition).toMatch(/^\d+$/);
  });

  it('answers one subscription, and a 404 problem with a stable code for an unknown one', async () => {
    const found = await app.inject({ method: 'GET', url: `${BASE}/subscriptions/ops.http-projection` });
    expect(found.statusCode).toBe(200);
    expect(found.json<SubscriptionOperationsView>().kind).toBe('projection');

    const missing = await app.inject({ method: 'GET', url: `${BASE}/subscriptions/ops.nobody` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(problemOf(missing.body)).toMatchObject({
      status: 404,
      code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
      detail: 'There is no subscription named "ops.nobody"',
      instance: `${BASE}/subscriptions/ops.nobody`,
    });
  });

  it('pages parked events and validates the page request', async () => {
    const page = await app.inject({
      method: 'GET',
      url: `${BASE}/subscriptions/ops.http-processor/parked?limit=1`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json<Page<ParkedEventView>>()).toMatchObject({
      items: [{ subscription: 'ops.http-processor', attempts: 5, error: 'boom' }],
      nextCursor: null,
    });

    const badLimit = await app.inject({
      method: 'GET',
      url: `${BASE}/subscriptions/ops.http-processor/parked?limit=0`,
    });
    expect(badLimit.statusCode).toBe(400);
    expect(problemOf(badLimit.body)).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ field: 'limit' }],
    });

    const badCursor = await app.inject({
      method: 'GET',
      url: `${BASE}/subscriptions/ops.http-processor/parked?cursor=nope`,
    });
    expect(badCursor.statusCode).toBe(400);
    expect(problemOf(badCursor.body)).toMatchObject({
      code: 'KERNEL.INVALID_CURSOR',
      errors: [{ field: 'cursor', code: 'KERNEL.INVALID_CURSOR' }],
    });

    const unknown = await app.inject({ method: 'GET', url: `${BASE}/subscriptions/ops.nobody/parked` });
    expect(problemOf(unknown.body)).toMatchObject({ status: 404, code: 'KERNEL.UNKNOWN_SUBSCRIPTION' });
  });

  it('accepts a rebuild request for a projection and refuses one for a processor', async () => {
    const accepted = await app.inject({
      method: 'POST',
      url: `${BASE}/subscriptions/ops.http-projection/rebuild`,
    });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json<SubscriptionOperationsView>().rebuild.requestedAt).not.toBeNull();

    const refused = await app.inject({
      method: 'POST',
      url: `${BASE}/subscriptions/ops.http-processor/rebuild`,
    });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused.body).code).toBe('KERNEL.SUBSCRIPTION_NOT_REBUILDABLE');

    const unknown = await app.inject({ method: 'POST', url: `${BASE}/subscriptions/ops.nobody/rebuild` });
    expect(problemOf(unknown.body)).toMatchObject({ status: 404, code: 'KERNEL.UNKNOWN_SUBSCRIPTION' });
  });

  it('retries a parked event, and 404s a position with nothing parked', async () => {
    const position = await parkedPosition();
    const accepted = await app.inject({
      method: 'POST',
      url: `${BASE}/subscriptions/ops.http-processor/parked/${position}/retry`,
    });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json<ParkedEventView>()).toMatchObject({ globalPosition: position });
    expect(accepted.json<ParkedEventView>().retryRequestedAt).not.toBeNull();

    for (const other of ['999999', 'abc']) {
      const missing = await app.inject({
        method: 'POST',
        url: `${BASE}/subscriptions/ops.http-processor/parked/${other}/retry`,
      });
      expect(missing.statusCode).toBe(404);
      expect(problemOf(missing.body).code).toBe('KERNEL.UNKNOWN_PARKED_EVENT');
    }
  });

  it('resumes a failed subscriber once, then refuses while it runs', async () => {
    const resumed = await app.inject({
      method: 'POST',
      url: `${BASE}/subscriptions/ops.http-processor/resume`,
    });
    expect(resumed.statusCode).toBe(202);
    expect(resumed.json<SubscriptionOperationsView>().status).toBe('running');

    const again = await app.inject({
      method: 'POST',
      url: `${BASE}/subscriptions/ops.http-processor/resume`,
    });
    expect(again.statusCode).toBe(409);
    expect(problemOf(again.body)).toMatchObject({
      code: 'KERNEL.SUBSCRIPTION_NOT_RESUMABLE',
      detail:
        'Subscription "ops.http-processor" is running: only a stopped or failed subscriber can be resumed',
    });
  });

  it('exposes lag, checkpoints, parked events and queue depths as Prometheus gauges in the worker', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/metrics' });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    const sample = (metric: string, labels: string) =>
      new RegExp(`^${metric}\\{[^}]*${labels}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1];
    const projection = 'subscription="ops.http-projection",kind="projection"';
    expect(sample('bandstand_kernel_subscription_events_behind', projection)).toBe('1');
    expect(sample('bandstand_kernel_subscription_checkpoint_position', projection)).toBe('0');
    expect(Number(sample('bandstand_kernel_subscription_lag_seconds', projection))).toBeGreaterThanOrEqual(0);
    expect(sample('bandstand_kernel_subscription_parked_events', 'subscription="ops.http-processor"')).toBe(
      '1',
    );
    expect(sample('bandstand_kernel_subscription_status', `${projection},status="running"`)).toBe('1');
    expect(sample('bandstand_kernel_subscription_status', `${projection},status="failed"`)).toBe('0');
    expect(sample('bandstand_queue_jobs', 'queue="royalties.ingest",state="waiting"')).toBe('7');
    expect(sample('bandstand_queue_jobs', 'queue="royalties.ingest",state="failed"')).toBe('3');
    expect(sample('bandstand_queue_outbox_jobs', 'queue="royalties.ingest",status="pending"')).toBe('2');
    expect(text).toMatch(/^bandstand_kernel_read_horizon_held_seconds\{[^}]*\} \S+$/m);
    expect(text).toMatch(/^bandstand_kernel_read_horizon_events_waiting\{[^}]*\} \S+$/m);
  });

  it('documents every route in the OpenAPI document', () => {
    expect(Object.keys(openApi.paths).filter((path) => path.startsWith(BASE))).toEqual([
      BASE,
      `${BASE}/subscriptions/{name}`,
      `${BASE}/subscriptions/{name}/parked`,
      `${BASE}/subscriptions/{name}/rebuild`,
      `${BASE}/subscriptions/{name}/resume`,
      `${BASE}/subscriptions/{name}/parked/{position}/retry`,
    ]);
    expect(Object.keys(openApi.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'KernelOperationsOverview',
        'SubscriptionOperations',
        'ParkedEventPage',
        'ReadHorizon',
      ]),
    );
  });
});
