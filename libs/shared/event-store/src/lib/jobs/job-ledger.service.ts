import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Job } from 'bullmq';
import { KernelDatabase, type KernelTransaction } from '../sql/kernel-database';
import { JobAlreadyCompleted, JobRunSuperseded } from './jobs.errors';
import { DEFAULT_JOBS_SETTINGS, JOBS_SETTINGS, type JobsSettings } from './jobs.settings';
import { type OutboxJobOptions } from './outbox-job';

/** The job a run is about: its queue and id. */
export interface JobKey {
  readonly queue: string;
  readonly jobId: string;
}

/** What {@link JobLedger.begin} decided for one delivery of a job. */
export type RunStart =
  /** The run holds the job until it finishes or its claim lapses. */
  | { readonly kind: 'started'; readonly attempt: number }
  /** The job finished earlier: acknowledge the delivery without running it. */
  | { readonly kind: 'completed'; readonly result: unknown }
  /** Another run holds the job now: look again after `retryInMs`. */
  | { readonly kind: 'busy'; readonly retryInMs: number };

const MAX_ERROR_LENGTH = 4_000;

/** An error as it is kept in the outbox: its message, bounded. */
export function describeJobError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function leaseParam(ms: number): string {
  return `${Math.max(1, Math.round(ms))} milliseconds`;
}

/**
 * The worker side of kernel.job_outbox: every run of a job claims its row, renews the claim while
 * it works, and records how it ended. The row, not BullMQ, says whether a job is done, so a job
 * that BullMQ delivers again (after Redis lost it, after its retention, after a stalled worker)
 * does nothing twice.
 */
@Injectable()
export class JobLedger {
  private readonly settings: JobsSettings;

  constructor(
    private readonly db: KernelDatabase,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    this.settings = settings ?? DEFAULT_JOBS_SETTINGS;
  }

  /**
   * Claims the job for the run `runToken`: counts the attempt, unless the job is completed or
   * another run's claim is still alive. A job unknown to the outbox (added to BullMQ directly, with
   * an id of its own) is adopted, so that it is recorded like the others.
   */
  async begin(
    job: Pick<Job, 'queueName' | 'id' | 'name' | 'data' | 'opts'>,
    runToken: string,
  ): Promise<RunStart> {
    const key = keyOf(job);
    for (let round = 0; round < 3; round += 1) {
      const claimed = await this.db.queryOnPool<{ attempts: number }>(
        `update kernel.job_outbox
            set attempts = attempts + 1,
                status = 'dispatched',
                run_token = $3,
                run_expires_at = now() + $4::interval,
                started_at = now(),
                finished_at = null,
                updated_at = now()
          where queue = $1 and job_id = $2 and status <> 'completed'
            and (run_expires_at is null or run_expires_at < now())
          returning attempts`,
        [key.queue, key.jobId, runToken, leaseParam(this.settings.runLeaseMs)],
      );
      const attempt = claimed[0]?.attempts;
      if (attempt !== undefined) return { kind: 'started', attempt };

      const [row] = await this.db.queryOnPool<{
        status: string;
        result: unknown;
        remaining_ms: number | null;
      }>(
        `select status, result,
                ceil(extract(epoch from run_expires_at - now()) * 1000)::float8 as remaining_ms
           from kernel.job_outbox where queue = $1 and job_id = $2`,
        [key.queue, key.jobId],
      );
      if (row === undefined) {
        await this.adopt(job, key);
        continue;
      }
      if (row.status === 'completed') return { kind: 'completed', result: row.result };
      const remaining = Number(row.remaining_ms ?? 0);
      if (remaining > 0) {
        return { kind: 'busy', retryInMs: Math.max(50, Math.min(remaining, this.settings.busyRecheckMs)) };
      }
      // The other claim lapsed between the two statements: try to take it.
    }
    return { kind: 'busy', retryInMs: this.settings.busyRecheckMs };
  }

  /** Extends the run's claim; false when the run no longer holds the job. */
  async renew(key: JobKey, runToken: string): Promise<boolean> {
    const rows = await this.db.queryOnPool(
      `update kernel.job_outbox set run_expires_at = now() + $4::interval
        where queue = $1 and job_id = $2 and run_token = $3 and status <> 'completed'
        returning 1`,
      [key.queue, key.jobId, runToken, leaseParam(this.settings.runLeaseMs)],
    );
    return rows.length > 0;
  }

