import { Injectable } from '@nestjs/common';
import { defineJob, jobIdFrom, readJobProgress } from '@bandstand/shared/queues';
import { eventually } from '@bandstand/shared/testing';
import { type Job } from 'bullmq';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type JobContext, type JobHandler, JobProcessor } from './job-processor.decorator';
import { closeJobsApps, Gate, type JobsTestApp, outboxRows, startJobsApp } from './jobs.test-kit';

interface WorkData {
  readonly label: string;
  /** Runs that fail before one succeeds. */
  readonly failTimes?: number;
  readonly failAlways?: boolean;
  readonly reportProgress?: boolean;
  /** Writes its effect with completeWith, then fails the first run anyway. */
  readonly effectThenCrash?: boolean;
}

const workJob = defineJob<WorkData>({
  name: 'test.work',
  attempts: 3,
  backoff: { type: 'exponential', delay: 100 },
  concurrency: 4,
});

interface Call {
  readonly label: string;
  readonly attempt: number;
  readonly at: number;
}

@Injectable()
class Calls {
  readonly calls: Call[] = [];
  progressGate = new Gate();

  of(label: string): Call[] {
    return this.calls.filter((call) => call.label === label);
  }
}

@JobProcessor(workJob)
@Injectable()
class WorkProcessor implements JobHandler<WorkData> {
  constructor(private readonly calls: Calls) {}

  async handle(job: Job<WorkData>, context: JobContext): Promise<unknown> {
    const { label } = job.data;
    const earlier = this.calls.of(label).length;
    this.calls.calls.push({ label, attempt: context.attempt, at: Date.now() });
    if (job.data.failAlways === true) throw new Error(`always fails (${context.attempt})`);
    if (earlier < (job.data.failTimes ?? 0)) throw new Error(`transient failure ${earlier + 1}`);
    if (job.data.reportProgress === true) {
      await context.progress(1, 2, 'render');
      await this.calls.progressGate.opened;
      await context.progress(2, 2, 'render');
    }
    if (job.data.effectThenCrash === true) {
      await context.completeWith((tx) =>
        tx.query('insert into public.job_effects (label) values ($1)', [label]),
      );
      throw new Error('crashed after its effect was committed');
    }
    return { done: label };
  }
}

