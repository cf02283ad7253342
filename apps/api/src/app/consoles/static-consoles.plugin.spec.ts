import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { isProblemDetails } from '@bandstand/shared/contracts';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import {
  type AppLogger,
  MemoryLogDestination,
  ObservabilityModule,
  ROOT_LOGGER,
} from '@bandstand/shared/observability';
import { cacheControlFor, registerStaticConsoles } from './static-consoles.plugin';

@Controller('ping')
class PingController {
  @Get()
  ping(): { pong: true } {
    return { pong: true };
  }
}

const logs = new MemoryLogDestination();

@Module({
  imports: [ObservabilityModule.forRoot({ service: 'api', level: 'info', destination: logs })],
  controllers: [PingController],
})
class ConsolesTestModule {}

const FAN_PAGE =
  '<!doctype html><html><head><base href="/fan/"></head><body><bandstand-fan></bandstand-fan></body></html>';
const CREATOR_PAGE = '<!doctype html><html><head><base href="/creator/"></head><body></body></html>';

describe('static consoles', () => {
  let app: NestFastifyApplication;
  let consolesDir: string;
  const config = { PUBLIC_URL: 'http://localhost:3000', CORS_ORIGINS: [], BODY_LIMIT_BYTES: 1024 };

  beforeAll(async () => {
    consolesDir = mkdtempSync(join(tmpdir(), 'bandstand-consoles-'));
    mkdirSync(join(consolesDir, 'fan', 'browser', 'media'), { recursive: true });
    writeFileSync(join(consolesDir, 'fan', 'browser', 'index.html'), FAN_PAGE);
    writeFileSync(join(consolesDir, 'fan', 'browser', 'main-7HG2K3QZ.js'), 'console.log("fan")');
    writeFileSync(join(consolesDir, 'fan', 'browser', 'chunk-C-E6X0Lt.js'), 'export const x = 1;');
    writeFileSync(join(consolesDir, 'fan', 'browser', 'favicon.ico'), 'icon');
    writeFileSync(join(consolesDir, 'fan', 'browser', 'media', 'band-picture.png'), 'png');
    writeFileSync(
      join(consolesDir, 'fan', 'browser', 'media', 'roboto-latin-400-normal-6JW3Q6UL.woff2'),
      'font',
    );
    writeFileSync(join(consolesDir, 'fan', 'browser', 'cover-ALBUM001.jpg'), 'jpg');
    mkdirSync(join(consolesDir, 'creator', 'browser'), { recursive: true });
    writeFileSync(join(consolesDir, 'creator', 'browser', 'index.html'), CREATOR_PAGE);

    const moduleRef = await Test.createTestingModule({ imports: [ConsolesTestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config));
    await configureHttpApp(app, config);
    await registerStaticConsoles(app.getHttpAdapter().getInstance(), {
      consolesDir,
      logger: app.get<AppLogger>(ROOT_LOGGER),
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(consolesDir, { recursive: true, force: true });
  });

  it('redirects / to the fan app and a console without its slash to its page', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/fan/');
    const fan = await app.inject({ method: 'GET', url: '/creator' });
    expect(fan.statusCode).toBe(301);
    expect(fan.headers.location).toBe('/creator/');
  });

  it("serves each console's page at its root, never cached", async () => {
    for (const [url, page] of [
      ['/fan/', FAN_PAGE],
      ['/creator/', CREATOR_PAGE],
    ] as const) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(page);
    }
  });

  it('serves hashed assets as immutable and other files briefly cached', async () => {
    const script = await app.inject({ method: 'GET', url: '/fan/main-7HG2K3QZ.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const chunk = await app.inject({ method: 'GET', url: '/fan/chunk-C-E6X0Lt.js' });
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = await app.inject({
      method: 'GET',
      url: '/fan/media/roboto-latin-400-normal-6JW3Q6UL.woff2',
    });
    expect(font.statusCode).toBe(200);
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/fan/favicon.ico', '/fan/media/band-picture.png', '/fan/cover-ALBUM001.jpg']) {
      const file = await app.inject({ method: 'GET', url });
      expect(file.statusCode).toBe(200);
      expect(file.headers['cache-control']).toBe('public, max-age=3600');
    }
  });

  it("falls back to the console's page for client-side routes", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/fan/wallet/history?page=2',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(FAN_PAGE);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-correlation-id']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a missing asset with a 404 problem instead of the page', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/fan/chunk-MISSING1.js',
      headers: { accept: '*/*' },
    });
    expect(response.statusCode).toBe(404);
    const body: unknown = response.json();
    expect(isProblemDetails(body) && body.code).toBe('HTTP.NOT_FOUND');
  });

  it('answers a console that is not built with a 404 problem saying how to build it, and logs it once at start', async () => {
    for (const url of ['/staff/', '/staff/users/42']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'CONSOLE.NOT_BUILT',
        detail: expect.stringContaining('npx nx build staff') as unknown,
      });
    }
    const warnings = logs.lines.filter((line) => line['level'] === 'warn');
    expect(warnings.map((line) => line['console'])).toEqual(['staff']);
    expect(String(warnings[0]?.['msg'])).toContain('The staff console is not built');
  });

  it('leaves the API to Nest', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'HTTP.NOT_FOUND' });
    const outside = await app.inject({ method: 'GET', url: '/elsewhere' });
    expect(outside.json()).toMatchObject({ code: 'HTTP.NOT_FOUND' });
  });
});

describe('cacheControlFor', () => {
  it.each([
    'main-YE7OAVXT.js',
    'chunk-BRgVNuC7.js',
    'chunk-C-E6X0Lt.js',
    'polyfills-FFHMD2TL.js',
    'styles-5INURTSO.css',
    'media/material-symbols-outlined-URT2MO6R.woff2',
    'media/roboto-cyrillic-400-normal-6JW3Q6UL.woff',
  ])('caches %p, named after its content by the Angular builder, for good', (path) => {
    expect(cacheControlFor(path)).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    'cover-ALBUM001.jpg',
    'Inter-SemiBold.woff2',
    'favicon.svg',
    'fonts/main-YE7OAVXT.js',
    'media/band-picture.png',
    'media/covers/cover-album.jpg',
    'main.js',
    'styles-5INURTSO.js',
  ])('caches %p, whose name may stay the same across releases, briefly', (path) => {
    expect(cacheControlFor(path)).toBe('public, max-age=3600');
  });

  it('never caches a page', () => {
    expect(cacheControlFor('index.html')).toBe('no-cache');
  });
});
