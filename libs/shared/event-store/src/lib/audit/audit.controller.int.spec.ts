import { Global, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type OpenAPIObject } from '@nestjs/swagger';
import {
  AccessModule,
  PRINCIPAL_RESOLVER,
  type Principal,
  type PrincipalResolver,
} from '@bandstand/shared/access';
import {
  type AuditEvent,
  isProblemDetails,
  KERNEL_EVENTS_PATH,
  type Page,
  type ProblemDetails,
  STAFF_ROLES,
  type StaffRole,
} from '@bandstand/shared/contracts';
import {
  configureHttpApp,
  createFastifyAdapter,
  type HttpConfig,
  setupOpenApi,
} from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { type FastifyRequest } from 'fastify';
import { KernelDatabase } from '../sql/kernel-database';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { AUDIT_INDEX_STATEMENTS } from './20261121-add-audit-indexes-to-events.migration';
import { AuditModule } from './audit.module';

const config: HttpConfig = {
  PUBLIC_URL: 'http://localhost:3000',
  CORS_ORIGINS: [],
  BODY_LIMIT_BYTES: 1024,
};

/**
 * Stands in for the identity context's resolver: `Authorization: Staff <role,role>` is a signed-in
 * staff member with those roles, `Staff -` one without any. Access control itself is the real guard.
 */
const staffByHeader: PrincipalResolver = {
  resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header === undefined || !header.startsWith('Staff ')) return Promise.resolve(null);
    const roles = header
      .slice('Staff '.length)
      .split(',')
      .filter((role): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role));
    return Promise.resolve({ userId: 'u-1', sessionId: 's-1', staffRoles: roles });
  },
};

const AUDITOR = { authorization: 'Staff auditor' };

function problemOf(body: string): ProblemDetails {
  const parsed: unknown = JSON.parse(body);
  if (!isProblemDetails(parsed)) throw new Error(`not a problem: ${body}`);
  return parsed;
}

