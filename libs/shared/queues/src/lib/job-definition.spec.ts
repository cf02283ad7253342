import { defineJob } from './job-definition';
import { registerQueues } from './queue-definition';

describe('defineJob', () => {
  it('declares a queue with its attempts, backoff and concurrency, defaults included', () => {
    const job = defineJob<{ payeeId: string }>({ name: 'royalties.statements' });
    expect(job).toEqual({
      name: 'royalties.statements',
      attempts: 3,
      backoff: { type: 'exponential', delay: 1_000 },
      concurrency: 1,
      defaultJobOptions: {
        removeOnComplete: { age: 86_400, count: 1000 },
        removeOnFail: { age: 604_800 },
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
      },
    });
    expect(Object.isFrozen(job)).toBe(true);
    expect(Object.isFrozen(job.backoff)).toBe(true);
  });

  it('takes what the definition says over the defaults', () => {
    const job = defineJob({
      name: 'perks.delivery',
      attempts: 5,
      backoff: { type: 'fixed', delay: 250 },
      concurrency: 4,
      retention: { removeOnComplete: false, removeOnFail: undefined },
    });
    expect(job).toMatchObject({ attempts: 5, backoff: { type: 'fixed', delay: 250 }, concurrency: 4 });
    expect(job.defaultJobOptions).toEqual({
      removeOnComplete: false,
      removeOnFail: { age: 604_800 },
      attempts: 5,
      backoff: { type: 'fixed', delay: 250 },
    });
  });

  it('is a queue definition that registerQueues accepts', () => {
    expect(() => registerQueues(defineJob({ name: 'catalog.ern-import' }))).not.toThrow();
  });

  it.each([
    [{ name: 'bad:name' }, 'is not allowed'],
    [{ name: 'a.b', attempts: 0 }, 'attempts must be a whole number of at least 1, got 0'],
    [{ name: 'a.b', attempts: 1.5 }, 'attempts must be a whole number'],
    [{ name: 'a.b', concurrency: 0 }, 'concurrency must be a whole number of at least 1, got 0'],
    [{ name: 'a.b', backoff: { type: 'fixed', delay: -1 } }, 'backoff delay must be at least 0 ms'],
  ])('rejects %p', (options, message) => {
    expect(() => defineJob(options)).toThrow(message);
  });
});
