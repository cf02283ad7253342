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