describe('AuditController over HTTP (Fastify, access, problem details, validation)', () => {
  let kernel: KernelTestHarness;
  let app: NestFastifyApplication;
  let openApi: OpenAPIObject;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    for (const statement of AUDIT_INDEX_STATEMENTS) await kernel.db.query(statement);

    // What KernelCoreModule and the identity context give the audit module in the api.
    @Global()
    @Module({
      providers: [
        { provide: KernelDatabase, useValue: kernel.db },
        { provide: PRINCIPAL_RESOLVER, useValue: staffByHeader },
      ],
      exports: [KernelDatabase, PRINCIPAL_RESOLVER],
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
        AccessModule.forRoot(),
        AuditModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    openApi = setupOpenApi(app, { title: 'Bandstand test', version: '0.0.0-test' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();

    for (const [stream, actor] of [
      ['thing-1', 'user:1'],
      ['thing-2', 'user:2'],
      ['other-1', 'user:1'],
    ] as const) {
      await kernel.store.append(stream, [{ type: 'ThingHappened', data: { stream } }], {
        expectedVersion: 'no_stream',
        metadata: { correlationId: 'c-http', causationId: null, actor, tenantId: 'org-1' },
        recordedAt: new Date('2026-11-21T10:00:00.000Z'),
      });
    }
  });

  afterAll(async () => {
    await app?.close();
    await kernel?.close();
  });

  const get = (query: string, headers: Record<string, string> = AUDITOR) =>
    app.inject({ method: 'GET', url: `${KERNEL_EVENTS_PATH}${query}`, headers });

  it('answers staff holding staff.audit.read with the filtered page, never cached', async () => {
    for (const role of ['auditor', 'admin'] as const) {
      const response = await get('?streamPrefix=thing-&actor=user%3A1', { authorization: `Staff ${role}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const page = response.json<Page<AuditEvent>>();
      expect(page.items.map((event) => [event.streamId, event.actor, event.data])).toEqual([
        ['thing-1', 'user:1', { stream: 'thing-1' }],
      ]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('pages with the cursor it hands out', async () => {
    const first = await get('?limit=2');
    const page = first.json<Page<AuditEvent>>();
    expect(page.items.map((event) => event.streamId)).toEqual(['other-1', 'thing-2']);
    const cursor = page.nextCursor ?? '';
    const second = await get(`?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(second.json<Page<AuditEvent>>()).toMatchObject({
      items: [{ streamId: 'thing-1' }],
      nextCursor: null,
    });
  });

  it('refuses anonymous callers (401) and staff without staff.audit.read (403)', async () => {
    const anonymous = await get('', {});
    expect(anonymous.statusCode).toBe(401);
    expect(problemOf(anonymous.body).code).toBe('ACCESS.UNAUTHENTICATED');
    for (const roles of ['analyst', 'support', '-']) {
      const refused = await get('', { authorization: `Staff ${roles}` });
      expect(refused.statusCode).toBe(403);
      expect(problemOf(refused.body).code).toBe('ACCESS.FORBIDDEN');
    }
  });

  it.each<[string, string, string]>([
    ['an unknown field', '?stream=thing-1', 'stream'],
    ['a repeated filter', '?actor=a&actor=b', 'actor'],
    ['an empty filter', '?tenantId=', 'tenantId'],
    ['a filter too long', `?streamPrefix=${'x'.repeat(201)}`, 'streamPrefix'],
    ['a date that does not exist', '?from=2026-02-30', 'from'],
    ['a time without its offset', '?to=2026-11-21T10:00:00', 'to'],
    ['words for a date', '?from=yesterday', 'from'],
    ['a limit of 0', '?limit=0', 'limit'],
    ['a limit above 200', '?limit=201', 'limit'],
    ['a limit that is no number', '?limit=ten', 'limit'],
  ])('answers 400 VALIDATION.FAILED naming the field for %s', async (_, query, field) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response.body);
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((error) => error.field)).toContain(field);
    expect(problem.errors?.every((error) => error.field === field)).toBe(true);
  });

  it('names the rule a bad date broke', async () => {
    const response = await get('?from=2026-11-21T10:00');
    expect(problemOf(response.body).errors).toEqual([
      {
        field: 'from',
        code: 'VALIDATION.IS_ISO_TIMESTAMP',
        message:
          'from must be an ISO 8601 date (2026-11-21) or date and time with an offset (2026-11-21T10:00:00Z)',
      },
    ]);
  });

  it('answers 400 KERNEL.INVALID_CURSOR for a cursor it did not hand out', async () => {
    const response = await get('?cursor=cGFya2VkOjU');
    expect(response.statusCode).toBe(400);
    expect(problemOf(response.body)).toMatchObject({
      code: 'KERNEL.INVALID_CURSOR',
      errors: [{ field: 'cursor', code: 'KERNEL.INVALID_CURSOR' }],
    });
  });

  it('answers 400 KERNEL.AUDIT_QUERY_INVALID on "to" for a range that ends before it starts', async () => {
    const response = await get('?from=2026-11-22&to=2026-11-21T23:59Z');
    expect(response.statusCode).toBe(400);
    expect(problemOf(response.body)).toMatchObject({
      code: 'KERNEL.AUDIT_QUERY_INVALID',
      errors: [{ field: 'to', code: 'KERNEL.AUDIT_QUERY_INVALID' }],
    });
  });

  it('documents the route and its page in OpenAPI', () => {
    expect(Object.keys(openApi.paths)).toContain(KERNEL_EVENTS_PATH);
    const parameters = (openApi.paths[KERNEL_EVENTS_PATH]?.get?.parameters ?? []).map((parameter) =>
      'name' in parameter ? parameter.name : parameter.$ref,
    );
    expect(parameters).toEqual(
      expect.arrayContaining([
        'streamId',
        'streamPrefix',
        'actor',
        'tenantId',
        'type',
        'from',
        'to',
        'cursor',
        'limit',
      ]),
    );
    expect(Object.keys(openApi.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['AuditEvent', 'AuditEventPage']),
    );
  });
});
