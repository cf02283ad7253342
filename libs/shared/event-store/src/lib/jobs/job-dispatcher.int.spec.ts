import { defineJob } from '@bandstand/shared/queues';
import { eventually, testQueuePrefix } from '@bandstand/shared/testing';
import { KernelDatabase } from '../sql/kernel-database';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type OutboxJob } from './outbox-job';
import { closeJobsApps, type JobsTestApp, outboxRows, startJobsApp } from './jobs.test-kit';

const mailJob = defineJob<{ readonly n: number }>({ name: 'test.mail' });

describe('JobDispatcher', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());
  beforeEach(() => kernel.db.query('truncate kernel.job_outbox'));

  it('hands each row to BullMQ once when two dispatchers on two pools race for them', async () => {
    const prefix = testQueuePrefix();
    // The api role: the loops do not run, the test drives both dispatchers.
    const one = await startJobsApp(kernel, { role: 'api', prefix, settings: { dispatchBatchSize: 7 } });
    const other = await startJobsApp(kernel, {
      role: 'api',
      prefix,
      settings: { dispatchBatchSize: 7 },
      db: new KernelDatabase(await kernel.openOrm()),
    });
    try {
      const total = 120;
      await kernel.db.transaction(async () => {
        for (let n = 0; n < total; n += 1)
          await one.scheduler.schedule(mailJob, { n }, { cause: ['mail', n] });
      });
      const drain = async (app: JobsTestApp): Promise<OutboxJob[]> => {
        const handed: OutboxJob[] = [];
        for (;;) {
          const batch = await app.dispatcher.dispatchPending();
          if (batch.length === 0) return handed;
          handed.push(...batch);
        }
      };
      const [byOne, byOther] = await Promise.all([drain(one), drain(other)]);
      const ids = [...byOne, ...byOther].map((job) => job.jobId);
      expect(byOne.length).toBeGreaterThan(0);
      expect(byOther.length).toBeGreaterThan(0);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      const rows = await outboxRows(kernel.db, mailJob.name);
      expect(rows.filter((row) => row.status === 'dispatched')).toHaveLength(total);
      expect(await one.queues.queue(mailJob.name).getJobCounts('waiting')).toEqual({ waiting: total });
    } finally {
      await closeJobsApps(one, other);
    }
  });

  it('wakes on the commit that scheduled a job, without waiting for its poll', async () => {
    // A poll this long would time the test out: only the announced commit can wake the loop.
    const app = await startJobsApp(kernel, { settings: { dispatchPollMs: 600_000 } });
    try {
      expect(app.dispatcher.running).toBe(true);
      // Past the loop's first look at the outbox (when Redis became ready), so that it is asleep.
      await eventually(() => expect(app.dispatcher.passes).toBeGreaterThan(0));
      const { jobId } = await kernel.db.transaction(() =>
        app.scheduler.schedule(mailJob, { n: 1 }, { cause: ['wake', 1] }),
      );
      await eventually(async () => {
        expect(await app.stateOf(mailJob.name, jobId)).toBe('waiting');
        // BullMQ has the job before the dispatcher's transaction marks the row.
        expect(await outboxRows(kernel.db, mailJob.name)).toMatchObject([
          { job_id: jobId, status: 'dispatched' },
        ]);
      });
    } finally {
      await closeJobsApps(app);
    }
  });
});
