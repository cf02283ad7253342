import { type DestinationStream } from 'pino';
import { type LogLevel } from './logger';

/** How a process wires logging, metrics and dependency monitoring. */
export interface ObservabilityOptions {
  /** Name of the process (`api`, `worker`), on every log line and metric. */
  readonly service: string;
  readonly level: LogLevel;
  /** NODE_ENV; `development` on a terminal switches to pretty logs. */
  readonly nodeEnv?: string;
  /** How often the dependency checks run (DEPENDENCY_RETRY_MS); 2000 ms when absent. */
  readonly dependencyRetryMs?: number;
  /** How long one dependency check may take before it counts as down; 3000 ms when absent. */
  readonly dependencyTimeoutMs?: number;
  /** Where log lines go instead of standard output (tests). */
  readonly destination?: DestinationStream;
}

/** Injection token of the {@link ObservabilityOptions} given to `ObservabilityModule.forRoot`. */
export const OBSERVABILITY_OPTIONS = Symbol.for('bandstand.observability-options');

/** Injection token of the process's root pino logger. */
export const ROOT_LOGGER = Symbol.for('bandstand.logger');
