import { Body, Controller, ForbiddenException, Get, Injectable, Module, Post } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { isProblemDetails, type ProblemDetails } from '@bandstand/shared/contracts';
import {
  type AppLogger,
  currentCorrelationId,
  type DependencyCheck,
  InjectLogger,
  MemoryLogDestination,
  ObservabilityModule,
  provideDependencyChecks,
} from '@bandstand/shared/observability';
import { DomainError } from './domain-error';
import { HealthController } from './health.controller';
import {
  configureHttpApp,
  createFastifyAdapter,
  type FastifyAdapterConfig,
  type HttpConfig,
} from './http-app';
import { MetricsController } from './metrics.controller';
import { setupOpenApi } from './openapi';

class CreditDto {
  @IsString()
  @IsNotEmpty()
  role!: string;
}

class CreateReleaseDto {
  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsInt()
  @Min(1)
  tracks!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => CreditDto)
  credit?: CreditDto;
}

class SplitsNot100Percent extends DomainError {
  constructor(total: string) {
    super('ROYALTIES.SPLITS_NOT_100_PERCENT', `The shares add up to ${total}%, not 100%`, {
      field: 'shares',
    });
  }
}

@Controller('probe')
class ProbeController {
  constructor(@InjectLogger() private readonly logger: AppLogger) {}

  @Get('correlation')
  correlation(): { correlationId: string | undefined } {
    this.logger.info('handling the probe');
    return { correlationId: currentCorrelationId() };
  }

  @Post('releases')
  async create(
    @Body() release: CreateReleaseDto,
  ): Promise<CreateReleaseDto & { correlationId: string | undefined }> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { ...release, correlationId: currentCorrelationId() };
  }

  @Get('domain-error')
  domainError(): never {
    throw new SplitsNot100Percent('99.5');
  }

  @Get('domain-errors')
  domainErrors(): never {
    throw new DomainError('CATALOG.INVALID_METADATA', 'Two fields of the draft are invalid', {
      field: 'draft',
      errors: [
        { field: 'draft.upc', code: 'CATALOG.INVALID_UPC', message: 'The check digit should be 2' },
        { field: 'draft.tracks.1.isrc', code: 'CATALOG.INVALID_ISRC', message: 'Not an ISRC' },
      ],
    });
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException('Only the payee may see this statement');
  }

  @Get('crash')
  crash(): never {
    throw new Error('could not connect to postgres://admin:hunter2@db.internal');
  }
}

@Injectable()
class SwitchablePostgresCheck implements DependencyCheck {
  readonly name = 'postgres';
  up = true;

  check(): Promise<void> {
    if (this.up) return Promise.resolve();
    return Promise.reject(
      new Error(
        'PostgreSQL at 127.0.0.1:5432 is not reachable (ECONNREFUSED): start it or point DATABASE_URL at your server',
      ),
    );
  }
}

const logs = new MemoryLogDestination();

@Module({
  imports: [
    ObservabilityModule.forRoot({
      service: 'api',
      level: 'debug',
      destination: logs,
      dependencyRetryMs: 60_000,
    }),
  ],
  controllers: [ProbeController, HealthController, MetricsController],
  providers: [SwitchablePostgresCheck, ...provideDependencyChecks([SwitchablePostgresCheck])],
})
class ProbeModule {}

const config: HttpConfig = {
  PUBLIC_URL: 'http://localhost:3000',
  CORS_ORIGINS: ['https://partner.example'],
  BODY_LIMIT_BYTES: 1024,
};

const CORRELATION = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let app: NestFastifyApplication;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureHttpApp(app, config);
  setupOpenApi(app, { title: 'Bandstand test', version: '0.0.0-test' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app.close();
});

function problemOf(body: string): ProblemDetails {
  const parsed: unknown = JSON.parse(body);
  if (!isProblemDetails(parsed)) throw new Error(`not a problem: ${body}`);
  return parsed;
}

