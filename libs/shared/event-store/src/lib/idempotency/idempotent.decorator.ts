import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency.errors';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENT_OPTIONS, type IdempotentOptions } from './idempotency.options';

/**
 * Makes a command route (or every route of a controller) idempotent: a request with an
 * `Idempotency-Key` runs once, and a retry with the same key and the same request gets the first
 * answer again, marked `Idempotent-Replayed: true`. The handler's writes must go through
 * KernelDatabase (EventStore, `db.transaction`) so that they commit together with the key.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator & ClassDecorator {
  if (options.ttlMs !== undefined && !(options.ttlMs > 0)) throw new RangeError('ttlMs must be positive');
  if (options.waitMs !== undefined && !(options.waitMs >= 0))
    throw new RangeError('waitMs must not be negative');
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: options.required === true,
      description:
        'A key of your choice (a UUID) that makes retries safe: the same key with the same request returns the first answer',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );
}
