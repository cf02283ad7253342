import { Global, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type OpenAPIObject } from '@nestjs/swagger';
import {
  type IntegrityReport,
  isProblemDetails,
  type ProblemDetails,
  type SealSummary,
} from '@bandstand/shared/contracts';
import {
  configureHttpApp,
  createFastifyAdapter,
  type HttpConfig,
  setupOpenApi,
} from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { eventually } from '@bandstand/shared/testing';
import { KERNEL_ROLE } from '../kernel.tokens';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher } from '../store/event-hasher';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { IntegrityModule } from './integrity.module';
import { SealerService } from './sealer.service';

const config: HttpConfig = {
  PUBLIC_URL: 'http://localhost:3000',
  CORS_ORIGINS: [],
  BODY_LIMIT_BYTES: 4096,
};

const BASE = '/api/v1/kernel/integrity';

function problemOf(body: string): ProblemDetails {
  const parsed: unknown = JSON.parse(body);
  if (!isProblemDetails(parsed)) throw new Error(`not a problem: ${body}`);
  return parsed;
}

describe('IntegrityController over HTTP (Fastify, problem details, validation)', () => {
  let kernel: KernelTestHarness;
  let app: NestFastifyApplication;
  let openApi: OpenAPIObject;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();

    // What KernelCoreModule gives the integrity module in the api: database, hasher, role.
    @Global()
    @Module({
      providers: [
        { provide: KernelDatabase, useValue: kernel.db },
        { provide: EventHasher, useValue: kernel.hasher },
        { provide: KERNEL_ROLE, useValue: 'api' },
      ],
      exports: [KernelDatabase, EventHasher, KERNEL_ROLE],
    })
    class KernelStandInModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'warn',
          destination: new MemoryLogDestination(),
        }),
        KernelStandInModule,
        IntegrityModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    openApi = setupOpenApi(app, { title: 'Bandstand test', version: '0.0.0-test' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await kernel?.close();
  });

  it('does not seal in the api process', () => {
    expect(app.get(SealerService).running).toBe(false);
  });

  it('answers 404 KERNEL.NO_SEAL_YET for the latest seal of an unsealed store', async () => {
    const response = await app.inject({ method: 'GET', url: `${BASE}/seals/latest` });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response.body)).toMatchObject({ status: 404, code: 'KERNEL.NO_SEAL_YET' });
  });

  it('verifies the store, reports the latest seal, and names a tampered event', async () => {
    await kernel.store.append(
      'thing-http',
      [
        { type: 'ThingHappened', data: { n: 1 } },
        { type: 'ThingHappened', data: { n: 2 } },
      ],
      {
        expectedVersion: 'no_stream',
        metadata: { correlationId: 'c-http', causationId: null, actor: 'user:1', tenantId: null },
      },
    );
    const sealer = app.get(SealerService);
    // The sealing horizon is cluster-wide: another suite's open transaction may delay it.
    await eventually(async () => {
      await sealer.sealNow();
      expect((await sealer.latestSeal())?.eventCount).toBe(2);
    }, 30_000);

    const latest = await app.inject({ method: 'GET', url: `${BASE}/seals/latest` });
    expect(latest.statusCode).toBe(200);
    const seal = latest.json<SealSummary>();
    expect(seal).toMatchObject({ sealNumber: 1, eventCount: 2 });
    expect(seal.chain).toMatch(/^[0-9a-f]{64}$/);

    const intact = await app.inject({
      method: 'POST',
      url: `${BASE}/verifications`,
      payload: { anchor: { sealNumber: seal.sealNumber, chain: seal.chain } },
    });
    expect(intact.statusCode).toBe(200);
    expect(intact.headers['cache-control']).toBe('no-store');
    expect(intact.json<IntegrityReport>()).toMatchObject({
      intact: true,
      complete: true,
      checkedEvents: 2,
      checkedStreams: 1,
      seals: 1,
      problems: [],
      latestSeal: seal,
    });

    const [second] = await kernel.db.query<{ global_position: string }>(
      `select global_position from kernel.events where stream_id = 'thing-http' and stream_version = 2`,
    );
    await kernel.db.query(
      `update kernel.events set data = '{"n": 3}' where stream_id = 'thing-http' and stream_version = 2`,
    );
    const tampered = await app.inject({ method: 'POST', url: `${BASE}/verifications`, payload: {} });
    expect(tampered.statusCode).toBe(200);
    expect(tampered.json<IntegrityReport>()).toMatchObject({
      intact: false,
      problemCount: 1,
      firstProblem: {
        kind: 'changed',
        globalPosition: second?.global_position,
        streamId: 'thing-http',
        streamVersion: 2,
        sealNumber: 1,
      },
    });

    const limited = await app.inject({
      method: 'POST',
      url: `${BASE}/verifications`,
      payload: { maxEvents: 1 },
    });
    expect(limited.json<IntegrityReport>()).toMatchObject({ complete: false });
  });

  it('runs one verification at a time in a process and answers 409 to a second', async () => {
    const responses = await Promise.all(
      [1, 2].map(() => app.inject({ method: 'POST', url: `${BASE}/verifications`, payload: {} })),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const conflict = responses.find((response) => response.statusCode === 409);
    expect(problemOf(conflict?.body ?? '')).toMatchObject({ code: 'KERNEL.VERIFICATION_IN_PROGRESS' });
  });

  it('rejects a malformed request naming the fields', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${BASE}/verifications`,
      payload: { maxEvents: 0, anchor: { sealNumber: 1, chain: 'xyz' }, everything: true },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response.body);
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(['maxEvents', 'anchor.chain', 'everything']),
    );
  });

  it('documents both endpoints in OpenAPI', () => {
    expect(openApi.paths[`${BASE}/verifications`]?.post?.responses['200']).toBeDefined();
    expect(openApi.paths[`${BASE}/seals/latest`]?.get?.responses['404']).toBeDefined();
    expect(openApi.components?.schemas?.['IntegrityReport']).toBeDefined();
  });
});
