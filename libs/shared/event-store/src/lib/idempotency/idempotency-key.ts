import { createHash } from 'node:crypto';
import { canonicalJson } from '../store/canonical-json';
import { IdempotencyKeyInvalid } from './idempotency.errors';

const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;

/**
 * The idempotency key a request carries, `undefined` when it carries none. Throws
 * {@link IdempotencyKeyInvalid} for anything but 1–255 visible ASCII characters: an empty value, a
 * repeated header (joined with ", "), spaces or non-ASCII text.
 */
export function idempotencyKeyOf(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !VISIBLE_ASCII.test(header)) throw new IdempotencyKeyInvalid();
  return header;
}

/** What identifies a request for replay: method, path with query, and the body as canonical JSON. */
export interface FingerprintedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/**
 * sha256 of the method, the URL (path and query) and the body as canonical JSON, so that the same
 * request with its JSON keys in another order is still the same request, and the same key sent to
 * another resource or with another body is not.
 */
export function requestFingerprint(request: FingerprintedRequest): Buffer {
  return createHash('sha256')
    .update(request.method.toUpperCase())
    .update('\n')
    .update(request.url)
    .update('\n')
    .update(canonicalJson(request.body ?? null))
    .digest();
}
