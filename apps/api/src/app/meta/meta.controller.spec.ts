import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type ServiceMeta } from '@bandstand/shared/contracts';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { MetaController } from './meta.controller';

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'api', level: 'warn', destination: new MemoryLogDestination() }),
  ],
  controllers: [MetaController],
})
class MetaTestModule {}

describe('GET /api/v1/meta', () => {
  let app: NestFastifyApplication;
  const config = { PUBLIC_URL: 'http://localhost:3000', CORS_ORIGINS: [], BODY_LIMIT_BYTES: 1024 };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [MetaTestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config));
    await configureHttpApp(app, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('says which service, release and Node.js version answer, and for how long', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(response.statusCode).toBe(200);
    const meta = response.json<ServiceMeta>();
    // Unbundled code has no build-time version; the bundle's is checked by the api's e2e tests.
    expect(meta).toEqual({
      service: 'api',
      version: '0.0.0-development',
      node: process.version,
      uptimeSeconds: expect.any(Number) as unknown,
    });
    expect(meta.uptimeSeconds).toBeGreaterThan(0);
  });

  it('is only served under its version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/meta' });
    expect(response.statusCode).toBe(404);
  });
});
