import { type BackoffOptions, type DefaultJobOptions } from 'bullmq';
import { defineQueue, type QueueDefinition } from './queue-definition';

declare const jobData: unique symbol;

/**
 * A kind of job and the queue that runs it, declared once next to its processor: the code that
 * schedules the job and the processor that runs it read the same constant, data type included.
 */
export interface JobDefinition<Data = unknown> extends QueueDefinition {
  /** Runs of one job before it fails for good, the first one included. */
  readonly attempts: number;
  /** Delay between runs after a failure. */
  readonly backoff: Readonly<BackoffOptions>;
  /** Jobs of this queue that one worker process runs at the same time. */
  readonly concurrency: number;
  /** Never set at run time: carries the type of the job's data to the scheduler and the processor. */
  readonly [jobData]?: Data;
}

/** What {@link defineJob} reads; everything but the name has a default. */
export interface JobDefinitionOptions {
  /** The queue's name, prefixed by its context: `royalties.statements`. */
  readonly name: string;
  /** Default 3. */
  readonly attempts?: number;
  /** Default exponential from 1 s: 1 s, 2 s, 4 s… */
  readonly backoff?: BackoffOptions;
  /** Default 1. */
  readonly concurrency?: number;
  /** How long BullMQ keeps finished jobs; bounded by default (see {@link defineQueue}). */
  readonly retention?: Pick<DefaultJobOptions, 'removeOnComplete' | 'removeOnFail'>;
}

/** Retries of a job that does not say otherwise: 1 s, then 2 s. */
export const DEFAULT_JOB_BACKOFF: Readonly<BackoffOptions> = Object.freeze({
  type: 'exponential',
  delay: 1_000,
});

function positiveInteger(value: number, what: string, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Job "${name}": ${what} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

/**
 * Declares a job and its queue, next to its processor:
 *
 *     export const statementJob = defineJob<{ payeeId: string; period: string }>({
 *       name: 'royalties.statements',
 *       attempts: 5,
 *       concurrency: 2,
 *     });
 *
 * The definition is also a {@link QueueDefinition} (attempts and backoff in its default job
 * options), so `registerQueues(statementJob)` works for code that injects the queue itself.
 */
export function defineJob<Data>(options: JobDefinitionOptions): JobDefinition<Data> {
  const attempts = positiveInteger(options.attempts ?? 3, 'attempts', options.name);
  const concurrency = positiveInteger(options.concurrency ?? 1, 'concurrency', options.name);
  const backoff = Object.freeze({ ...(options.backoff ?? DEFAULT_JOB_BACKOFF) });
  if (backoff.delay !== undefined && (!Number.isFinite(backoff.delay) || backoff.delay < 0)) {
    throw new Error(`Job "${options.name}": backoff delay must be at least 0 ms, got ${backoff.delay}`);
  }
  // An option given as undefined would hide defineQueue's bounded retention.
  const retention = Object.fromEntries(
    Object.entries(options.retention ?? {}).filter(([, value]) => value !== undefined),
  );
  const queue = defineQueue({
    name: options.name,
    defaultJobOptions: { ...retention, attempts, backoff: { ...backoff } },
  });
  return Object.freeze({ ...queue, attempts, backoff, concurrency });
}
