import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { currentCorrelationId } from './correlation';

/** Log levels, as LOG_LEVEL accepts them. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The structured logger every Bandstand process writes with (pino). */
export type AppLogger = Logger;

/** How a process's logger is built. */
export interface LoggerSettings {
  /** Name of the process, written on every line as `service`. */
  readonly service: string;
  readonly level: LogLevel;
  /** Human-readable colored lines instead of JSON; see {@link wantsPrettyLogs}. */
  readonly pretty?: boolean;
  /** Where lines go; standard output when absent. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/**
 * Pretty lines only for a developer watching a terminal; anything else (containers, CI, files,
 * pipes) gets one JSON object per line, which log collectors parse.
 */
export function wantsPrettyLogs(nodeEnv: string | undefined, stdoutIsTty: boolean | undefined): boolean {
  return nodeEnv === 'development' && stdoutIsTty === true;
}

/**
 * Builds the logger: one JSON line per event with `time`, `level` (as a word), `service`, `msg`,
 * the current `correlationId` and whatever context the call adds.
 */
export function createLogger(settings: LoggerSettings): AppLogger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId === undefined ? {} : { correlationId };
    },
  };
  if (settings.destination !== undefined) return pino(options, settings.destination);
  if (settings.pretty === true) {
    // pino-pretty is a development dependency: it is only loaded here, never in production.
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: {
          colorize: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'service,context',
          messageFormat: '{if context}[{context}] {end}{msg}',
        },
      },
    });
  }
  // Synchronous writes: the last lines before a crash or exit are never lost.
  return pino(options, pino.destination({ dest: 1, sync: true }));
}
