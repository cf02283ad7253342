import fc from 'fast-check';
import { jobProgress, progressPercent, readJobProgress, reportProgress } from './job-progress';

describe('job progress', () => {
  it('stores what reportProgress wrote and reads it back', async () => {
    const job: { progress: unknown; updateProgress(value: unknown): Promise<void> } = {
      progress: 0,
      updateProgress(value) {
        this.progress = value;
        return Promise.resolve();
      },
    };
    await reportProgress(job, 3, 10, 'parse');
    expect(readJobProgress({ progress: job.progress as object })).toEqual({
      done: 3,
      total: 10,
      stage: 'parse',
    });
  });

  it('ignores progress in any other shape', () => {
    for (const progress of [
      0,
      42,
      'half',
      true,
      {},
      { done: 2 },
      { done: 3, total: 2 },
      { done: -1, total: 2 },
      { done: 1.5, total: 2 },
    ]) {
      expect(readJobProgress({ progress })).toBeUndefined();
    }
  });

  it('rejects impossible reports', () => {
    expect(() => jobProgress(3, 2)).toThrow('cannot be past its total');
    expect(() => jobProgress(-1, 2)).toThrow('whole numbers');
    expect(() => jobProgress(0.5, 2)).toThrow('whole numbers');
  });

  it('turns any valid progress into a percent from 0 to 100, reaching 100 only when done', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const progress = jobProgress(Math.min(a, b), Math.max(a, b));
        const percent = progressPercent(progress);
        expect(Number.isInteger(percent)).toBe(true);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(percent === 100).toBe(progress.done === progress.total);
      }),
    );
  });
});
