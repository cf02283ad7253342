/** Whether a process or one of its dependencies is usable. */
export type HealthStatus = 'up' | 'down';

/** The state of one backing service (PostgreSQL, Redis) as last checked. */
export interface DependencyHealth {
  /** Short stable name, e.g. `postgres`, `redis`. */
  readonly name: string;
  readonly status: HealthStatus;
  /** When down: what is unreachable and how to provide it. */
  readonly message?: string;
  /** How long the check took, in milliseconds. */
  readonly latencyMs?: number;
}

/** Readiness of a process: `up` only when every dependency is up. */
export interface HealthReport {
  readonly status: HealthStatus;
  /** The process that answered, e.g. `api`. */
  readonly service: string;
  /** ISO 8601 time of the checks. */
  readonly checkedAt: string;
  readonly dependencies: readonly DependencyHealth[];
}

/** Liveness of a process: it answers, whatever its dependencies do. */
export interface LivenessReport {
  readonly status: 'up';
  readonly service: string;
  readonly uptimeSeconds: number;
}

/** Combines dependency results into a report: down as soon as one dependency is down. */
export function healthReport(
  service: string,
  checkedAt: Date,
  dependencies: readonly DependencyHealth[],
): HealthReport {
  const status: HealthStatus = dependencies.every((dependency) => dependency.status === 'up') ? 'up' : 'down';
  return { status, service, checkedAt: checkedAt.toISOString(), dependencies };
}
