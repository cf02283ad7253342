import { type IncomingMessage } from 'node:http';
import {
  type AppLogger,
  isAcceptableCorrelationId,
  type MetricsService,
  newCorrelationId,
  runWithCorrelation,
} from '@bandstand/shared/observability';
import { type FastifyInstance } from 'fastify';
import { pathOf } from './problem';

/** Header carrying the correlation id, in requests (optional) and in every response. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The correlation id of an incoming request: the caller's `x-correlation-id` when it is a
 * well-formed id, otherwise a new UUID. Given to Fastify as `genReqId`, so `request.id` is it.
 */
export function correlationIdFromRequest(request: Pick<IncomingMessage, 'headers'>): string {
  const offered = request.headers[CORRELATION_HEADER];
  return isAcceptableCorrelationId(offered) ? offered : newCorrelationId();
}

// Probes and scrapers call these every few seconds; logging each call would drown the rest.
const QUIET_ROUTES = new Set(['/api/health/live', '/api/health/ready', '/api/metrics']);

/** Route label of requests that matched no route, so unknown URLs do not explode metric labels. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** What the request hooks write to. */
export interface RequestHooksDependencies {
  readonly logger: AppLogger;
  readonly metrics: MetricsService;
}

/**
 * Hooks every request of a Fastify instance: runs it under its correlation id (so every log line
 * written while handling it carries the id), echoes the id in `x-correlation-id`, and when the
 * response is sent logs one line and records its duration per route.
 */
export function registerRequestHooks(
  fastify: FastifyInstance,
  { logger, metrics }: RequestHooksDependencies,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    runWithCorrelation(request.id, done);
  });
  // The body is read from the socket's own async context, which loses the correlation; the
  // handler runs after this hook, so the id is restored here.
  fastify.addHook('preValidation', (request, _reply, done) => {
    runWithCorrelation(request.id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const durationMs = reply.elapsedTime;
    metrics.observeHttpRequest({
      method: request.method,
      route,
      statusCode: reply.statusCode,
      durationSeconds: durationMs / 1000,
    });
    // The query string may carry tokens or personal data: only the path reaches the logs.
    const path = pathOf(request.url);
    const fields = {
      correlationId: request.id,
      method: request.method,
      url: path,
      route,
      statusCode: reply.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    const message = `${request.method} ${path} ${reply.statusCode}`;
    if (QUIET_ROUTES.has(route)) logger.debug(fields, message);
    else logger.info(fields, message);
    done();
  });
}
