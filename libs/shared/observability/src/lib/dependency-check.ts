/**
 * A backing service the process needs (PostgreSQL, Redis). Readiness endpoints run every registered
 * check; `check` resolves when the service answers and rejects with an error whose message says
 * what is unreachable and how to provide it.
 */
export interface DependencyCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Injection token for the list of DependencyChecks a process composes in its root module. */
export const DEPENDENCY_CHECKS = Symbol.for('bandstand.dependency-checks');

/** Network error codes that mean a server could not be reached at all (as opposed to refusing us). */
export const UNREACHABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
]);
