import { Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { isRedisConnectionProblem } from '@bandstand/shared/queues';
import { KernelDatabase } from '../sql/kernel-database';
import { describeJobError } from './job-ledger.service';
import { JobQueues } from './job-queues.service';
import { JOBS_SETTINGS, type JobsSettings } from './jobs.settings';
import { OUTBOX_JOB_COLUMNS, type OutboxJob, type OutboxJobRow, toOutboxJob } from './outbox-job';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';
import { JobsLoop } from './jobs-loop';

/** What one reconciliation found. */
export interface ReconcileReport {
  /** Dispatched, unfinished jobs compared with BullMQ. */
  readonly checked: number;
  /** Of those, jobs BullMQ no longer held, handed to it again. */
  readonly reenqueued: number;
  /** Of those, jobs BullMQ had failed without the outbox knowing (a stalled job), now failed there too. */
  readonly failed: number;
}

interface DispatchedRow extends OutboxJobRow {
  readonly running: boolean;
}

/**
 * Keeps BullMQ consistent with kernel.job_outbox, in the worker. PostgreSQL is the record: a job
 * dispatched and not finished that Redis does not hold (Redis restarted empty, was flushed, failed
 * over to an empty replica) is handed to BullMQ again; the run's claim in the outbox keeps a job
 * that is still running somewhere from running twice. It reconciles at start, every time its Redis
 * connection comes back, as soon as a marker key it leaves in Redis is gone, and on a slow sweep.
 * Projections and processors do not need this: they read the event log in PostgreSQL only.
 */
@Injectable()
export class JobReconciler extends JobsLoop implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobReconciler.name);
  private requested = true;
  private completedRounds = 0;

  constructor(
    private readonly db: KernelDatabase,
    queues: JobQueues,
    @Optional() @Inject(KERNEL_ROLE) role?: KernelRole,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    super(queues, role, settings);
  }

  /** Full reconciliations finished by the loop so far. */
  get rounds(): number {
    return this.completedRounds;
  }

  onApplicationBootstrap(): void {
    if (this.inWorker && this.queues.configured) this.start();
  }

  /** Starts the loop (reconciling at once). */
  start(): void {
    if (this.running) return;
    this.requested = true;
    this.launch(
      (stop) => this.run(stop),
      () => this.request(),
    );
  }

  /** Asks the loop for a full reconciliation as soon as Redis is reachable. */
  request(): void {
    this.requested = true;
    this.sleeper.wake();
  }

  /** Compares every dispatched, unfinished job with BullMQ once; re-enqueues what Redis lost. */
  async reconcile(): Promise<ReconcileReport> {
    let after = '0';
    let checked = 0;
    let reenqueued = 0;
    let failed = 0;
    for (;;) {
      const page = await this.db.transaction(async (tx) => {
        // Locked rows are being handed over, run or recorded: the job is in BullMQ right now.
        const rows = await tx.query<DispatchedRow>(
          `select ${OUTBOX_JOB_COLUMNS}, coalesce(run_expires_at > now(), false) as running
             from kernel.job_outbox
            where status = 'dispatched' and id > $1::bigint
            order by id
            limit $2
            for update skip locked`,
          [after, this.settings.dispatchBatchSize],
        );
        const jobs = rows.map(toOutboxJob);
        const lost: OutboxJob[] = [];
        const failedInBull: { id: string; reason: string }[] = [];
        const byQueue = new Map<string, number[]>();
        jobs.forEach((job, index) => byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), index]));
        for (const [queue, indexes] of byQueue) {
          const states = await this.queues.states(
            queue,
            indexes.map((index) => jobs[index]?.jobId ?? ''),
          );
          states.forEach((state, position) => {
            const index = indexes[position] ?? -1;
            const job = jobs[index];
            if (job === undefined) return;
            if (state.state === 'unknown') lost.push(job);
            else if (state.state === 'failed' && rows[index]?.running !== true) {
              failedInBull.push({ id: job.id, reason: state.failedReason ?? 'failed in BullMQ' });
            }
          });
        }
        if (lost.length > 0) await this.queues.enqueue(lost);
        for (const { id, reason } of failedInBull) {
          await tx.query(
            `update kernel.job_outbox
                set status = 'failed', last_error = $2, last_error_at = now(), finished_at = now(), updated_at = now()
              where id = $1::bigint`,
            [id, reason],
          );
        }
        return { size: rows.length, last: jobs.at(-1)?.id, lost: lost.length, failed: failedInBull.length };
      });
      checked += page.size;
      reenqueued += page.lost;
      failed += page.failed;
      if (page.last === undefined || page.size < this.settings.dispatchBatchSize) break;
      after = page.last;
    }
    if (reenqueued > 0 || failed > 0) {
      this.logger.warn(
        `Reconciled jobs with Redis: ${reenqueued} re-enqueued (Redis had lost them), ${failed} failed by BullMQ`,
      );
    }
    return { checked, reenqueued, failed };
  }

  private async run(stop: AbortSignal): Promise<void> {
    let lastSweep = 0;
    while (!stop.aborted) {
      if (this.queues.ready) {
        try {
          if (!this.requested && Date.now() - lastSweep >= this.settings.sweepMs) this.requested = true;
          if (!this.requested && !(await this.queues.holdsReconciledData())) {
            this.logger.warn(
              'Redis no longer holds the jobs it was given (restarted empty or flushed): reconciling',
            );
            this.requested = true;
          }
          if (this.requested) {
            this.requested = false;
            // Written before the sweep: if Redis is emptied during it, the next check sees that.
            await this.queues.markReconciled();
            await this.reconcile();
            lastSweep = Date.now();
            this.completedRounds += 1;
          }
        } catch (error) {
          this.requested = true;
          if (isRedisConnectionProblem(error))
            this.logger.debug(`Reconciliation waits for Redis: ${describeJobError(error)}`);
          else this.logger.warn(`Reconciliation failed, trying again: ${describeJobError(error)}`);
        }
      }
      await this.sleeper.sleep(this.settings.redisCheckMs, stop);
    }
  }
}
