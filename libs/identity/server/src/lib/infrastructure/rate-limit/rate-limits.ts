import { type RateLimitAction } from '../../ports/rate-limit.port';

/** At most `limit` attempts per key in any `windowMs` (a sliding window). */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** The limits of each action, per key (a client address, an e-mail digest). */
export const RATE_LIMITS: Readonly<Record<RateLimitAction, RateLimit>> = {
  'sign-in': { limit: 10, windowMs: 60_000 },
  'sign-up': { limit: 5, windowMs: 10 * 60_000 },
  'password-reset': { limit: 5, windowMs: 60 * 60_000 },
  siwe: { limit: 30, windowMs: 60_000 },
};

/** The progressive delay after failures: `firstMs`, doubled at each further failure, at most `maxMs`. */
export interface FailureDelay {
  readonly firstMs: number;
  readonly maxMs: number;
  /** How long a key's failures are remembered after its last one (a success forgets them at once). */
  readonly memoryMs: number;
}

/** 1 s, 2 s, 4 s … up to 15 minutes; failures are forgotten a day after the last one. */
export const FAILURE_DELAY: FailureDelay = {
  firstMs: 1_000,
  maxMs: 15 * 60_000,
  memoryMs: 24 * 60 * 60_000,
};
