import { type JobsOptions } from 'bullmq';

/** The BullMQ options an outbox row carries: the definition's, as they were when the job was scheduled. */
export type OutboxJobOptions = Pick<
  JobsOptions,
  'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail' | 'priority'
>;

/** A job as kernel.job_outbox holds it, ready to be handed (again) to BullMQ. */
export interface OutboxJob {
  /** The row's id: dispatch order. */
  readonly id: string;
  readonly queue: string;
  readonly jobId: string;
  readonly jobName: string;
  readonly data: unknown;
  readonly options: OutboxJobOptions;
  /** How long BullMQ should still hold the job back (its `runAt` minus now, never below 0). */
  readonly delayMs: number;
}

/** The columns {@link toOutboxJob} reads, with the delay computed by PostgreSQL's clock. */
export const OUTBOX_JOB_COLUMNS = `id, queue, job_id, job_name, data, options,
  coalesce(greatest(0, ceil(extract(epoch from run_at - now()) * 1000)), 0)::float8 as delay_ms`;

/** A row selected with {@link OUTBOX_JOB_COLUMNS}. */
export interface OutboxJobRow {
  readonly id: string;
  readonly queue: string;
  readonly job_id: string;
  readonly job_name: string;
  readonly data: unknown;
  readonly options: OutboxJobOptions;
  readonly delay_ms: number;
}

/** Maps a row selected with {@link OUTBOX_JOB_COLUMNS}. */
export function toOutboxJob(row: OutboxJobRow): OutboxJob {
  return {
    id: String(row.id),
    queue: row.queue,
    jobId: row.job_id,
    jobName: row.job_name,
    data: row.data,
    options: row.options,
    delayMs: Number(row.delay_ms),
  };
}
