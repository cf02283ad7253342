import { Injectable } from '@nestjs/common';
import { defineJob } from '@bandstand/shared/queues';
import { eventually } from '@bandstand/shared/testing';
import { type Job } from 'bullmq';
import { type JobHandler, JobProcessor } from '../lib/jobs/job-processor.decorator';
import { closeJobsApps, Gate, type JobsTestApp, outboxRows, startJobsApp } from '../lib/jobs/jobs.test-kit';
import { CommitListener } from '../lib/notify/commit-notifier';
import { type EventMetadata } from '../lib/store/event';
import {
  committedVersions,
  counterProjection,
  counterState,
  createCounterTables,
} from '../lib/subscriptions/runner-test-projection';
import { SubscriptionRunner } from '../lib/subscriptions/subscription-runner';
import { createKernelTestHarness, type KernelTestHarness } from '../lib/testing/kernel-test-harness';
import { restartRedisEmpty } from './restart';

const chaosJob = defineJob<{ readonly label: string; readonly hold?: boolean }>({
  name: 'chaos.tasks',
  attempts: 3,
  backoff: { type: 'fixed', delay: 100 },
  concurrency: 4,
});

@Injectable()
class Effects {
  readonly done: string[] = [];
  gate = new Gate();
}

@JobProcessor(chaosJob)
@Injectable()
class ChaosProcessor implements JobHandler<{ readonly label: string; readonly hold?: boolean }> {
  constructor(private readonly effects: Effects) {}

  async handle(job: Job<{ readonly label: string; readonly hold?: boolean }>): Promise<unknown> {
    if (job.data.hold === true) await this.effects.gate.opened;
    this.effects.done.push(job.data.label);
    return { label: job.data.label };
  }
}

const metadata: EventMetadata = {
  correlationId: 'c',
  causationId: null,
  actor: 'system:chaos',
  tenantId: null,
};

describe('Redis restarted empty', () => {
  let kernel: KernelTestHarness;
  let app: JobsTestApp | undefined;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    await createCounterTables(kernel.db, 'chaos_redis');
  });
  afterAll(async () => {
    app?.moduleRef.get(Effects).gate.open();
    await closeJobsApps(app);
    await kernel.close();
  });

  it('re-enqueues every unfinished job, runs each once, and projections converge', async () => {
    const listener = new CommitListener(kernel.database.url, 200);
    await listener.start();
    const runner = new SubscriptionRunner(
      kernel.db,
      kernel.store,
      listener,
      counterProjection('chaos_redis'),
      {
        leaseMs: 2_000,
        idlePollMs: 200,
      },
    );
    runner.start();
    app = await startJobsApp(kernel, { providers: [Effects, ChaosProcessor] });
    const effects = app.moduleRef.get(Effects);
    const labels = Array.from({ length: 20 }, (_, i) => `job-${i}`);
    const later = new Date(Date.now() + 2_000);
    await app.scheduler.schedule(chaosJob, { label: 'held', hold: true }, { cause: 'held' });
    for (const label of labels) {
      await kernel.db.transaction(async () => {
        await kernel.store.append(`chaos-${label}`, [{ type: 'ThingHappened', data: { label } }], {
          expectedVersion: 'no_stream',
          metadata,
        });
        await app?.scheduler.schedule(chaosJob, { label }, { cause: label, runAt: later });
      });
    }
    await eventually(async () => {
      const rows = await outboxRows(kernel.db, chaosJob.name);
      expect(rows.filter((row) => row.status === 'dispatched' || row.status === 'running')).toHaveLength(21);
    }, 30_000);

    restartRedisEmpty();
    effects.gate.open();

    await eventually(async () => {
      const rows = await outboxRows(kernel.db, chaosJob.name);
      expect(rows.map((row) => row.status)).toEqual(Array.from({ length: 21 }, () => 'completed'));
    }, 60_000);
    for (const label of ['held', ...labels])
      expect(effects.done.filter((each) => each === label)).toHaveLength(1);
    await eventually(async () => {
      const state = await counterState(kernel.db, 'chaos_redis');
      expect(state.counts).toEqual(await committedVersions(kernel.db));
    }, 30_000);
    await runner.stop();
    await listener.stop();
  });
});
