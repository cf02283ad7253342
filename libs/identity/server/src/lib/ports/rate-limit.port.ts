/** The rate-limited actions, each with its own limits (infrastructure/rate-limit). */
export type RateLimitAction = 'sign-in' | 'sign-up' | 'password-reset' | 'siwe';

/**
 * Limits kept in Redis so they hold across api replicas. `consume` counts an attempt against
 * every key given (client address, e-mail...) and throws RateLimited (429 with Retry-After) when
 * one is over its limit or still inside the delay its failures earned.
 */
export interface RateLimiter {
  consume(action: RateLimitAction, keys: readonly string[]): Promise<void>;
  /** A failed attempt (wrong password): each further failure doubles the wait before the next try. */
  recordFailure(action: RateLimitAction, keys: readonly string[]): Promise<void>;
  /** A success clears the failures of these keys. */
  clearFailures(action: RateLimitAction, keys: readonly string[]): Promise<void>;
}
export const RATE_LIMITER = Symbol('RATE_LIMITER');
