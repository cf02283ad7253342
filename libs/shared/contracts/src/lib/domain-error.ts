import { type ErrorCode } from './error-code';
import { type FieldError } from './problem-details';

/** What a {@link DomainError} says about itself besides its message. */
export interface DomainErrorOptions {
  /** HTTP status the one exception filter answers with; 422 when absent. */
  readonly status?: number;
  /** The input field the error is about, reported in the problem's `errors`. */
  readonly field?: string;
  readonly cause?: unknown;
  /** Seconds after which a retry may succeed, sent as the Retry-After header (429, 503). */
  readonly retryAfterSeconds?: number;
  /** Several rejected fields at once (a whole draft, an import); reported instead of `field`. */
  readonly errors?: readonly FieldError[];
}

/**
 * Base of every error a bounded context raises on purpose: a stable `code`
 * (`ROYALTIES.SPLITS_NOT_100_PERCENT`), the HTTP status it maps to and, optionally, the field it is
 * about. The message is shown to the client as the problem's `detail`, so it must not contain
 * secrets or internals. Contexts extend it:
 *
 *     export class SplitsNot100Percent extends DomainError {
 *       constructor(total: string) {
 *         super('ROYALTIES.SPLITS_NOT_100_PERCENT', `The shares add up to ${total}%, not 100%`, { field: 'shares' });
 *       }
 *     }
 */
export class DomainError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Every rejected field, when the error is about several; see {@link DomainErrorOptions.errors}. */
  readonly fieldErrors: readonly FieldError[] | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status ?? 422;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fieldErrors = options.errors;
  }
}