describe('errors as problem details', () => {
  it('answers an unknown route with a 404 problem carrying the correlation id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = problemOf(response.body);
    expect(problem).toMatchObject({
      type: 'urn:bandstand:problem:HTTP.NOT_FOUND',
      title: 'Not Found',
      status: 404,
      code: 'HTTP.NOT_FOUND',
      instance: '/api/v1/nothing-here',
    });
    expect(problem.correlationId).toMatch(CORRELATION);
    expect(response.headers['x-correlation-id']).toBe(problem.correlationId);
  });

  it('names every rejected field, including unknown ones and nested ones', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      payload: { tracks: 0, credit: { role: '' }, isrc: 'GBAYE0601498' },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response.body);
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.errors?.map((error) => [error.field, error.code])).toEqual(
      expect.arrayContaining([
        ['title', 'VALIDATION.IS_NOT_EMPTY'],
        ['title', 'VALIDATION.IS_STRING'],
        ['tracks', 'VALIDATION.MIN'],
        ['credit.role', 'VALIDATION.IS_NOT_EMPTY'],
        ['isrc', 'VALIDATION.UNKNOWN_FIELD'],
      ]),
    );
    expect(problem.errors?.find((error) => error.field === 'isrc')?.message).toBe(
      'property isrc should not exist',
    );
  });

  it('accepts a valid body and transforms it to the DTO', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      payload: { title: 'Kind of Blue', tracks: 5 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ title: 'Kind of Blue', tracks: 5 });
  });

  it('keeps the code, status and field of a domain error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/domain-error' });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response.body)).toMatchObject({
      code: 'ROYALTIES.SPLITS_NOT_100_PERCENT',
      detail: 'The shares add up to 99.5%, not 100%',
      errors: [
        {
          field: 'shares',
          code: 'ROYALTIES.SPLITS_NOT_100_PERCENT',
          message: 'The shares add up to 99.5%, not 100%',
        },
      ],
    });
  });

  it('reports every field of a domain error about several, instead of its one field', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/domain-errors' });
    expect(response.statusCode).toBe(422);
    expect(problemOf(response.body)).toMatchObject({
      code: 'CATALOG.INVALID_METADATA',
      errors: [
        { field: 'draft.upc', code: 'CATALOG.INVALID_UPC', message: 'The check digit should be 2' },
        { field: 'draft.tracks.1.isrc', code: 'CATALOG.INVALID_ISRC', message: 'Not an ISRC' },
      ],
    });
  });

  it('maps Nest HTTP exceptions to HTTP codes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/forbidden' });
    expect(response.statusCode).toBe(403);
    expect(problemOf(response.body)).toMatchObject({
      code: 'HTTP.FORBIDDEN',
      detail: 'Only the payee may see this statement',
    });
  });

  it('answers an unexpected error with a 500 that leaks nothing, and logs it with its stack', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/probe/crash',
      headers: { 'x-correlation-id': 'crash-1' },
    });
    expect(response.statusCode).toBe(500);
    const problem = problemOf(response.body);
    expect(problem).toMatchObject({ code: 'INTERNAL.UNEXPECTED', correlationId: 'crash-1' });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
    const logged = logs.lines.find(
      (line) => line['level'] === 'error' && line['correlationId'] === 'crash-1',
    );
    expect(logged?.['msg']).toContain('GET /api/v1/probe/crash failed');
    expect(JSON.stringify(logged?.['err'])).toContain('http-app.spec.ts');
  });

  it('answers an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      payload: { title: 'x'.repeat(2048), tracks: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response.body).code).toBe('HTTP.PAYLOAD_TOO_LARGE');
  });

  it('answers a body of an unsupported media type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      headers: { 'content-type': 'application/xml' },
      payload: '<release/>',
    });
    expect(response.statusCode).toBe(415);
    expect(problemOf(response.body).code).toBe('HTTP.UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response.body).code).toBe('HTTP.BAD_REQUEST');
  });
});

describe('correlation ids', () => {
  it('adopts a well-formed x-correlation-id for the whole request, body parsing included', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/releases',
      headers: { 'x-correlation-id': 'upload-7' },
      payload: { title: 'A Love Supreme', tracks: 4 },
    });
    expect(response.headers['x-correlation-id']).toBe('upload-7');
    expect(response.json()).toMatchObject({ correlationId: 'upload-7' });
  });

  it('puts the id on the log lines written while handling the request', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/v1/probe/correlation',
      headers: { 'x-correlation-id': 'probe-9' },
    });
    expect(
      logs.lines.filter((line) => line['correlationId'] === 'probe-9').map((line) => line['msg']),
    ).toEqual(['handling the probe', 'GET /api/v1/probe/correlation 200']);
    expect(
      logs.lines.find(
        (line) => line['msg'] === 'GET /api/v1/probe/correlation 200' && line['correlationId'] === 'probe-9',
      ),
    ).toMatchObject({
      level: 'info',
      route: '/api/v1/probe/correlation',
      statusCode: 200,
    });
  });

  it('logs the path of a request without its query string, which may carry tokens', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/v1/probe/correlation?access_token=s3cret&page=2',
      headers: { 'x-correlation-id': 'probe-query' },
    });
    const logged = logs.lines.filter((line) => line['correlationId'] === 'probe-query');
    expect(logged.find((line) => line['msg'] === 'GET /api/v1/probe/correlation 200')).toMatchObject({
      url: '/api/v1/probe/correlation',
      route: '/api/v1/probe/correlation',
    });
    expect(JSON.stringify(logged)).not.toContain('s3cret');
  });

  it('replaces a malformed id by a fresh UUID', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/probe/correlation',
      headers: { 'x-correlation-id': 'two words\r\nx-evil: 1' },
    });
    const header = String(response.headers['x-correlation-id']);
    expect(header).toMatch(CORRELATION);
    expect(response.json()).toEqual({ correlationId: header });
  });

  it('generates a different id for each request without one', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/probe/correlation' });
    const second = await app.inject({ method: 'GET', url: '/api/v1/probe/correlation' });
    expect(first.headers['x-correlation-id']).not.toBe(second.headers['x-correlation-id']);
  });
});

