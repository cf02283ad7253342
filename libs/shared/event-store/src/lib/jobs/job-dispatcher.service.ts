import { Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { isRedisConnectionProblem } from '@bandstand/shared/queues';
import { CommitListener } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { describeJobError } from './job-ledger.service';
import { JobQueues } from './job-queues.service';
import { JOBS_SETTINGS, type JobsSettings } from './jobs.settings';
import { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from '../kernel.tokens';
import { OUTBOX_JOB_COLUMNS, type OutboxJob, type OutboxJobRow, toOutboxJob } from './outbox-job';
import { JobsLoop } from './jobs-loop';
import { Sleeper } from './sleeper';

/**
 * Hands scheduled jobs from kernel.job_outbox to BullMQ, in the worker. It wakes when a commit is
 * announced (the scheduler announces its own) and polls as a fallback. Replicas claim rows with
 * `FOR UPDATE SKIP LOCKED`, so each row is handed over by one of them; a row is marked dispatched
 * in the transaction that claimed it, after BullMQ has the job, so a crash in between only hands
 * it over again, which BullMQ ignores (same job id).
 */
@Injectable()
export class JobDispatcher extends JobsLoop implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobDispatcher.name);
  private listener: CommitListener | undefined;
  private completedPasses = 0;

  constructor(
    private readonly db: KernelDatabase,
    queues: JobQueues,
    @Optional() @Inject(KERNEL_ROLE) role?: KernelRole,
    @Optional() @Inject(KERNEL_CONFIG) private readonly config?: KernelConfig,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    super(queues, role, settings);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.inWorker) return;
    if (!this.queues.configured) {
      this.logger.warn('No Redis settings (QueuesModule) in this worker: scheduled jobs are not dispatched');
      return;
    }
    await this.start(this.config?.DATABASE_URL);
  }

  /** Looks at the outbox the loop has finished so far (whether or not it found jobs). */
  get passes(): number {
    return this.completedPasses;
  }

  /** Starts the loop; with a database URL it also listens for announced commits. */
  async start(databaseUrl?: string): Promise<void> {
    if (this.running) return;
    if (databaseUrl !== undefined) {
      this.listener = new CommitListener(databaseUrl);
      await this.listener.start();
    }
    this.sleeper = new Sleeper(this.listener);
    this.launch(
      (stop) => this.run(stop),
      () => this.sleeper.wake(),
    );
  }

  /** Wakes the loop now, as an announced commit would. */
  wake(): void {
    this.sleeper.wake();
  }

  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await this.listener?.stop();
    this.listener = undefined;
  }

  /**
   * Hands up to `limit` pending jobs to BullMQ and marks them dispatched, in one transaction;
   * returns them. Rows another dispatcher holds are skipped, not waited for.
   */
  async dispatchPending(limit = this.settings.dispatchBatchSize): Promise<OutboxJob[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<OutboxJobRow>(
        `select ${OUTBOX_JOB_COLUMNS} from kernel.job_outbox
          where status = 'pending'
          order by id
          limit $1
          for update skip locked`,
        [limit],
      );
      if (rows.length === 0) return [];
      const jobs = rows.map(toOutboxJob);
      await this.queues.enqueue(jobs);
      await tx.query(
        `update kernel.job_outbox set status = 'dispatched', dispatched_at = now(), updated_at = now()
          where id = any($1::bigint[]) and status = 'pending'`,
        [jobs.map((job) => job.id)],
      );
      return jobs;
    });
  }

  private async run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      let handed = 0;
      if (this.queues.ready) {
        try {
          handed = (await this.dispatchPending()).length;
          this.completedPasses += 1;
        } catch (error) {
          if (isRedisConnectionProblem(error))
            this.logger.debug(`Dispatch waits for Redis: ${describeJobError(error)}`);
          else this.logger.warn(`Dispatch failed, trying again: ${describeJobError(error)}`);
        }
      }
      if (handed < this.settings.dispatchBatchSize)
        await this.sleeper.sleep(this.settings.dispatchPollMs, stop);
    }
  }
}
