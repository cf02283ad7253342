import { DiscoveryService } from '@nestjs/core';
import { type KernelTransaction } from '../sql/kernel-database';
import { type StoredEvent } from '../store/event';

/** What a subscriber does with an event that keeps failing. */
export interface PoisonPolicy {
  /** Attempts before the policy's outcome applies (default 5). */
  readonly maxAttempts?: number;
  /** First retry delay, doubled on each attempt (default 100 ms). */
  readonly backoffMs?: number;
  /**
   * `park` records the event with its error in kernel.parked_events and goes on with the next one;
   * `stop` halts the subscriber with the error visible until an operator resumes it (the default for
   * projections whose rows must never miss an event).
   */
  readonly whenExhausted?: 'park' | 'stop';
}

/** Settings of an asynchronous subscriber to the global log. */
export interface SubscriberOptions {
  /** Unique, stable name: `<context>.<what>`, e.g. `catalog.release-list`. */
  readonly name: string;
  /** Bump it when the handler's output changes: a projection is then rebuilt from the start. */
  readonly version: number;
  /** Event types it handles; the checkpoint still moves past the others. All types when absent. */
  readonly eventTypes?: readonly string[];
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  readonly poison?: PoisonPolicy;
}

/**
 * An asynchronous projection: builds read models from events, in a transaction that also moves its
 * checkpoint, so that each event's effect is committed exactly once. It can be rebuilt: `truncate`
 * empties its rows and the runner replays the log from the start.
 */
export interface AsyncProjectionHandler {
  handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void>;
  truncate(tx: KernelTransaction): Promise<void>;
}

/**
 * A processor: reacts to (integration) events by executing commands, typically in another context.
 * The command runs inside the transaction that moves the processor's checkpoint (the command path
 * joins it), so each event causes its command exactly once.
 */
export interface ProcessorHandler {
  handle(event: StoredEvent, tx: KernelTransaction): Promise<void>;
}

/**
 * An inline projection: runs inside the appending command's transaction, so its rows are consistent
 * with the events the moment the command returns. For read models a command itself needs.
 */
export interface InlineProjectionHandler {
  handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void>;
  truncate(tx: KernelTransaction): Promise<void>;
}

/** Options of an inline projection. */
export interface InlineProjectionOptions {
  readonly name: string;
  readonly eventTypes?: readonly string[];
}

/** Marks a provider as an asynchronous projection run by the worker's subscription runner. */
export const AsyncProjection = DiscoveryService.createDecorator<SubscriberOptions>();
/** Marks a provider as a processor run by the worker's subscription runner. */
export const Processor = DiscoveryService.createDecorator<SubscriberOptions>();
/** Marks a provider as an inline projection run by the command path. */
export const InlineProjection = DiscoveryService.createDecorator<InlineProjectionOptions>();
