import { defineJob, jobIdFrom } from '@bandstand/shared/queues';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { InvalidJobSchedule } from './jobs.errors';
import { closeJobsApps, type JobsTestApp, outboxRows, startJobsApp } from './jobs.test-kit';

interface StatementData {
  readonly payeeId: string;
  readonly period: string;
}

const statementJob = defineJob<StatementData>({
  name: 'test.statements',
  attempts: 4,
  backoff: { type: 'exponential', delay: 500 },
});

describe('JobScheduler (outbox in the caller transaction)', () => {
  let kernel: KernelTestHarness;
  let app: JobsTestApp;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());

  beforeEach(async () => {
    // The api role: nothing dispatches behind the test's back.
    app = await startJobsApp(kernel, { role: 'api' });
    await kernel.db.query('truncate kernel.job_outbox');
  });
  afterEach(() => closeJobsApps(app));

  it('writes no job when the transaction rolls back, and one when it commits', async () => {
    const rolledBack = { payeeId: 'p-1', period: '2026-10' };
    await expect(
      kernel.db.transaction(async () => {
        await app.scheduler.schedule(statementJob, rolledBack, { cause: ['statement', 'p-1', '2026-10'] });
        throw new Error('the command failed after scheduling');
      }),
    ).rejects.toThrow('the command failed after scheduling');
    expect(await outboxRows(kernel.db, statementJob.name)).toEqual([]);
    expect(await app.dispatcher.dispatchPending()).toEqual([]);
    expect(await app.stateOf(statementJob.name, jobIdFrom('statement', 'p-1', '2026-10'))).toBe('unknown');

    const scheduled = await kernel.db.transaction(() =>
      app.scheduler.schedule(
        statementJob,
        { payeeId: 'p-2', period: '2026-10' },
        { cause: ['statement', 'p-2', '2026-10'] },
      ),
    );
    expect(scheduled).toEqual({
      queue: 'test.statements',
      jobId: jobIdFrom('statement', 'p-2', '2026-10'),
      created: true,
    });
    expect(await outboxRows(kernel.db, statementJob.name)).toMatchObject([
      {
        job_id: scheduled.jobId,
        status: 'pending',
        attempts: 0,
        data: { payeeId: 'p-2', period: '2026-10' },
      },
    ]);
  });

  it('hands the job to BullMQ under the id of its cause, with the definition attempts and backoff', async () => {
    const { jobId } = await app.scheduler.schedule(
      statementJob,
      { payeeId: 'p-3', period: '2026-11' },
      { cause: ['statement', 'p-3', '2026-11'] },
    );
    const dispatched = await app.dispatcher.dispatchPending();
    expect(dispatched.map((job) => job.jobId)).toEqual([jobId]);
    const job = await app.queues.queue(statementJob.name).getJob(jobId);
    expect(job?.data).toEqual({ payeeId: 'p-3', period: '2026-11' });
    expect(job?.name).toBe('test.statements');
    expect(job?.opts).toMatchObject({ attempts: 4, backoff: { type: 'exponential', delay: 500 } });
    expect(await app.stateOf(statementJob.name, jobId)).toBe('waiting');
    expect(await outboxRows(kernel.db, statementJob.name)).toMatchObject([{ status: 'dispatched' }]);
    expect(await app.dispatcher.dispatchPending()).toEqual([]);
  });

  it('schedules the same cause once, whatever the data of later attempts', async () => {
    const cause = ['statement', 'p-4', '2026-12'] as const;
    const first = await app.scheduler.schedule(statementJob, { payeeId: 'p-4', period: 'first' }, { cause });
    const again = await kernel.db.transaction(() =>
      app.scheduler.schedule(statementJob, { payeeId: 'p-4', period: 'second' }, { cause }),
    );
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(await outboxRows(kernel.db, statementJob.name)).toMatchObject([
      { job_id: first.jobId, data: { payeeId: 'p-4', period: 'first' } },
    ]);
  });

  it('holds a job scheduled for later back in BullMQ until its time', async () => {
    const { jobId } = await app.scheduler.schedule(
      statementJob,
      { payeeId: 'p-5', period: 'later' },
      { cause: 'later-1', runAt: new Date(Date.now() + 60_000) },
    );
    await app.dispatcher.dispatchPending();
    const job = await app.queues.queue(statementJob.name).getJob(jobId);
    expect(await app.stateOf(statementJob.name, jobId)).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(50_000);
    expect(job?.opts.delay).toBeLessThanOrEqual(60_000);
  });

  it('refuses a job without a cause or with data that is not JSON, writing nothing', async () => {
    await expect(
      app.scheduler.schedule(statementJob, { payeeId: 'x', period: 'y' }, { cause: [] }),
    ).rejects.toEqual(expect.objectContaining({ code: 'KERNEL.INVALID_JOB_SCHEDULE', field: 'cause' }));
    const notJson = { payeeId: 'x', period: 'y', amount: 10n } as unknown as StatementData;
    await expect(app.scheduler.schedule(statementJob, notJson, { cause: 'bigint' })).rejects.toBeInstanceOf(
      InvalidJobSchedule,
    );
    expect(await outboxRows(kernel.db, statementJob.name)).toEqual([]);
  });

  it('runs no background work in the api role', () => {
    expect(app.dispatcher.running).toBe(false);
    expect(app.reconciler.running).toBe(false);
    expect(app.workers.active).toBe(false);
  });
});
