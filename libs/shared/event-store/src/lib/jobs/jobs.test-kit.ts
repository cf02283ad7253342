import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { QueuesModule } from '@bandstand/shared/queues';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { type JobState } from 'bullmq';
import { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from '../kernel.tokens';
import { CommitNotifier } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { type KernelTestHarness, TEST_EVENT_STORE_KEY } from '../testing/kernel-test-harness';
import { JobDispatcher } from './job-dispatcher.service';
import { JobQueues } from './job-queues.service';
import { JobReconciler } from './job-reconciler.service';
import { JobScheduler } from './job-scheduler.service';
import { JobWorkers } from './job-workers.service';
import { JobsOverview } from './jobs-overview.service';
import { JobsModule } from './jobs.module';
import { type JobsSettings } from './jobs.settings';

/** Timings short enough for tests; each test file may override some. */
export const FAST_JOBS_SETTINGS: Partial<JobsSettings> = {
  dispatchPollMs: 100,
  redisCheckMs: 100,
  runLeaseMs: 2_000,
  busyRecheckMs: 100,
  redisTimeoutMs: 5_000,
};

/** The kernel core's tokens from a test harness, as KernelCoreModule provides them in a process. */
@Global()
@Module({})
class TestKernelCoreModule {
  static with(kernel: KernelTestHarness, role: KernelRole, db: KernelDatabase): DynamicModule {
    const config: KernelConfig = {
      NODE_ENV: 'test',
      EVENT_STORE_KEY: TEST_EVENT_STORE_KEY,
      DATABASE_URL: kernel.database.url,
    };
    return {
      module: TestKernelCoreModule,
      providers: [
        { provide: KERNEL_CONFIG, useValue: config },
        { provide: KERNEL_ROLE, useValue: role },
        { provide: KernelDatabase, useValue: db },
        {
          provide: CommitNotifier,
          useValue: db === kernel.db ? kernel.notifier : new CommitNotifier(kernel.database.url),
        },
      ],
      exports: [KERNEL_CONFIG, KERNEL_ROLE, KernelDatabase, CommitNotifier],
    };
  }
}

/** One process's jobs area on the test database and Redis, with the given processors. */
export interface JobsTestApp {
  readonly moduleRef: TestingModule;
  readonly prefix: string;
  readonly scheduler: JobScheduler;
  readonly dispatcher: JobDispatcher;
  readonly reconciler: JobReconciler;
  readonly queues: JobQueues;
  readonly workers: JobWorkers;
  readonly overview: JobsOverview;
  /** The BullMQ state of a job; `unknown` when Redis does not hold it. */
  stateOf(queue: string, jobId: string): Promise<JobState | 'unknown'>;
  close(): Promise<void>;
}

/** Options of {@link startJobsApp}. */
export interface JobsTestAppOptions {
  readonly role?: KernelRole;
  /** Shared by the apps of one test that play several replicas. */
  readonly prefix?: string;
  readonly settings?: Partial<JobsSettings>;
  readonly providers?: readonly Provider[];
  /** Another pool on the same database, for a second "process". */
  readonly db?: KernelDatabase;
  /** Another Redis than the tests' (one that is not there). */
  readonly redisUrl?: string;
}

/** Builds and starts (bootstrap hooks included) a Nest module with the jobs area, as the worker or api would. */
export async function startJobsApp(
  kernel: KernelTestHarness,
  options: JobsTestAppOptions = {},
): Promise<JobsTestApp> {
  const prefix = options.prefix ?? testQueuePrefix();
  const moduleRef = await Test.createTestingModule({
    imports: [
      TestKernelCoreModule.with(kernel, options.role ?? 'worker', options.db ?? kernel.db),
      QueuesModule.forRoot({ REDIS_URL: options.redisUrl ?? testRedisUrl(), QUEUE_PREFIX: prefix }),
      JobsModule.withSettings({ ...FAST_JOBS_SETTINGS, ...options.settings }),
    ],
    providers: [...(options.providers ?? [])],
  }).compile();
  moduleRef.useLogger(false);
  try {
    await moduleRef.init();
  } catch (error) {
    // What started before the failing hook (loops, connections) must not outlive the test.
    await moduleRef.close();
    throw error;
  }
  const queues = moduleRef.get(JobQueues);
  return {
    moduleRef,
    prefix,
    scheduler: moduleRef.get(JobScheduler),
    dispatcher: moduleRef.get(JobDispatcher),
    reconciler: moduleRef.get(JobReconciler),
    queues,
    workers: moduleRef.get(JobWorkers),
    overview: moduleRef.get(JobsOverview),
    stateOf: (queue, jobId) => queues.queue(queue).getJobState(jobId),
    close: () => moduleRef.close(),
  };
}

/** Closes the apps and removes what they wrote to Redis. */
export async function closeJobsApps(...apps: readonly (JobsTestApp | undefined)[]): Promise<void> {
  const prefixes = new Set<string>();
  for (const app of apps) {
    if (app === undefined) continue;
    prefixes.add(app.prefix);
    await app.close();
  }
  for (const prefix of prefixes) await removeRedisKeys(testRedisUrl(), prefix);
}

/** An outbox row as tests look at it. */
export interface OutboxRowView {
  readonly queue: string;
  readonly job_id: string;
  readonly status: string;
  readonly attempts: number;
  readonly data: unknown;
  readonly last_error: string | null;
  readonly finished_at: string | null;
  readonly result: unknown;
}

/** The outbox rows of a queue, in scheduling order. */
export function outboxRows(db: KernelDatabase, queue: string): Promise<OutboxRowView[]> {
  return db.queryOnPool<OutboxRowView>(
    `select queue, job_id, status, attempts, data, last_error, finished_at, result
       from kernel.job_outbox where queue = $1 order by id`,
    [queue],
  );
}

/** A promise with its resolver, for handlers that wait on the test. */
export class Gate {
  private release: () => void = () => undefined;
  readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  open(): void {
    this.release();
  }
}
