import { type FastifyRequest } from 'fastify';

/**
 * Names the caller a request comes from (tenant and principal), so that two callers' keys never
 * meet; `undefined` when the request carries no identity. It must read what the server established
 * (an authentication guard's result), never a header the client chooses.
 */
export type IdempotencyCallerResolver = (request: FastifyRequest) => string | undefined;

/** Options of {@link IdempotencyModule.forRoot}. */
export interface IdempotencyModuleOptions {
  /** Whose keys a request uses; without it every caller of a route shares one key space. */
  readonly caller?: IdempotencyCallerResolver;
  /** How often the worker deletes expired keys; 10 minutes unless set. */
  readonly sweepIntervalMs?: number;
}

/** Injection token of the {@link IdempotencyModuleOptions}. */
export const IDEMPOTENCY_MODULE_OPTIONS = Symbol('IDEMPOTENCY_MODULE_OPTIONS');

/** How a route uses idempotency keys (see {@link Idempotent}). */
export interface IdempotentOptions {
  /** Refuse requests without a key (428): for endpoints that move money or credits. */
  readonly required?: boolean;
  /** How long a key is remembered; 24 hours unless set. */
  readonly ttlMs?: number;
  /** How long a duplicate waits for the first request with its key to finish before a 409; 2 s unless set. */
  readonly waitMs?: number;
}

/** Metadata key under which {@link Idempotent} stores its options. */
export const IDEMPOTENT_OPTIONS = 'bandstand:idempotent';
