import { jobIdFrom } from '@bandstand/shared/queues';
import { UnrecoverableError } from 'bullmq';
import { describeJobError, isGeneratedJobId } from './job-ledger.service';
import { isFinalFailure } from './job-runner.service';

describe('isFinalFailure', () => {
  it.each([
    [0, 3, new Error('x'), false],
    [1, 3, new Error('x'), false],
    [2, 3, new Error('x'), true],
    [0, undefined, new Error('x'), true],
    [0, 3, new UnrecoverableError('bad input'), true],
    [0, 3, Object.assign(new Error('from a child process'), { name: 'UnrecoverableError' }), true],
  ])('after %p earlier attempts of %p, %p is final: %p', (attemptsMade, attempts, error, final) => {
    expect(isFinalFailure({ attemptsMade, opts: attempts === undefined ? {} : { attempts } }, error)).toBe(
      final,
    );
  });
});

describe('describeJobError', () => {
  it('keeps the name and message, bounded', () => {
    expect(describeJobError(new TypeError('no payee'))).toBe('TypeError: no payee');
    expect(describeJobError('plain')).toBe('plain');
    const long = describeJobError(new Error('x'.repeat(10_000)));
    expect(long).toHaveLength(4_001);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('isGeneratedJobId', () => {
  it('tells the ids BullMQ counts from the ids of causes', () => {
    expect(isGeneratedJobId('1')).toBe(true);
    expect(isGeneratedJobId('20417')).toBe(true);
    expect(isGeneratedJobId(jobIdFrom('statement', 1))).toBe(false);
    expect(isGeneratedJobId('repeat:nightly:1764000000000')).toBe(false);
  });
});