  /**
   * Records the job as completed with its result. Its effects happened, so this holds even when
   * the run had lost its claim meanwhile; false when another run had completed it already.
   */
  async succeed(key: JobKey, result: unknown): Promise<boolean> {
    const rows = await this.db.queryOnPool(
      `update kernel.job_outbox
          set status = 'completed', result = $3::jsonb, finished_at = now(),
              run_token = null, run_expires_at = null, updated_at = now()
        where queue = $1 and job_id = $2 and status <> 'completed'
        returning 1`,
      [key.queue, key.jobId, resultJson(result)],
    );
    return rows.length > 0;
  }

  /** Records a failed run; `final` when BullMQ will not retry it, which fails the job for good. */
  async fail(key: JobKey, runToken: string, error: unknown, final: boolean): Promise<void> {
    await this.db.queryOnPool(
      `update kernel.job_outbox
          set last_error = $4, last_error_at = now(),
              status = case when $5 then 'failed' else status end,
              finished_at = case when $5 then now() else null end,
              run_token = null, run_expires_at = null, updated_at = now()
        where queue = $1 and job_id = $2 and run_token = $3 and status <> 'completed'`,
      [key.queue, key.jobId, runToken, describeJobError(error), final],
    );
  }

  /**
   * Runs `work` in a transaction that also records the job as completed, so that a PostgreSQL
   * effect and the record commit together: the effect happens exactly once. Rolls back with
   * {@link JobAlreadyCompleted} or {@link JobRunSuperseded} when this run must not complete it.
   */
  async completeWith<T>(
    key: JobKey,
    runToken: string,
    work: (tx: KernelTransaction) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: string; run_token: string | null }>(
        `select status, run_token from kernel.job_outbox where queue = $1 and job_id = $2 for update`,
        [key.queue, key.jobId],
      );
      if (row?.status === 'completed') throw new JobAlreadyCompleted(key.queue, key.jobId);
      if (row?.run_token !== runToken) throw new JobRunSuperseded(key.queue, key.jobId);
      const result = await work(tx);
      await tx.query(
        `update kernel.job_outbox
            set status = 'completed', result = $3::jsonb, finished_at = now(),
                run_token = null, run_expires_at = null, updated_at = now()
          where queue = $1 and job_id = $2`,
        [key.queue, key.jobId, resultJson(result)],
      );
      return result;
    });
  }

  /** Runs `work` in a transaction of its own, for a job the outbox does not record. */
  transaction<T>(work: (tx: KernelTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private async adopt(job: Pick<Job, 'name' | 'data' | 'opts'>, key: JobKey): Promise<void> {
    const options: OutboxJobOptions = {
      ...(job.opts.attempts === undefined ? {} : { attempts: job.opts.attempts }),
      ...(job.opts.backoff === undefined ? {} : { backoff: job.opts.backoff }),
      ...(job.opts.priority === undefined ? {} : { priority: job.opts.priority }),
    };
    await this.db.queryOnPool(
      `insert into kernel.job_outbox (queue, job_id, job_name, data, options, status, dispatched_at)
       values ($1, $2, $3, $4::jsonb, $5::jsonb, 'dispatched', now())
       on conflict (queue, job_id) do nothing`,
      [key.queue, key.jobId, job.name, JSON.stringify(job.data ?? null), JSON.stringify(options)],
    );
  }
}

/**
 * Whether BullMQ made the id up (a job added without `jobId`): a counter that starts again when
 * Redis loses its data, so it names no cause and the outbox cannot tell its jobs apart.
 */
export function isGeneratedJobId(jobId: string): boolean {
  return /^\d+$/.test(jobId);
}

/** The queue and id of a BullMQ job. */
export function keyOf(job: Pick<Job, 'queueName' | 'id'>): JobKey {
  if (job.id === undefined) throw new Error(`A job of ${job.queueName} has no id`);
  return { queue: job.queueName, jobId: job.id };
}

// The job's effects happened: a result that cannot be stored must not fail (and so repeat) it.
function resultJson(result: unknown): string {
  try {
    return JSON.stringify(result === undefined ? null : result) ?? 'null';
  } catch {
    return 'null';
  }
}
