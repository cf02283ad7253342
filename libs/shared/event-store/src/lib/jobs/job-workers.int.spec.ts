import { Injectable } from '@nestjs/common';
import { defineJob } from '@bandstand/shared/queues';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type JobHandler, JobProcessor } from './job-processor.decorator';
import { closeJobsApps, startJobsApp } from './jobs.test-kit';

const exportJob = defineJob<{ readonly file: string }>({ name: 'test.exports', concurrency: 3 });

@JobProcessor(exportJob)
@Injectable()
class ExportProcessor implements JobHandler<{ readonly file: string }> {
  handle(): Promise<unknown> {
    return Promise.resolve(null);
  }
}

@JobProcessor(exportJob)
@Injectable()
class OtherExportProcessor implements JobHandler<{ readonly file: string }> {
  handle(): Promise<unknown> {
    return Promise.resolve(null);
  }
}

describe('JobWorkers', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());

  it('runs one BullMQ worker per definition, with its concurrency, in the worker role only', async () => {
    const worker = await startJobsApp(kernel, { providers: [ExportProcessor] });
    const api = await startJobsApp(kernel, { role: 'api', providers: [ExportProcessor] });
    try {
      expect(worker.workers.handlers().map((each) => each.definition)).toEqual([exportJob]);
      expect(worker.workers.active).toBe(true);
      expect(api.workers.handlers()).toHaveLength(1);
      expect(api.workers.active).toBe(false);
    } finally {
      await closeJobsApps(worker, api);
    }
  });

  it('refuses two processors for one queue', async () => {
    await expect(
      startJobsApp(kernel, { providers: [ExportProcessor, OtherExportProcessor] }),
    ).rejects.toThrow(
      'Queue test.exports has two job processors (ExportProcessor and OtherExportProcessor): keep one',
    );
  });
});
