import { FIXED_NOW_ISO, sequentialIds } from '@bandstand/shared/domain';
import { type KernelClock } from '../command/kernel-clock';

/** Options of {@link fixedKernelClock}. */
export interface FixedKernelClockOptions {
  /** The time the clock starts at; {@link FIXED_NOW_ISO} by default. */
  readonly now?: Date | string;
  /** Milliseconds the clock moves on after each reading (default 0: it stands still). */
  readonly stepMs?: number;
  /** The number of the first sequential id (default 1). */
  readonly firstId?: number;
}

/**
 * A kernel clock for tests: a fixed (or evenly stepping) time and UUID-shaped sequential ids, as the
 * decider specifications' `fixedDecisionContext`. Override `KERNEL_CLOCK` with it.
 */
export function fixedKernelClock(options: FixedKernelClockOptions = {}): KernelClock {
  let time = new Date(options.now ?? FIXED_NOW_ISO).getTime();
  if (Number.isNaN(time)) throw new RangeError(`"${String(options.now)}" is not a valid instant`);
  const step = options.stepMs ?? 0;
  return {
    now: () => {
      const now = new Date(time);
      time += step;
      return now;
    },
    newId: sequentialIds(options.firstId),
  };
}
