import { STATUS_CODES } from 'node:http';
import {
  type ErrorCode,
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  problemType,
} from '@bandstand/shared/contracts';
import { type FastifyReply } from 'fastify';

/** What varies between two problems; the rest is derived. */
export interface ProblemInput {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  readonly correlationId: string;
}

/** A complete RFC 9457 problem, its title taken from the HTTP status. */
export function problem(input: ProblemInput): ProblemDetails {
  return {
    type: problemType(input.code),
    title: STATUS_CODES[input.status] ?? 'Error',
    status: input.status,
    ...(input.detail === undefined ? {} : { detail: input.detail }),
    ...(input.instance === undefined ? {} : { instance: input.instance }),
    code: input.code,
    ...(input.errors === undefined || input.errors.length === 0 ? {} : { errors: input.errors }),
    correlationId: input.correlationId,
  };
}

/** Sends a problem as `application/problem+json`; never cached. */
export function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  return reply
    .status(body.status)
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));
}

/** The path of a request URL without its query, for a problem's `instance`. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
