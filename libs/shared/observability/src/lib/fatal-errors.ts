import { type AppLogger } from './logger';

/** Removes what {@link handleFatalErrors} installed. */
export type FatalErrorsHandle = () => void;

function summarize(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Logs an uncaught exception or unhandled rejection as one fatal JSON line (with the stack in
 * `err`) and ends the process with status 1, as Node would, instead of Node's multi-line print
 * that log collectors cannot parse. The orchestrator restarts the process.
 */
export function handleFatalErrors(
  logger: AppLogger,
  exit: (code: number) => void = (code) => process.exit(code),
): FatalErrorsHandle {
  const onException = (error: unknown): void => {
    logger.fatal({ err: error }, `Uncaught exception, stopping: ${summarize(error)}`);
    exit(1);
  };
  const onRejection = (reason: unknown): void => {
    logger.fatal({ err: reason }, `Unhandled promise rejection, stopping: ${summarize(reason)}`);
    exit(1);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
