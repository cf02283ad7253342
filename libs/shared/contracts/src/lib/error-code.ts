/**
 * A stable, machine-readable error code: `<AREA>.<REASON>` in upper snake case, for example
 * `ROYALTIES.SPLITS_NOT_100_PERCENT`. The area is a bounded context (`ROYALTIES`) or a platform
 * concern (`HTTP`, `VALIDATION`, `INTERNAL`, `HEALTH`). Codes are part of the API: once published,
 * one is never renamed or reused for another meaning.
 */
export type ErrorCode = `${Uppercase<string>}.${Uppercase<string>}`;

const ERROR_CODE = /^[A-Z][A-Z0-9_]*\.[A-Z0-9][A-Z0-9_]*$/;

/** Whether `value` follows the `<AREA>.<REASON>` convention of {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODE.test(value);
}

/** Codes of the HTTP layer, shared by every process that answers HTTP. */
export const HTTP_ERROR_CODES = {
  400: 'HTTP.BAD_REQUEST',
  401: 'HTTP.UNAUTHORIZED',
  403: 'HTTP.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  406: 'HTTP.NOT_ACCEPTABLE',
  408: 'HTTP.REQUEST_TIMEOUT',
  409: 'HTTP.CONFLICT',
  410: 'HTTP.GONE',
  411: 'HTTP.LENGTH_REQUIRED',
  412: 'HTTP.PRECONDITION_FAILED',
  413: 'HTTP.PAYLOAD_TOO_LARGE',
  414: 'HTTP.URI_TOO_LONG',
  415: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  416: 'HTTP.RANGE_NOT_SATISFIABLE',
  422: 'HTTP.UNPROCESSABLE_CONTENT',
  428: 'HTTP.PRECONDITION_REQUIRED',
  429: 'HTTP.TOO_MANY_REQUESTS',
  431: 'HTTP.REQUEST_HEADER_FIELDS_TOO_LARGE',
  501: 'HTTP.NOT_IMPLEMENTED',
  502: 'HTTP.BAD_GATEWAY',
  503: 'HTTP.SERVICE_UNAVAILABLE',
  504: 'HTTP.GATEWAY_TIMEOUT',
} as const satisfies Record<number, ErrorCode>;

/** Codes that are not tied to one HTTP status. */
export const PLATFORM_ERROR_CODES = {
  /** A request body or query failed validation; `errors` names each field. */
  validationFailed: 'VALIDATION.FAILED',
  /** Anything the server did not expect; details are only in the server log, under the correlation id. */
  unexpected: 'INTERNAL.UNEXPECTED',
  /** A 4xx status without a more specific code. */
  clientError: 'HTTP.CLIENT_ERROR',
} as const satisfies Record<string, ErrorCode>;

/** The code for an HTTP status without a more specific domain code. */
export function httpErrorCode(status: number): ErrorCode {
  const known = (HTTP_ERROR_CODES as Readonly<Record<number, ErrorCode>>)[status];
  if (known !== undefined) return known;
  return status >= 500 ? PLATFORM_ERROR_CODES.unexpected : PLATFORM_ERROR_CODES.clientError;
}
