import { Injectable } from '@nestjs/common';
import { defineJob, redisConnectionOptions } from '@bandstand/shared/queues';
import { eventually, removeRedisKeys, testRedisUrl } from '@bandstand/shared/testing';
import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type JobContext, type JobHandler, JobProcessor } from './job-processor.decorator';
import { closeJobsApps, Gate, type JobsTestApp, outboxRows, startJobsApp } from './jobs.test-kit';

interface TaskData {
  readonly label: string;
  /** Waits for the test's gate while running. */
  readonly hold?: boolean;
}

const taskJob = defineJob<TaskData>({
  name: 'test.tasks',
  attempts: 3,
  backoff: { type: 'fixed', delay: 100 },
  concurrency: 4,
});

@Injectable()
class Effects {
  readonly started: string[] = [];
  readonly done: string[] = [];
  gate = new Gate();
}

@JobProcessor(taskJob)
@Injectable()
class TaskProcessor implements JobHandler<TaskData> {
  constructor(private readonly effects: Effects) {}

  async handle(job: Job<TaskData>, context: JobContext): Promise<unknown> {
    this.effects.started.push(job.data.label);
    if (job.data.hold === true) await this.effects.gate.opened;
    this.effects.done.push(job.data.label);
    return { label: job.data.label, attempt: context.attempt };
  }
}

const count = (values: readonly string[], value: string): number =>
  values.filter((each) => each === value).length;

describe('JobReconciler: Redis losing its data', () => {
  let kernel: KernelTestHarness;
  let app: JobsTestApp | undefined;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());
  beforeEach(() => kernel.db.query('truncate kernel.job_outbox'));
  afterEach(async () => {
    // Every app here has Effects: a held job must be let go before its worker can close.
    app?.moduleRef.get(Effects).gate.open();
    await closeJobsApps(app);
    app = undefined;
  });

  it('re-enqueues what Redis lost when it is emptied, and runs each job exactly once', async () => {
    app = await startJobsApp(kernel, { providers: [Effects, TaskProcessor] });
    const { scheduler, reconciler } = app;
    const effects = app.moduleRef.get(Effects);
    const later = new Date(Date.now() + 1_500);
    const running = await scheduler.schedule(taskJob, { label: 'running', hold: true }, { cause: 'running' });
    const waiting = await Promise.all(
      ['a', 'b', 'c'].map((label) => scheduler.schedule(taskJob, { label }, { cause: label, runAt: later })),
    );
    // One job is mid-run, three are dispatched and held back by BullMQ; Redis has seen one reconciliation.
    await eventually(async () => {
      expect(effects.started).toEqual(['running']);
      for (const { jobId } of waiting) expect(await app?.stateOf(taskJob.name, jobId)).toBe('delayed');
      expect(reconciler.rounds).toBeGreaterThan(0);
    });
    const roundsBefore = reconciler.rounds;

    await removeRedisKeys(testRedisUrl(), app.prefix);
    expect(await app.stateOf(taskJob.name, running.jobId)).toBe('unknown');

    await eventually(async () => {
      expect(reconciler.rounds).toBeGreaterThan(roundsBefore);
      for (const { jobId } of [running, ...waiting])
        expect(await app?.stateOf(taskJob.name, jobId)).not.toBe('unknown');
    });
    effects.gate.open();

    const rows = await eventually(async () => {
      const all = await outboxRows(kernel.db, taskJob.name);
      expect(all.map((row) => row.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
      return all;
    }, 15_000);
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
    for (const label of ['running', 'a', 'b', 'c']) {
      expect(count(effects.started, label)).toBe(1);
      expect(count(effects.done, label)).toBe(1);
    }
    // The copy of the running job that was re-enqueued waited for it, then was acknowledged unrun.
    await eventually(
      async () => expect(await app?.stateOf(taskJob.name, running.jobId)).toBe('completed'),
      15_000,
    );
    expect(count(effects.started, 'running')).toBe(1);
  });

  it('reconciles when its Redis connection comes back, and reports what it did', async () => {
    // Neither the marker check nor the sweep may notice: only the reconnection can.
    app = await startJobsApp(kernel, {
      role: 'api',
      providers: [Effects],
      settings: { redisCheckMs: 600_000, sweepMs: 600_000 },
    });
    const { scheduler, dispatcher, reconciler, queues } = app;
    const jobs = await Promise.all(
      ['x', 'y'].map((label) => scheduler.schedule(taskJob, { label }, { cause: ['reconnect', label] })),
    );
    await dispatcher.dispatchPending();
    reconciler.start();
    await eventually(() => expect(reconciler.rounds).toBe(1));
    expect(await reconciler.reconcile()).toEqual({ checked: 2, reenqueued: 0, failed: 0 });

    await removeRedisKeys(testRedisUrl(), app.prefix);
    const admin = new Redis(testRedisUrl());
    try {
      const connectionId = await queues.connection().client('ID');
      await admin.client('KILL', 'ID', String(connectionId));
    } finally {
      admin.disconnect();
    }
    await eventually(async () => {
      expect(reconciler.rounds).toBe(2);
      for (const { jobId } of jobs) expect(await app?.stateOf(taskJob.name, jobId)).toBe('waiting');
    });
    expect(await reconciler.reconcile()).toEqual({ checked: 2, reenqueued: 0, failed: 0 });
  });

  it('fails in the outbox a job that BullMQ failed without a recorded run', async () => {
    app = await startJobsApp(kernel, { role: 'api', providers: [Effects] });
    const { jobId } = await app.scheduler.schedule(taskJob, { label: 'stalled' }, { cause: 'stalled' });
    await app.dispatcher.dispatchPending();
    // A worker that bypasses the outbox, as a job stalled too often is failed by BullMQ itself.
    const rogue = new Worker(
      taskJob.name,
      () => Promise.reject(new Error('job stalled more than allowable limit')),
      { connection: redisConnectionOptions(testRedisUrl()), prefix: app.prefix },
    );
    try {
      await eventually(async () => expect(await app?.stateOf(taskJob.name, jobId)).toBe('failed'), 10_000);
    } finally {
      await rogue.close();
    }
    expect(await app.reconciler.reconcile()).toEqual({ checked: 1, reenqueued: 0, failed: 1 });
    expect(await outboxRows(kernel.db, taskJob.name)).toMatchObject([
      { job_id: jobId, status: 'failed', last_error: 'job stalled more than allowable limit' },
    ]);
    expect(await app.reconciler.reconcile()).toEqual({ checked: 0, reenqueued: 0, failed: 0 });
  });
});
