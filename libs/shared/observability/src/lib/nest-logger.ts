import { type LoggerService } from '@nestjs/common';
import { type AppLogger } from './logger';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const STACK_LINE = /\n\s+at /;

/**
 * Nest's own log calls (bootstrap, route mapping, Logger instances in our code) written through
 * pino, so a process prints JSON and nothing else. Nest passes the context (a class name) as the
 * last string argument, and a stack trace before it for errors.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  private write(level: Level, message: unknown, optionalParams: readonly unknown[]): void {
    const params = [...optionalParams];
    const fields: Record<string, unknown> = {};
    const last = params.at(-1);
    if (typeof last === 'string' && !STACK_LINE.test(last)) {
      fields['context'] = last;
      params.pop();
    }
    for (const param of params) {
      if (typeof param === 'string' && STACK_LINE.test(param)) fields['stack'] = param;
      else if (param instanceof Error) fields['err'] = param;
      else if (param !== undefined) fields['details'] = param;
    }
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'string') {
      this.logger[level](fields, message);
    } else {
      this.logger[level]({ ...fields, details: message }, 'log entry');
    }
  }
}
