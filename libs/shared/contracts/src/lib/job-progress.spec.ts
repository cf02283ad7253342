import { progressPercent } from './job-progress';

describe('progressPercent', () => {
  it('rounds down so a bar never shows 100 % before the job is done', () => {
    expect(progressPercent({ done: 199, total: 200 })).toBe(99);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 200, total: 200 })).toBe(100);
  });

  it('treats a job with nothing to do as complete', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(100);
  });
});
