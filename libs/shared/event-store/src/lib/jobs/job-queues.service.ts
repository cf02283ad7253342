import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import {
  describeRedisProblem,
  type QueuesConfig,
  RedisUnavailableError,
  QUEUES_CONFIG,
  redisConnectionOptions,
  reportQueueError,
  ReportingQueue,
} from '@bandstand/shared/queues';
import { type JobState } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_JOBS_SETTINGS, JOBS_SETTINGS, type JobsSettings } from './jobs.settings';
import { type OutboxJob } from './outbox-job';

/** Where a job stands in BullMQ; `unknown` when Redis does not hold it (any more). */
export interface BullJobState {
  readonly state: JobState | 'unknown';
  /** Why BullMQ failed it, when it did. */
  readonly failedReason?: string;
}

class RedisCallTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

/** Rejects when `promise` takes longer than `ms`; the call itself may still land later. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RedisCallTimeout(`${what}: no answer from Redis within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * BullMQ queues for the jobs area (dispatcher, reconciler, overview), all on one Redis connection
 * that fails fast while Redis is away instead of queueing commands, so that nothing waits on Redis
 * with a PostgreSQL transaction open. The connection is made on first use; the api process makes
 * it only when the overview is asked for.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private client: Redis | undefined;
  private readonly queues = new Map<string, ReportingQueue>();
  private readonly readyListeners = new Set<() => void>();
  private readonly settings: JobsSettings;

  constructor(
    @Optional() @Inject(QUEUES_CONFIG) private readonly config?: QueuesConfig,
    @Optional() @Inject(JOBS_SETTINGS) settings?: JobsSettings,
  ) {
    this.settings = settings ?? DEFAULT_JOBS_SETTINGS;
  }

  /** Whether the process has Redis settings at all (QueuesModule imported). */
  get configured(): boolean {
    return this.config !== undefined;
  }

  /** Whether the shared connection is up now. */
  get ready(): boolean {
    return this.client?.status === 'ready';
  }

  /** The Redis key prefix of every queue (QUEUE_PREFIX). */
  get prefix(): string {
    return this.requireConfig().QUEUE_PREFIX;
  }

  /** Connection options and prefix for a BullMQ worker, which needs connections of its own. */
  workerOptions(): { connection: ReturnType<typeof redisConnectionOptions>; prefix: string } {
    return { connection: redisConnectionOptions(this.requireConfig().REDIS_URL), prefix: this.prefix };
  }

  /** The shared connection; connects on first use and reconnects by itself. */
  connection(): Redis {
    if (this.client === undefined) {
      const client = new Redis({
        ...redisConnectionOptions(this.requireConfig().REDIS_URL),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: `${this.prefix}:jobs`,
      });
      client.on('error', (error: unknown) => reportQueueError('jobs connection', error));
      client.on('ready', () => {
        for (const listener of [...this.readyListeners]) listener();
      });
      this.client = client;
    }
    return this.client;
  }

  /** Resolves once the shared connection is ready; rejects with what is wrong after `timeoutMs`. */
  async whenReady(timeoutMs: number): Promise<void> {
    const client = this.connection();
    if (client.status === 'ready') return;
    let lastError: unknown;
    const onError = (error: unknown): void => {
      lastError = error;
    };
    let onReady: () => void = () => undefined;
    client.on('error', onError);
    try {
      await withTimeout(
        new Promise<void>((resolve) => {
          onReady = resolve;
          client.once('ready', onReady);
        }),
        timeoutMs,
        'connecting',
      );
    } catch (error) {
      throw this.unavailable(lastError ?? error);
    } finally {
      client.off('error', onError);
      client.off('ready', onReady);
    }
  }

  /** An error that says what is wrong with Redis, without its password. */
  unavailable(error: unknown): RedisUnavailableError {
    return new RedisUnavailableError(describeRedisProblem(error, this.requireConfig().REDIS_URL), {
      cause: error,
    });
  }

  /** Calls `listener` every time the connection becomes ready: first connection and every reconnection. */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    this.connection();
    return () => this.readyListeners.delete(listener);
  }

  /** The queue of that name on the shared connection. */
  queue(name: string): ReportingQueue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      queue = new ReportingQueue(name, { connection: this.connection(), prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Hands jobs to BullMQ under their own ids. BullMQ ignores an id it already holds, so handing a
   * job over twice (a dispatch that did not commit, two reconcilers) adds it once.
   */
  async enqueue(jobs: readonly OutboxJob[]): Promise<void> {
    const byQueue = new Map<string, OutboxJob[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    for (const [name, queued] of byQueue) {
      await this.call(
        name,
        this.queue(name).addBulk(
          queued.map((job) => ({
            name: job.jobName,
            data: job.data,
            opts: { ...job.options, jobId: job.jobId, ...(job.delayMs > 0 ? { delay: job.delayMs } : {}) },
          })),
        ),
        `adding ${queued.length} job(s) to ${name}`,
      );
    }
  }

  /** Where each job stands in BullMQ, in the order asked. */
  async states(name: string, jobIds: readonly string[]): Promise<BullJobState[]> {
    const queue = this.queue(name);
    const states = await this.call(
      name,
      Promise.all(jobIds.map((jobId) => queue.getJobState(jobId))),
      `reading ${jobIds.length} job state(s) of ${name}`,
    );
    return Promise.all(
      states.map(async (state, index): Promise<BullJobState> => {
        const jobId = jobIds[index];
        if (state !== 'failed' || jobId === undefined) return { state };
        const job = await this.call(name, queue.getJob(jobId), `reading job ${jobId} of ${name}`);
        return { state, failedReason: job?.failedReason };
      }),
    );
  }

  /** BullMQ's counts of a queue by state, and whether the queue is paused. */
  counts(name: string): Promise<{ counts: Record<string, number>; paused: boolean }> {
    const queue = this.queue(name);
    return this.call(
      name,
      Promise.all([
        queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
        queue.isPaused(),
      ]).then(([counts, paused]) => ({ counts, paused })),
      `counting the jobs of ${name}`,
    );
  }

  /**
   * Whether Redis still holds what the reconciler last saw: a key it writes after each full
   * reconciliation disappears when Redis restarts empty or is flushed.
   */
  async holdsReconciledData(): Promise<boolean> {
    const client = this.connection();
    return (
      (await withTimeout(
        client.exists(this.markerKey()),
        this.settings.redisTimeoutMs,
        'reading the marker',
      )) === 1
    );
  }

  /** Writes the key {@link holdsReconciledData} looks for. */
  async markReconciled(): Promise<void> {
    const client = this.connection();
    await withTimeout(
      client.set(this.markerKey(), new Date().toISOString()),
      this.settings.redisTimeoutMs,
      'writing the marker',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    this.readyListeners.clear();
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    this.client?.disconnect();
    this.client = undefined;
  }

  // Queue names cannot hold '_' (defineQueue), so this key is nobody's queue.
  private markerKey(): string {
    return `${this.prefix}:_outbox:reconciled`;
  }

  private async call<T>(name: string, promise: Promise<T>, what: string): Promise<T> {
    try {
      return await withTimeout(promise, this.settings.redisTimeoutMs, what);
    } catch (error) {
      // A queue whose first connection failed never recovers in BullMQ: start afresh next time.
      const queue = this.queues.get(name);
      if (queue !== undefined && !this.ready) {
        this.queues.delete(name);
        void queue.close().catch(() => undefined);
      }
      throw error;
    }
  }

  private requireConfig(): QueuesConfig {
    if (this.config === undefined) {
      throw new Error('The jobs area needs Redis: import QueuesModule.forRoot(config) in this process');
    }
    return this.config;
  }
}