describe('health and metrics', () => {
  it('is live', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'up', service: 'api' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is ready while every dependency is up, and answers 503 naming the one that is down', async () => {
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'up', dependencies: [{ name: 'postgres', status: 'up' }] });

    const postgres = app.get(SwitchablePostgresCheck);
    postgres.up = false;
    try {
      const notReady = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json()).toMatchObject({
        status: 'down',
        service: 'api',
        dependencies: [
          { name: 'postgres', status: 'down', message: expect.stringContaining('DATABASE_URL') as unknown },
        ],
      });
    } finally {
      postgres.up = true;
    }
  });

  it('exposes per-route request durations under the bandstand_ prefix', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/probe/correlation' });
    await app.inject({ method: 'GET', url: '/api/v1/unknown/42' });
    const response = await app.inject({ method: 'GET', url: '/api/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /bandstand_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/probe\/correlation"[^}]*\} \d+/,
    );
    expect(response.body).toMatch(
      /bandstand_http_request_duration_seconds_count\{[^}]*route="\(unmatched\)"[^}]*status_code="404"[^}]*\} \d+/,
    );
    expect(response.body).not.toContain('/api/v1/unknown/42');
    expect(response.body).toContain('bandstand_process_cpu_user_seconds_total');
  });

  it('logs probe and scrape requests at debug only', async () => {
    await app.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { 'x-correlation-id': 'probe-live' },
    });
    expect(logs.lines.find((line) => line['correlationId'] === 'probe-live')?.['level']).toBe('debug');
  });
});

describe('secure headers and CORS', () => {
  it('sends secure headers on every answer, errors included', async () => {
    for (const url of ['/api/health/live', '/api/v1/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    }
  });

  it('lets the public origin and the configured origins call the API from a browser', async () => {
    for (const origin of ['http://localhost:3000', 'https://partner.example']) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/probe/releases',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
    }
    const simple = await app.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { origin: 'https://partner.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(String(simple.headers['access-control-expose-headers'])).toContain('x-correlation-id');
  });

  it('gives a foreign origin no CORS grant', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/probe/releases',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await app.inject({
      method: 'GET',
      url: '/api/health/live',
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('serves the UI', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger-ui');
  });

  it('documents every route and the problem schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/probe/releases',
        '/api/health/live',
        '/api/health/ready',
        '/api/metrics',
      ]),
    );
    expect(document.components.schemas).toHaveProperty('ProblemDetails');
    expect(document.components.schemas).toHaveProperty('FieldError');
    expect(document.paths['/api/health/ready']?.['get']?.responses['default']).toEqual({
      description: expect.any(String) as unknown,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
  });
});

describe('client address', () => {
  async function clientIp(adapterConfig: FastifyAdapterConfig): Promise<string> {
    const fastify = createFastifyAdapter(adapterConfig).getInstance();
    fastify.get('/ip', (request) => ({ ip: request.ip }));
    try {
      const response = await fastify.inject({
        method: 'GET',
        url: '/ip',
        remoteAddress: '10.0.0.7',
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      return String(response.json<{ ip: string }>().ip);
    } finally {
      await fastify.close();
    }
  }

  it('ignores X-Forwarded-For by default, so clients cannot spoof their address', async () => {
    expect(await clientIp({ BODY_LIMIT_BYTES: 1024 })).toBe('10.0.0.7');
    expect(await clientIp({ BODY_LIMIT_BYTES: 1024, TRUST_PROXY: false })).toBe('10.0.0.7');
  });

  it('takes the client address from X-Forwarded-For when TRUST_PROXY is set', async () => {
    expect(await clientIp({ BODY_LIMIT_BYTES: 1024, TRUST_PROXY: true })).toBe('203.0.113.9');
  });
});
