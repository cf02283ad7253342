import { type ErrorCode, isErrorCode } from './error-code';

/** Media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One rejected input field of a request. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `splits.0.share`. */
  readonly field: string;
  /** Stable code of the rule that failed, e.g. `VALIDATION.IS_NOT_EMPTY`. */
  readonly code: ErrorCode;
  /** Human-readable explanation, in English. */
  readonly message: string;
}

/** An error answer: RFC 9457 problem details plus Bandstand's stable code and correlation id. */
export interface ProblemDetails {
  /** URI reference identifying the problem type; derived from `code` (see {@link problemType}). */
  readonly type: string;
  /** Short summary of the problem type; the same for every occurrence of a code. */
  readonly title: string;
  /** HTTP status code of this occurrence. */
  readonly status: number;
  /** Explanation of this occurrence, for a human. */
  readonly detail?: string;
  /** The request path this occurrence happened on. */
  readonly instance?: string;
  /** Stable machine-readable code; clients branch on this, never on `title` or `detail`. */
  readonly code: ErrorCode;
  /** The fields that were rejected, when the problem is about the request's input. */
  readonly errors?: readonly FieldError[];
  /** Id of the request, also in the `x-correlation-id` response header and in every server log line. */
  readonly correlationId: string;
}

/** The `type` URI of a problem code: a URN, so it is stable without promising a web page. */
export function problemType(code: ErrorCode): string {
  return `urn:bandstand:problem:${code}`;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['field'] === 'string' &&
    isErrorCode(candidate['code']) &&
    typeof candidate['message'] === 'string'
  );
}

/** Whether a parsed response body is a Bandstand problem; consoles use it to tell errors apart. */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const errors = candidate['errors'];
  return (
    typeof candidate['type'] === 'string' &&
    typeof candidate['title'] === 'string' &&
    typeof candidate['status'] === 'number' &&
    isErrorCode(candidate['code']) &&
    typeof candidate['correlationId'] === 'string' &&
    (errors === undefined || (Array.isArray(errors) && errors.every(isFieldError)))
  );
}
