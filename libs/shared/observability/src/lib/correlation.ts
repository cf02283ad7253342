import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationStore {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/**
 * Runs `fn` with `correlationId` as the current correlation id: every log line written while it
 * runs, in any async continuation, carries that id.
 */
export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** The correlation id of the request or job being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** A fresh correlation id, for work that no caller has named yet. */
export function newCorrelationId(): string {
  return randomUUID();
}

// Ids come from clients and end up in logs and headers: printable, bounded, no separators that
// could forge log fields or headers.
const ACCEPTED_CORRELATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Whether a caller-supplied correlation id is safe to adopt (1–128 of `A-Za-z0-9._:-`). */
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTED_CORRELATION_ID.test(value);
}
