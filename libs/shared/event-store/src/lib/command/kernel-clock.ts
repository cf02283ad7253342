import { randomUUID } from 'node:crypto';

/** Where the command path takes the time and the fresh ids it passes to `decide`. */
export interface KernelClock {
  now(): Date;
  newId(): string;
}

/** Injection token of the {@link KernelClock}; tests override it with a fixed one. */
export const KERNEL_CLOCK = Symbol('KERNEL_CLOCK');

/** The real clock and random UUIDs. */
export const systemClock: KernelClock = {
  now: () => new Date(),
  newId: () => randomUUID(),
};

/**
 * The clock the process's command path starts with (`KernelModule.forRoot(…, { clock })`): the
 * system clock unless a composition root chooses another (the demo seed travels in time with it).
 */
export const KERNEL_CLOCK_SOURCE = Symbol('KERNEL_CLOCK_SOURCE');
