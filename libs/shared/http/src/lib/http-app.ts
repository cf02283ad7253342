import { type DynamicModule, type Type, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { type ApiConfig } from '@bandstand/shared/config';
import { type AppLogger, MetricsService, PinoNestLogger, ROOT_LOGGER } from '@bandstand/shared/observability';
import { ProblemDetailsFilter } from './problem-details.filter';
import { registerRawBodyParsers } from './raw-body';
import { CORRELATION_HEADER, correlationIdFromRequest, registerRequestHooks } from './request-hooks';
import { createValidationPipe } from './validation';

/** The part of the api's config the HTTP layer reads. */
export type HttpConfig = Pick<ApiConfig, 'PUBLIC_URL' | 'CORS_ORIGINS' | 'BODY_LIMIT_BYTES'>;

/** Prefix of every Nest route: REST under /api/v1, health under /api/health. */
export const API_PREFIX = 'api';

/** The part of the api's config the Fastify adapter reads; TRUST_PROXY defaults to false. */
export type FastifyAdapterConfig = Pick<ApiConfig, 'BODY_LIMIT_BYTES'> &
  Partial<Pick<ApiConfig, 'TRUST_PROXY'>>;

/**
 * The Fastify adapter of an HTTP app: request ids are correlation ids, bodies are limited to
 * BODY_LIMIT_BYTES, and the client address is taken from X-Forwarded-For only when TRUST_PROXY
 * says a proxy in front sets it (otherwise any client could spoof its address and protocol).
 */
export function createFastifyAdapter(config: FastifyAdapterConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY ?? false,
    genReqId: correlationIdFromRequest,
    logger: false,
  });
}

/**
 * The origins allowed to call the API from a browser: those listed in CORS_ORIGINS plus the
 * origin of PUBLIC_URL (the consoles the api serves itself).
 */
export function allowedOrigins(config: Pick<HttpConfig, 'PUBLIC_URL' | 'CORS_ORIGINS'>): ReadonlySet<string> {
  const origins = new Set<string>([new URL(config.PUBLIC_URL).origin]);
  for (const origin of config.CORS_ORIGINS) {
    try {
      origins.add(new URL(origin).origin);
    } catch {
      origins.add(origin);
    }
  }
  return origins;
}

/**
 * Applies Bandstand's HTTP conventions to a Nest app on the Fastify adapter (see
 * {@link createFastifyAdapter}); the app's module must import `ObservabilityModule.forRoot`.
 * Must run before `app.init()`/`listen()`.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: HttpConfig): Promise<void> {
  const logger = app.get<AppLogger>(ROOT_LOGGER);
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  registerRequestHooks(app.getHttpAdapter().getInstance(), { logger, metrics: app.get(MetricsService) });
  registerRawBodyParsers(app.getHttpAdapter().getInstance());
  const secure = new URL(config.PUBLIC_URL).protocol === 'https:';
  // Cookies carry only the refresh token (httpOnly, SameSite=Strict); they are not signed because
  // the token itself is a random secret checked against its stored hash.
  await app.register(cookie);
  await app.register(helmet, {
    // Over plain HTTP (a laptop, a test) upgrading the consoles' requests to HTTPS would break them.
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: secure ? [] : null } },
    hsts: secure,
  });
  const origins = allowedOrigins(config);
  app.enableCors({
    // A foreign origin gets no CORS headers, so browsers refuse to hand it the response.
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    credentials: true,
    exposedHeaders: [CORRELATION_HEADER],
    maxAge: 600,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(createValidationPipe());
}

/**
 * Creates a Bandstand HTTP app from its root module: Fastify, JSON logs, correlation ids, problem
 * details, validation, secure headers, CORS, /api/v1 routes, and graceful shutdown on SIGTERM and
 * SIGINT. The caller adds OpenAPI and static files, then listens.
 */
export async function createHttpApp(
  rootModule: Type | DynamicModule,
  config: HttpConfig & Pick<ApiConfig, 'TRUST_PROXY'>,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, createFastifyAdapter(config), {
    bufferLogs: true,
    // A wiring error must reach main.ts as an exception, to be logged as JSON, not end the process here.
    abortOnError: false,
  });
  await configureHttpApp(app, config);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}
