import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import {
  type ErrorCode,
  httpErrorCode,
  isErrorCode,
  PLATFORM_ERROR_CODES,
  type ProblemDetails,
} from '@bandstand/shared/contracts';
import { type AppLogger, currentCorrelationId, newCorrelationId } from '@bandstand/shared/observability';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { pathOf, problem, sendProblem } from './problem';
import { ValidationFailedException } from './validation';

/** The correlation id of a request: Fastify's request id, which the app derives from `x-correlation-id`. */
export function correlationIdOf(request: Pick<FastifyRequest, 'id'> | undefined): string {
  if (typeof request?.id === 'string' && request.id.length > 0) return request.id;
  return currentCorrelationId() ?? newCorrelationId();
}

function detailOf(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

function explicitCodeOf(exception: HttpException): ErrorCode | undefined {
  const response = exception.getResponse();
  if (typeof response !== 'object') return undefined;
  const code = (response as { code?: unknown }).code;
  return isErrorCode(code) ? code : undefined;
}

/**
 * The one place errors become HTTP answers: every error leaves as `application/problem+json` with
 * a stable `code` and the request's correlation id. Domain errors keep their code, status and
 * field; validation failures name each field; anything unexpected is a 500 whose details stay in
 * the server log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest | undefined>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = correlationIdOf(request);
    const body = this.toProblem(
      exception,
      correlationId,
      request === undefined ? undefined : pathOf(request.url),
    );
    if (body.status >= 500) {
      this.logger.error(
        { err: exception, correlationId, method: request?.method, url: request?.url, code: body.code },
        `${request?.method ?? 'request'} ${request?.url ?? ''} failed: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    }
    if (reply.sent) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      reply.header('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    sendProblem(reply, body);
  }

  private toProblem(exception: unknown, correlationId: string, instance: string | undefined): ProblemDetails {
    if (exception instanceof DomainError) {
      return problem({
        status: exception.status,
        code: exception.code,
        detail: exception.message,
        instance,
        correlationId,
        errors:
          exception.fieldErrors ??
          (exception.field === undefined
            ? undefined
            : [{ field: exception.field, code: exception.code, message: exception.message }]),
      });
    }
    if (exception instanceof ValidationFailedException) {
      return problem({
        status: exception.getStatus(),
        code: PLATFORM_ERROR_CODES.validationFailed,
        detail: exception.message,
        instance,
        correlationId,
        errors: exception.fieldErrors,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = explicitCodeOf(exception) ?? httpErrorCode(status);
      return problem({ status, code, detail: detailOf(exception), instance, correlationId });
    }
    return problem({
      status: 500,
      code: PLATFORM_ERROR_CODES.unexpected,
      detail: `Something went wrong on our side. Quote correlation id ${correlationId} when you report it.`,
      instance,
      correlationId,
    });
  }
}
