import { randomUUID } from 'node:crypto';
import { type HealthReport, isProblemDetails, type ServiceMeta } from '@bandstand/shared/contracts';
import {
  type ApiStack,
  eventually,
  type RunningProcess,
  startApi,
  startApiStack,
} from '@bandstand/shared/testing';
import { logLines } from './support/log-lines';

const PARTNER_ORIGIN = 'https://partner.example';
const BODY_LIMIT_BYTES = 4096;

describe('the built api on a migrated database', () => {
  let stack: ApiStack;
  let api: RunningProcess;

  beforeAll(async () => {
    stack = await startApiStack({
      env: { CORS_ORIGINS: PARTNER_ORIGIN, BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) },
    });
    api = stack.api;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves the OpenAPI UI and a document listing the endpoints and the problem schema', async () => {
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(await ui.text()).toContain('swagger-ui');

    const assets = await fetch(`${api.url}/api/docs/swagger-ui-init.js`);
    expect(assets.status).toBe(200);

    const json = await fetch(`${api.url}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as {
      info: { version: string };
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/meta', '/api/health/live', '/api/health/ready', '/api/metrics']),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['ProblemDetails', 'FieldError', 'HealthReport', 'ServiceMeta']),
    );
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is live, and ready with PostgreSQL and Redis up', async () => {
    const live = await fetch(`${api.url}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'up', service: 'api' });

    const ready = await fetch(`${api.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    const report = (await ready.json()) as HealthReport;
    expect(report.status).toBe('up');
    expect(report.dependencies.map((dependency) => [dependency.name, dependency.status])).toEqual([
      ['postgres', 'up'],
      ['redis', 'up'],
    ]);
  });

  it('says which release it runs', async () => {
    const response = await fetch(`${api.url}/api/v1/meta`);
    expect(response.status).toBe(200);
    const meta = (await response.json()) as ServiceMeta;
    expect(meta).toMatchObject({ service: 'api', node: expect.stringMatching(/^v24\./) as unknown });
    expect(meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(meta.version).not.toBe('0.0.0-development');
  });

  it('answers an unknown route with a 404 problem carrying the correlation id', async () => {
    const response = await fetch(`${api.url}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body: unknown = await response.json();
    expect(isProblemDetails(body)).toBe(true);
    expect(body).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
      correlationId: response.headers.get('x-correlation-id'),
    });
  });

  it('echoes the caller’s x-correlation-id and writes it on the request’s log line', async () => {
    const correlationId = `e2e-${randomUUID()}`;
    const response = await fetch(`${api.url}/api/v1/meta`, {
      headers: { 'x-correlation-id': correlationId },
    });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    // The line reaches us through the process's stdout pipe, some time after the response.
    const line = await eventually(() => {
      const found = logLines(api.stdout()).find((entry) => entry['correlationId'] === correlationId);
      expect(found).toBeDefined();
      return found;
    }, 10_000);
    expect(line).toMatchObject({
      level: 'info',
      service: 'api',
      method: 'GET',
      route: '/api/v1/meta',
      statusCode: 200,
    });
    expect(typeof line?.['time']).toBe('string');
  });

  it('exposes Prometheus metrics prefixed bandstand_', async () => {
    await fetch(`${api.url}/api/v1/meta`);
    const response = await fetch(`${api.url}/api/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('bandstand_process_cpu_user_seconds_total');
    expect(text).toMatch(
      /bandstand_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/meta"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/bandstand_dependency_up\{[^}]*dependency="postgres"[^}]*\} 1/);
  });

  it('sends secure headers', async () => {
    const response = await fetch(`${api.url}/api/health/live`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('grants CORS to the configured origin and not to a foreign one', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/api/v1/meta`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-correlation-id',
        },
      });
    expect((await preflight(PARTNER_ORIGIN)).headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    expect((await preflight(api.url)).headers.get('access-control-allow-origin')).toBe(api.url);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${api.url}/api/v1/meta`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a body over BODY_LIMIT_BYTES with a 413 problem', async () => {
    const response = await fetch(`${api.url}/api/v1/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT_BYTES * 2) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'HTTP.PAYLOAD_TOO_LARGE',
      correlationId: response.headers.get('x-correlation-id'),
    });
  });

  it('redirects / to the fan app', async () => {
    const response = await fetch(`${api.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/fan/');
  });

  it('writes nothing but JSON lines', () => {
    const lines = logLines(api.stdout());
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => 'raw' in line)).toEqual([]);
    expect(api.stderr()).toBe('');
  });
});

describe('shutdown', () => {
  it('stops gracefully on SIGTERM and says so', async () => {
    const api = await startApi({ readyPath: '/api/health/live' });
    const exit = await api.stop(10_000);
    expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
    const messages = logLines(api.stdout()).map((line) => line['msg']);
    expect(messages).toEqual(
      expect.arrayContaining(['api shutting down on SIGTERM: finishing in-flight work', 'api stopped']),
    );
  });
});
