import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type TestingModule } from '@nestjs/testing';
import {
  configureHttpApp,
  createFastifyAdapter,
  type FastifyAdapterConfig,
  type HttpConfig,
} from '../http-app';

/**
 * Serves a compiled testing module over Fastify with Bandstand's HTTP conventions (as the api does)
 * and waits until the routes are ready to be injected.
 */
export async function startTestHttpApp(
  moduleRef: TestingModule,
  config: HttpConfig & FastifyAdapterConfig,
): Promise<NestFastifyApplication> {
  const http = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureHttpApp(http, config);
  await http.init();
  await http.getHttpAdapter().getInstance().ready();
  return http;
}
