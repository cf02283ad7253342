import { Injectable } from '@nestjs/common';
import { type QueueDepth } from '@bandstand/shared/contracts';
import { defineJob, RedisUnavailableError } from '@bandstand/shared/queues';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type JobHandler, JobProcessor } from './job-processor.decorator';
import { closeJobsApps, type JobsTestApp, startJobsApp } from './jobs.test-kit';

const reportJob = defineJob<{ readonly n: number }>({ name: 'test.depth-reports' });
const reminderJob = defineJob<{ readonly n: number }>({ name: 'test.depth-reminders' });
const idleJob = defineJob<{ readonly n: number }>({ name: 'test.depth-idle' });

@JobProcessor(idleJob)
@Injectable()
class IdleProcessor implements JobHandler<{ readonly n: number }> {
  handle(): Promise<unknown> {
    return Promise.resolve(null);
  }
}

const zero = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0, paused: 0 };
const noOutbox = { pending: 0, dispatched: 0, failed: 0, oldestPendingAt: null };

describe('JobsOverview', () => {
  let kernel: KernelTestHarness;
  let app: JobsTestApp | undefined;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());
  beforeEach(() => kernel.db.query('truncate kernel.job_outbox'));
  afterEach(async () => {
    await closeJobsApps(app);
    app = undefined;
  });

  it('counts each queue in BullMQ and in the outbox, including queues that only have a processor', async () => {
    app = await startJobsApp(kernel, { role: 'api', providers: [IdleProcessor] });
    const { scheduler, dispatcher, overview } = app;
    const first = await scheduler.schedule(reportJob, { n: 1 }, { cause: ['report', 1] });
    await scheduler.schedule(reportJob, { n: 2 }, { cause: ['report', 2] });
    await scheduler.schedule(
      reminderJob,
      { n: 1 },
      { cause: ['reminder', 1], runAt: new Date(Date.now() + 3_600_000) },
    );
    await dispatcher.dispatchPending();
    await scheduler.schedule(reportJob, { n: 3 }, { cause: ['report', 3] });
    // A run recorded as failed for good, as the worker records it.
    await kernel.db.query(`update kernel.job_outbox set status = 'failed' where job_id = $1`, [first.jobId]);
    const [pending] = await kernel.db.query<{ created_at: string }>(
      `select created_at from kernel.job_outbox where status = 'pending'`,
    );

    const depths = await overview.overview();
    expect(depths).toEqual<QueueDepth[]>([
      { queue: 'test.depth-idle', ...zero, outbox: noOutbox },
      { queue: 'test.depth-reminders', ...zero, delayed: 1, outbox: { ...noOutbox, dispatched: 1 } },
      {
        queue: 'test.depth-reports',
        ...zero,
        waiting: 2,
        outbox: {
          pending: 1,
          dispatched: 1,
          failed: 1,
          oldestPendingAt: new Date(pending?.created_at ?? 0).toISOString(),
        },
      },
    ]);

    await app.queues.queue(reportJob.name).pause();
    expect((await overview.overview()).find((depth) => depth.queue === reportJob.name)).toMatchObject({
      waiting: 0,
      paused: 2,
    });
  });

  it('reports Redis unavailable, and still counts the outbox from PostgreSQL', async () => {
    app = await startJobsApp(kernel, { role: 'api', redisUrl: 'redis://:secret-pw@127.0.0.1:1/0' });
    await app.scheduler.schedule(reportJob, { n: 9 }, { cause: ['report', 9] });
    const failure = await app.overview.overview().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RedisUnavailableError);
    expect((failure as Error).message).toBe(
      'Redis at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d redis) or point REDIS_URL at your server',
    );
    expect((await app.overview.outboxCounts()).get(reportJob.name)).toMatchObject({ pending: 1 });
  });
});
