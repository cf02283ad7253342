import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  Optional,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, PROBLEM_CONTENT_TYPE } from '@bandstand/shared/contracts';
import { correlationIdOf, pathOf, problem } from '@bandstand/shared/http';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { KernelDatabase } from '../sql/kernel-database';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyKeyRequired,
  IdempotencyKeyReused,
} from './idempotency.errors';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';
import {
  IDEMPOTENCY_MODULE_OPTIONS,
  IDEMPOTENT_OPTIONS,
  type IdempotencyModuleOptions,
  type IdempotentOptions,
} from './idempotency.options';
import {
  DEFAULT_IDEMPOTENCY_TTL_MS,
  DEFAULT_IDEMPOTENCY_WAIT_MS,
  type IdempotencyScope,
  IdempotencyStore,
  type StoredResponse,
} from './idempotency-store';

type Headers = Record<string, string | readonly string[]>;

// Per-request or per-connection headers, and cookies (a session must not sit in the database).
const UNSTORED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
  'x-correlation-id',
]);

// Failures that a retry with the same key may well not repeat: they are not the request's answer.
const RETRYABLE_CODES = new Set<string>(['KERNEL.STREAM_VERSION_CONFLICT', 'KERNEL.CONCURRENT_APPEND']);

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function headersOf(reply: FastifyReply): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return headers;
}

function sameValue(
  a: string | readonly string[] | undefined,
  b: string | readonly string[] | undefined,
): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The headers the handler set or changed; those set before it (hooks, @Header) are set again on replay. */
function headersSetSince(before: Headers, reply: FastifyReply): Headers {
  const set: Headers = {};
  for (const [name, value] of Object.entries(headersOf(reply))) {
    if (!UNSTORED_HEADERS.has(name) && !sameValue(before[name], value)) set[name] = value;
  }
  return set;
}

function restoreHeaders(before: Headers, reply: FastifyReply): void {
  for (const name of Object.keys(headersSetSince(before, reply))) {
    const value = before[name];
    if (value === undefined) reply.removeHeader(name);
    else reply.header(name, typeof value === 'string' ? value : [...value]);
  }
}

function isStreaming(value: unknown): boolean {
  if (value instanceof StreamableFile || value instanceof Uint8Array) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { pipe?: unknown; getReader?: unknown };
  return typeof candidate.pipe === 'function' || typeof candidate.getReader === 'function';
}

/** The handler's result as the exact text that is sent now and on every replay. */
function successOf(value: unknown, reply: FastifyReply, before: Headers): StoredResponse {
  if (isStreaming(value)) {
    throw new Error('An @Idempotent() route must answer with JSON, text or nothing, not a stream or bytes');
  }
  const headers = headersSetSince(before, reply);
  const contentType = headers['content-type'] ?? before['content-type'];
  const body = typeof value === 'string' ? value : value === undefined ? undefined : JSON.stringify(value);
  if (body === undefined) return { status: reply.statusCode, headers, body: null };
  return {
    status: reply.statusCode,
    headers: {
      ...headers,
      'content-type': contentType ?? (typeof value === 'string' ? TEXT_TYPE : JSON_TYPE),
    },
    body,
  };
}

/** A 4xx domain error decided by the command: it is the request's answer, replayed like a success. */
function isFinalFailure(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    error.status >= 400 &&
    error.status < 500 &&
    !RETRYABLE_CODES.has(error.code)
  );
}

// The same problem the ProblemDetailsFilter makes of a DomainError, built here so that the text
// stored and the text sent are one.
function failureOf(error: DomainError, request: FastifyRequest): StoredResponse {
  const body = problem({
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: pathOf(request.url),
    correlationId: correlationIdOf(request),
    errors:
      error.field === undefined
        ? undefined
        : [{ field: error.field, code: error.code, message: error.message }],
  });
  return {
    status: error.status,
    headers: { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

function send(reply: FastifyReply, response: StoredResponse, replayed: boolean): string | undefined {
  reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) {
    reply.header(name, typeof value === 'string' ? value : [...value]);
  }
  if (replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return response.body ?? undefined;
}

/**
 * Makes a command route idempotent under the `Idempotency-Key` header (applied by {@link Idempotent}).
 * In one transaction it claims the key, runs the handler in a savepoint (its effects join the
 * transaction through KernelDatabase), stores the answer, and commits: the command and its key
 * commit together or not at all. A 4xx DomainError is stored as the answer while the handler's
 * effects roll back; anything else rolls back the key too, so the client can retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: KernelDatabase,
    private readonly store: IdempotencyStore,
    @Optional() @Inject(IDEMPOTENCY_MODULE_OPTIONS) private readonly moduleOptions?: IdempotencyModuleOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.getAllAndOverride<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType() !== 'http' || options === undefined) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (key === undefined) {
      if (options.required === true) throw new IdempotencyKeyRequired();
      return next.handle();
    }
    return from(this.execute(request, reply, key, options, next));
  }

  private async execute(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    options: IdempotentOptions,
    next: CallHandler,
  ): Promise<string | undefined> {
    const scope: IdempotencyScope = {
      caller: this.moduleOptions?.caller?.(request) ?? '',
      method: request.method,
      route: request.routeOptions.url ?? pathOf(request.url),
    };
    const fingerprint = requestFingerprint(request);
    const claimOptions = {
      ttlMs: options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS,
      waitMs: options.waitMs ?? DEFAULT_IDEMPOTENCY_WAIT_MS,
    };
    const outcome = await this.db.transaction(async () => {
      const claim = await this.store.claim(scope, key, fingerprint, claimOptions);
      if (claim.outcome === 'replay') return { response: claim.response, replayed: true };
      if (claim.outcome === 'reused') throw new IdempotencyKeyReused();
      const before = headersOf(reply);
      let response: StoredResponse;
      try {
        // next.handle() is called inside the savepoint's async context, so the handler joins it.
        const value = await this.db.transaction(() =>
          lastValueFrom<unknown, undefined>(next.handle(), { defaultValue: undefined }),
        );
        response = successOf(value, reply, before);
      } catch (error) {
        restoreHeaders(before, reply);
        if (!isFinalFailure(error)) throw error;
        response = failureOf(error, request);
      }
      await this.store.complete(scope, key, response);
      return { response, replayed: false };
    });
    return send(reply, outcome.response, outcome.replayed);
  }
}
