import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { reportProgress } from '@bandstand/shared/queues';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type JobContext, type JobHandler } from './job-processor.decorator';
import { describeJobError, isGeneratedJobId, JobLedger, keyOf, type RunStart } from './job-ledger.service';
import { JobAlreadyCompleted, JobRunSuperseded } from './jobs.errors';
import { DEFAULT_JOBS_SETTINGS, JOBS_SETTINGS, type JobsSettings } from './jobs.settings';

/** Whether BullMQ will not retry a job after this failure (mirrors its own rule). */
export function isFinalFailure(job: Pick<Job, 'attemptsMade' | 'opts'>, error: unknown): boolean {
  const unrecoverable =
    error instanceof UnrecoverableError || (error instanceof Error && error.name === 'UnrecoverableError');
  return unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Wraps a job handler for BullMQ: claims the job's outbox row before running it, acknowledges a
 * job that is already completed, puts back a delivery of a job that runs elsewhere, and records
 * how the run ended. A job is therefore run once per cause however often BullMQ delivers it.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly settings: JobsSettings;

  constructor(
    private readonly ledger: JobLedger,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    this.settings = settings ?? DEFAULT_JOBS_SETTINGS;
  }

  /** BullMQ's processor function for `handler`. */
  processor(
    handler: JobHandler<unknown>,
  ): (job: Job, token?: string, signal?: AbortSignal) => Promise<unknown> {
    return (job, token, signal) => this.run(handler, job, token, signal);
  }

  async run(handler: JobHandler<unknown>, job: Job, token?: string, signal?: AbortSignal): Promise<unknown> {
    const key = keyOf(job);
    if (isGeneratedJobId(key.jobId)) {
      // No cause, so nothing to record it under: run as BullMQ alone would.
      return handler.handle(job, {
        attempt: job.attemptsMade + 1,
        signal: signal ?? new AbortController().signal,
        progress: (done, total, stage) => reportProgress(job, done, total, stage),
        completeWith: (work) => this.ledger.transaction(work),
      });
    }
    const runToken = randomUUID();
    let start: RunStart;
    try {
      start = await this.ledger.begin(job, runToken);
    } catch (error) {
      // Nothing ran: wait for PostgreSQL without spending one of the job's attempts.
      this.logger.warn(`Job ${key.jobId} on ${key.queue} could not be claimed: ${describeJobError(error)}`);
      return this.later(job, token, 5 * this.settings.busyRecheckMs);
    }
    if (start.kind === 'completed') {
      this.logger.debug(
        `Job ${key.jobId} on ${key.queue} is already completed; acknowledged without running`,
      );
      return start.result;
    }
    if (start.kind === 'busy') return this.later(job, token, start.retryInMs);

    const lost = new AbortController();
    let completedInTransaction = false;
    const context: JobContext = {
      attempt: start.attempt,
      signal: signal === undefined ? lost.signal : AbortSignal.any([signal, lost.signal]),
      progress: (done, total, stage) => reportProgress(job, done, total, stage),
      completeWith: async (work) => {
        const value = await this.ledger.completeWith(key, runToken, work);
        completedInTransaction = true;
        return value;
      },
    };
    const renewal = setInterval(
      () => {
        this.ledger.renew(key, runToken).then(
          (held) => {
            if (!held && !lost.signal.aborted) lost.abort(new JobRunSuperseded(key.queue, key.jobId));
          },
          (error: unknown) =>
            this.logger.warn(`Could not renew the claim on job ${key.jobId}: ${describeJobError(error)}`),
        );
      },
      Math.max(10, Math.floor(this.settings.runLeaseMs / 3)),
    );
    try {
      const result = await handler.handle(job, context);
      if (!completedInTransaction && !(await this.ledger.succeed(key, result))) {
        this.logger.warn(`Job ${key.jobId} on ${key.queue} was completed by another run while this one ran`);
      }
      return result;
    } catch (error) {
      if (error instanceof JobAlreadyCompleted) return null;
      if (error instanceof JobRunSuperseded) return this.later(job, token, this.settings.busyRecheckMs);
      const final = isFinalFailure(job, error);
      await this.ledger.fail(key, runToken, error, final).catch((recordError: unknown) => {
        this.logger.error(
          `Could not record the failure of job ${key.jobId}: ${describeJobError(recordError)}`,
        );
      });
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  /** Puts the delivery back for later without counting an attempt (BullMQ's DelayedError). */
  private async later(job: Job, token: string | undefined, delayMs: number): Promise<never> {
    if (token === undefined)
      throw new Error(`Job ${job.id ?? '?'} cannot be put back without its lock token`);
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  }
}
