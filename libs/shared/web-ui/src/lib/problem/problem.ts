import { HttpErrorResponse } from '@angular/common/http';
import {
  type ErrorCode,
  httpErrorCode,
  isProblemDetails,
  type ProblemDetails,
  problemType,
} from '@bandstand/shared/contracts';

/**
 * A problem to show the user: the api's problem details, or one the console describes itself for a
 * failure that never got a problem body (the network was down, a proxy answered). Only the api's
 * problems carry a correlation id.
 */
export type ShownProblem = Omit<ProblemDetails, 'correlationId'> & { readonly correlationId?: string };

function clientProblem(
  code: ErrorCode,
  title: string,
  status: number,
  detail: string,
  correlationId?: string,
): ShownProblem {
  return {
    type: problemType(code),
    code,
    title,
    status,
    detail,
    ...(correlationId ? { correlationId } : {}),
  };
}

/**
 * Turns whatever a failed request produced into a problem to show: the server's problem+json
 * when there is one, otherwise a problem that says honestly what happened on the client side.
 */
export function problemFromError(error: unknown): ShownProblem {
  if (error instanceof HttpErrorResponse) {
    if (isProblemDetails(error.error)) return error.error;
    const correlationId = error.headers.get('x-correlation-id') ?? undefined;
    if (error.status === 0) {
      return clientProblem(
        'HTTP.NETWORK_ERROR',
        'The server could not be reached',
        0,
        'The request got no answer: check the connection, or whether the Bandstand api is running.',
        correlationId,
      );
    }
    return clientProblem(
      httpErrorCode(error.status),
      error.statusText || `Request failed with status ${error.status}`,
      error.status,
      `${error.url ?? 'The request'} answered ${error.status} without a problem description.`,
      correlationId,
    );
  }
  if (isProblemDetails(error)) return error;
  return clientProblem(
    'CLIENT.UNEXPECTED',
    'Something went wrong in the page',
    0,
    error instanceof Error ? error.message : String(error),
  );
}
