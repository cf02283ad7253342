/** Jobs of one queue in the kernel's job outbox (PostgreSQL) that are not completed. */
export interface OutboxJobCounts {
  /** Scheduled, not yet handed to BullMQ. */
  readonly pending: number;
  /** Handed to BullMQ, not finished. */
  readonly dispatched: number;
  /** Failed after their last attempt. */
  readonly failed: number;
  /** ISO 8601 time the oldest pending job was scheduled; null when none is pending. */
  readonly oldestPendingAt: string | null;
}

/**
 * How deep one job queue is, for the operational view: BullMQ's counts by state (what Redis holds)
 * and the job outbox's (what PostgreSQL holds, scheduled but not yet handed over or not finished).
 */
export interface QueueDepth {
  /** The queue's name, e.g. `royalties.statements`. */
  readonly queue: string;
  /** Ready to run, prioritized ones included. */
  readonly waiting: number;
  readonly active: number;
  /** Scheduled for later, or backing off before a retry. */
  readonly delayed: number;
  /** Failed for good and still kept by BullMQ. */
  readonly failed: number;
  /** Completed and still kept by BullMQ (its retention is bounded). */
  readonly completed: number;
  /** Ready jobs held while the queue is paused (`waiting` is then 0). */
  readonly paused: number;
  readonly outbox: OutboxJobCounts;
}
