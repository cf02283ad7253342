/** Timings of the jobs area; the defaults suit production, tests shorten them. */
export interface JobsSettings {
  /** How long the dispatcher sleeps when no commit is announced before it looks anyway (ms). */
  readonly dispatchPollMs: number;
  /** Outbox rows handed to BullMQ per transaction. */
  readonly dispatchBatchSize: number;
  /** How often the reconciler checks that Redis still holds the jobs' data (ms). */
  readonly redisCheckMs: number;
  /** How often the reconciler compares every unfinished job with BullMQ, whatever happened (ms). */
  readonly sweepMs: number;
  /** How long a running job's claim lasts in PostgreSQL; renewed while the job runs (ms). */
  readonly runLeaseMs: number;
  /** How long a second delivery of a job that is running elsewhere waits before it looks again (ms). */
  readonly busyRecheckMs: number;
  /** The longest one call to Redis may take before the dispatcher or reconciler gives up on it (ms). */
  readonly redisTimeoutMs: number;
}

/** Injection token of the {@link JobsSettings}; {@link DEFAULT_JOBS_SETTINGS} when not provided. */
export const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');

/** The timings used unless a process provides its own. */
export const DEFAULT_JOBS_SETTINGS: JobsSettings = Object.freeze({
  dispatchPollMs: 1_000,
  dispatchBatchSize: 100,
  redisCheckMs: 5_000,
  sweepMs: 5 * 60_000,
  runLeaseMs: 30_000,
  busyRecheckMs: 1_000,
  redisTimeoutMs: 10_000,
});