describe('jobs run by the worker, recorded in the outbox', () => {
  let kernel: KernelTestHarness;
  let app: JobsTestApp;
  let calls: Calls;

  const completed = (jobId: string) =>
    eventually(async () => {
      expect(await app.stateOf(workJob.name, jobId)).toBe('completed');
      const row = (await outboxRows(kernel.db, workJob.name)).find((each) => each.job_id === jobId);
      expect(row?.status).toBe('completed');
      return row;
    }, 15_000);

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    await kernel.db.query('create table public.job_effects (label text not null)');
    app = await startJobsApp(kernel, { providers: [Calls, WorkProcessor] });
    calls = app.moduleRef.get(Calls);
  });
  afterAll(async () => {
    calls.progressGate.open();
    await closeJobsApps(app);
    await kernel.close();
  });

  it('runs a cause scheduled twice once, and keeps its result', async () => {
    const cause = ['work', 'once'];
    const first = await app.scheduler.schedule(workJob, { label: 'once' }, { cause });
    const second = await kernel.db.transaction(() =>
      app.scheduler.schedule(workJob, { label: 'twice' }, { cause }),
    );
    expect(second).toEqual({ ...first, created: false });
    const row = await completed(first.jobId);
    expect(row).toMatchObject({ attempts: 1, result: { done: 'once' }, last_error: null });
    expect(row?.finished_at).not.toBeNull();
    expect(calls.of('once').map((call) => call.attempt)).toEqual([1]);
    expect(calls.of('twice')).toEqual([]);
    expect(
      await app.queues.queue(workJob.name).getJobCounts('completed', 'waiting', 'delayed', 'active'),
    ).toEqual({
      completed: 1,
      waiting: 0,
      delayed: 0,
      active: 0,
    });
  });

  it('retries a job that fails twice with exponential backoff, recording each attempt', async () => {
    const { jobId } = await app.scheduler.schedule(
      workJob,
      { label: 'flaky', failTimes: 2 },
      { cause: 'flaky' },
    );
    const row = await completed(jobId);
    expect(row).toMatchObject({
      attempts: 3,
      last_error: 'Error: transient failure 2',
      result: { done: 'flaky' },
    });
    const runs = calls.of('flaky');
    expect(runs.map((call) => call.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = runs.map((call) => call.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(95);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(195);
  });

  it('fails a job for good after its last attempt, with the error kept', async () => {
    const { jobId } = await app.scheduler.schedule(
      workJob,
      { label: 'doomed', failAlways: true },
      { cause: 'doomed' },
    );
    const row = await eventually(async () => {
      const found = (await outboxRows(kernel.db, workJob.name)).find((each) => each.job_id === jobId);
      expect(found?.status).toBe('failed');
      return found;
    }, 15_000);
    expect(row).toMatchObject({ attempts: 3, last_error: 'Error: always fails (3)' });
    expect(row?.finished_at).not.toBeNull();
    await eventually(async () => expect(await app.stateOf(workJob.name, jobId)).toBe('failed'));
  });

  it('does not run a completed job again when BullMQ has forgotten it and it is added again', async () => {
    const { jobId } = await app.scheduler.schedule(workJob, { label: 'forgotten' }, { cause: 'forgotten' });
    await completed(jobId);
    const queue = app.queues.queue(workJob.name);
    // What BullMQ's retention does to a completed job, then a producer adding the same cause.
    await queue.remove(jobId);
    expect(await app.stateOf(workJob.name, jobId)).toBe('unknown');
    await queue.add(workJob.name, { label: 'forgotten' }, { jobId });
    const row = await completed(jobId);
    expect(calls.of('forgotten')).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 1, result: { done: 'forgotten' } });
  });

  it('commits an effect with its completion record, so a crash after it does not repeat it', async () => {
    const { jobId } = await app.scheduler.schedule(
      workJob,
      { label: 'effect', effectThenCrash: true },
      { cause: 'effect' },
    );
    // The run failed after its commit; BullMQ's retry finds the job completed and does nothing.
    await completed(jobId);
    expect(await kernel.db.query('select label from public.job_effects')).toEqual([{ label: 'effect' }]);
    expect(calls.of('effect')).toHaveLength(1);
    // Two deliveries: the run that failed after its commit, and the retry acknowledged unrun.
    const job = await app.queues.queue(workJob.name).getJob(jobId);
    expect(job?.attemptsMade).toBe(2);
  });

  it('reports progress that readers see while the job runs', async () => {
    const { jobId } = await app.scheduler.schedule(
      workJob,
      { label: 'progress', reportProgress: true },
      { cause: 'progress' },
    );
    const midway = await eventually(async () => {
      const job = await app.queues.queue(workJob.name).getJob(jobId);
      const progress = job === undefined ? undefined : readJobProgress(job);
      expect(progress).toBeDefined();
      return progress;
    });
    expect(midway).toEqual({ done: 1, total: 2, stage: 'render' });
    calls.progressGate.open();
    await completed(jobId);
    const job = await app.queues.queue(workJob.name).getJob(jobId);
    expect(job === undefined ? undefined : readJobProgress(job)).toEqual({
      done: 2,
      total: 2,
      stage: 'render',
    });
  });

  it('runs a job added without an id unrecorded: BullMQ counts its ids afresh after losing its data', async () => {
    const job = await app.queues.queue(workJob.name).add(workJob.name, { label: 'anonymous' });
    await eventually(async () => expect(await job.getState()).toBe('completed'));
    expect(calls.of('anonymous')).toHaveLength(1);
    expect((await outboxRows(kernel.db, workJob.name)).filter((row) => row.job_id === job.id)).toEqual([]);
  });

  it('records a job added to BullMQ directly, as if it had been scheduled', async () => {
    const jobId = jobIdFrom('direct', 1);
    await app.queues.queue(workJob.name).add(workJob.name, { label: 'direct' }, { jobId, attempts: 2 });
    const row = await completed(jobId);
    expect(row).toMatchObject({ attempts: 1, data: { label: 'direct' }, result: { done: 'direct' } });
  });
});
