import { getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { type Job, type Queue } from 'bullmq';
import { jobIdFrom } from './job-id';
import { progressPercent, readJobProgress, reportProgress } from './job-progress';
import { defineQueue, registerQueues } from './queue-definition';
import { QueuesModule } from './queues.module';
import { RedisCheck } from './redis.check';

const demoQueue = defineQueue({
  name: 'test.demo',
  defaultJobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 250 } },
});

interface DemoJob {
  readonly kind: 'plain' | 'flaky' | 'progress';
  readonly label: string;
}

interface Attempt {
  readonly label: string;
  readonly attemptsMade: number;
  readonly at: number;
}

/** What the processor saw, and a gate the progress test opens. */
@Injectable()
class Recorder {
  readonly attempts: Attempt[] = [];
  private release: () => void = () => undefined;
  readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  open(): void {
    this.release();
  }
}

@Processor(demoQueue.name)
class DemoProcessor extends WorkerHost {
  constructor(private readonly recorder: Recorder) {
    super();
  }

  async process(job: Job<DemoJob>): Promise<string> {
    this.recorder.attempts.push({ label: job.data.label, attemptsMade: job.attemptsMade, at: Date.now() });
    if (job.data.kind === 'flaky' && job.attemptsMade < 2)
      throw new Error(`transient failure ${job.attemptsMade + 1}`);
    if (job.data.kind === 'progress') {
      await reportProgress(job, 1, 2, 'ingest');
      await this.recorder.gate;
      await reportProgress(job, 2, 2, 'ingest');
    }
    return `done ${job.data.label}`;
  }
}

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function finished(queue: Queue, jobId: string): Promise<Job> {
  return eventually(async () => {
    const job = await queue.getJob(jobId);
    if (job === undefined) return undefined;
    const state = await job.getState();
    // Fetched again: the first read may predate the job's last progress report.
    return state === 'completed' || state === 'failed' ? queue.getJob(jobId) : undefined;
  }, `job ${jobId} to finish`);
}

describe('QueuesModule against Redis', () => {
  const redisUrl = testRedisUrl();
  let prefix: string;
  let moduleRef: TestingModule;
  let queue: Queue;
  let recorder: Recorder;

  beforeEach(async () => {
    prefix = testQueuePrefix();
    moduleRef = await Test.createTestingModule({
      imports: [
        QueuesModule.forRoot({ REDIS_URL: redisUrl, QUEUE_PREFIX: prefix }),
        registerQueues(demoQueue),
      ],
      providers: [Recorder, DemoProcessor],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    queue = moduleRef.get<Queue>(getQueueToken(demoQueue.name));
    recorder = moduleRef.get(Recorder);
  });

  afterEach(async () => {
    recorder.open();
    await moduleRef.close();
    await removeRedisKeys(redisUrl, prefix);
  });

  it('runs a job enqueued through the module on its processor, under QUEUE_PREFIX', async () => {
    const jobId = jobIdFrom('plain', 1);
    await queue.add('plain', { kind: 'plain', label: 'one' }, { jobId });
    const job = await finished(queue, jobId);
    expect(job.returnvalue).toBe('done one');
    expect(recorder.attempts.map((a) => a.label)).toEqual(['one']);
    expect(queue.opts.prefix).toBe(prefix);
  });

  it('runs the same cause once, however often it is enqueued', async () => {
    const jobId = jobIdFrom('statement', 'payee-7', '2026-10');
    await queue.add('plain', { kind: 'plain', label: 'first' }, { jobId });
    await queue.add('plain', { kind: 'plain', label: 'second' }, { jobId });
    await finished(queue, jobId);
    await queue.add('plain', { kind: 'plain', label: 'third' }, { jobId });
    // No wait needed: a wrongly accepted duplicate would be counted at once, waiting, active,
    // delayed or completed, whatever the processor has done with it so far.
    expect(recorder.attempts.map((a) => a.label)).toEqual(['first']);
    expect(await queue.getJobCounts('completed', 'waiting', 'active', 'delayed')).toEqual({
      completed: 1,
      waiting: 0,
      active: 0,
      delayed: 0,
    });
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const jobId = jobIdFrom('flaky', 1);
    await queue.add('flaky', { kind: 'flaky', label: 'flaky' }, { jobId });
    const job = await finished(queue, jobId);
    expect(await job.getState()).toBe('completed');
    expect(recorder.attempts.map((a) => a.attemptsMade)).toEqual([0, 1, 2]);
    const [first, second, third] = recorder.attempts.map((a) => a.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(240);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(240);
  });

  it('reports progress that readers can see while the job runs', async () => {
    const jobId = jobIdFrom('progress', 1);
    await queue.add('progress', { kind: 'progress', label: 'ingest' }, { jobId });
    const midway = await eventually(async () => {
      const job = await queue.getJob(jobId);
      return job === undefined ? undefined : readJobProgress(job);
    }, 'first progress report');
    expect(midway).toEqual({ done: 1, total: 2, stage: 'ingest' });
    expect(progressPercent(midway)).toBe(50);
    recorder.open();
    const job = await finished(queue, jobId);
    expect(readJobProgress(job)).toEqual({ done: 2, total: 2, stage: 'ingest' });
  });

  it('passes its readiness check', async () => {
    await expect(moduleRef.get(RedisCheck).check()).resolves.toBeUndefined();
  });
});

describe('QueuesModule without Redis', () => {
  it('starts, and its check names Redis and how to provide it', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        QueuesModule.forRoot({ REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1/0', QUEUE_PREFIX: 'unused' }),
        registerQueues(demoQueue),
      ],
      providers: [Recorder, DemoProcessor],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    try {
      const error = await moduleRef
        .get(RedisCheck)
        .check()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        'Redis at 127.0.0.1:1 is not reachable (ECONNREFUSED): start it (docker compose up -d redis) or point REDIS_URL at your server',
      );
      expect((error as Error).message).not.toContain('hunter2');
    } finally {
      moduleRef.get(Recorder).open();
      await moduleRef.close();
    }
  });
});
