import { type DecisionContext } from './decider';

/** The instant a {@link fixedDecisionContext} reports unless told otherwise. */
export const FIXED_NOW_ISO = '2026-01-01T00:00:00.000Z';

/**
 * The n-th id (from 1) of {@link sequentialIds}: UUID-shaped (version 4, RFC variant) so that code
 * validating UUIDs accepts it, and readable in expectations: `sequentialId(2)` is
 * `00000000-0000-4000-8000-000000000002`.
 */
export function sequentialId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Sequential id ${n} is not a whole number ≥ 0`);
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** An id source that hands out {@link sequentialId}(first), (first + 1), … */
export function sequentialIds(first = 1): () => string {
  let next = first;
  return () => sequentialId(next++);
}

/** Options of {@link fixedDecisionContext}. */
export interface FixedDecisionContextOptions {
  /** The time every decision sees; {@link FIXED_NOW_ISO} by default. */
  readonly now?: Date | string;
  /** The number of the first id handed out (default 1). */
  readonly firstId?: number;
}

/**
 * A decision context for tests: a fixed clock and sequential ids, so that decided events are fully
 * predictable. Each call starts its own id sequence.
 */
export function fixedDecisionContext(options: FixedDecisionContextOptions = {}): DecisionContext {
  const now = new Date(options.now ?? FIXED_NOW_ISO);
  if (Number.isNaN(now.getTime())) throw new RangeError(`"${String(options.now)}" is not a valid instant`);
  const newId = sequentialIds(options.firstId);
  return {
    // A fresh Date each time, so that a decider mutating it cannot change what later decisions see.
    get now() {
      return new Date(now.getTime());
    },
    newId,
  };
}
