import { Inject, Injectable, Optional } from '@nestjs/common';
import { type OutboxJobCounts, type QueueDepth } from '@bandstand/shared/contracts';
import { KernelDatabase } from '../sql/kernel-database';
import { JobQueues } from './job-queues.service';
import { JobWorkers } from './job-workers.service';
import { DEFAULT_JOBS_SETTINGS, JOBS_SETTINGS, type JobsSettings } from './jobs.settings';

const NO_OUTBOX_JOBS: OutboxJobCounts = Object.freeze({
  pending: 0,
  dispatched: 0,
  failed: 0,
  oldestPendingAt: null,
});

/** How long the overview waits for Redis before it reports it unavailable (ms). */
const OVERVIEW_REDIS_WAIT_MS = 2_000;

interface OutboxCountRow {
  readonly queue: string;
  readonly pending: string;
  readonly dispatched: string;
  readonly failed: string;
  readonly oldest_pending_at: Date | string | null;
}

/**
 * Queue depths for the operational view: per queue, BullMQ's counts by state and the job outbox's
 * unfinished jobs. Queues are every queue that ever had a job in the outbox, plus every queue with
 * a processor in this process.
 */
@Injectable()
export class JobsOverview {
  private readonly settings: JobsSettings;

  constructor(
    private readonly db: KernelDatabase,
    private readonly queues: JobQueues,
    private readonly workers: JobWorkers,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    this.settings = settings ?? DEFAULT_JOBS_SETTINGS;
  }

  /** Every queue's depth, sorted by name; throws RedisUnavailableError when Redis cannot be asked. */
  async overview(): Promise<QueueDepth[]> {
    const [outbox, names] = await Promise.all([this.outboxCounts(), this.queueNames()]);
    if (names.length === 0) return [];
    await this.queues.whenReady(Math.min(OVERVIEW_REDIS_WAIT_MS, this.settings.redisTimeoutMs));
    try {
      return await Promise.all(
        names.map(async (queue): Promise<QueueDepth> => {
          const { counts, paused } = await this.queues.counts(queue);
          const count = (state: string): number => counts[state] ?? 0;
          // A paused queue keeps its jobs waiting; they are reported as held, not as ready.
          const ready = count('waiting') + count('prioritized');
          return {
            queue,
            waiting: paused ? 0 : ready,
            active: count('active'),
            delayed: count('delayed'),
            failed: count('failed'),
            completed: count('completed'),
            paused: paused ? ready : 0,
            outbox: outbox.get(queue) ?? NO_OUTBOX_JOBS,
          };
        }),
      );
    } catch (error) {
      throw this.queues.unavailable(error);
    }
  }

  /** The outbox's unfinished jobs per queue; PostgreSQL only, so it answers while Redis is down. */
  async outboxCounts(): Promise<Map<string, OutboxJobCounts>> {
    const rows = await this.db.queryOnPool<OutboxCountRow>(
      `select queue,
              count(*) filter (where status = 'pending') as pending,
              count(*) filter (where status = 'dispatched') as dispatched,
              count(*) filter (where status = 'failed') as failed,
              min(created_at) filter (where status = 'pending') as oldest_pending_at
         from kernel.job_outbox
        where status <> 'completed'
        group by queue`,
    );
    return new Map(
      rows.map((row) => [
        row.queue,
        {
          pending: Number(row.pending),
          dispatched: Number(row.dispatched),
          failed: Number(row.failed),
          oldestPendingAt:
            row.oldest_pending_at === null ? null : new Date(row.oldest_pending_at).toISOString(),
        },
      ]),
    );
  }

  /** Queues known to the outbox (one index probe per queue) or to this process's processors. */
  async queueNames(): Promise<string[]> {
    const rows = await this.db.queryOnPool<{ queue: string }>(
      `with recursive queues(queue) as (
         (select queue from kernel.job_outbox order by queue limit 1)
         union all
         select (select o.queue from kernel.job_outbox o where o.queue > queues.queue order by o.queue limit 1)
           from queues where queues.queue is not null
       )
       select queue from queues where queue is not null`,
    );
    const names = new Set([
      ...rows.map((row) => row.queue),
      ...this.workers.handlers().map((each) => each.definition.name),
    ]);
    return [...names].sort();
  }
}
