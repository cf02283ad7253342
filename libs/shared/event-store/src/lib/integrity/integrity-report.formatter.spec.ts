import { type IntegrityReport } from '@bandstand/shared/contracts';
import { describeProblemSubject, formatIntegrityReport } from './integrity-report.formatter';

const base: IntegrityReport = {
  intact: true,
  complete: true,
  checkedEvents: 12_345,
  checkedStreams: 1,
  seals: 13,
  unsealedEvents: 345,
  problemCount: 0,
  problems: [],
  latestSeal: {
    sealNumber: 13,
    eventCount: 1000,
    lastGlobalPosition: '12000',
    lastTransactionId: '901',
    chain: 'ab'.repeat(32),
    sealedAt: '2026-11-21T10:00:00.000Z',
  },
  startedAt: '2026-11-21T10:00:01.000Z',
  finishedAt: '2026-11-21T10:00:02.000Z',
};

describe('formatIntegrityReport', () => {
  it('says an intact store is intact and how to anchor its latest seal', () => {
    expect(formatIntegrityReport(base)).toBe(
      [
        'Event store intact: checked 12,345 events in 1 stream, 13 seals (345 events not sealed yet).',
        '',
        'Latest seal: 13 (through global position 12000, 2026-11-21T10:00:00.000Z).',
        `Record it elsewhere to prove later that the log was not truncated: --anchor 13:${'ab'.repeat(32)}`,
      ].join('\n'),
    );
  });

  it('says when only part of the store was checked', () => {
    const { latestSeal: _, ...report } = base;
    expect(formatIntegrityReport({ ...report, complete: false })).toBe(
      'No problem found in the part checked (12,345 events in 1 stream, 13 seals (345 events not sealed yet)): the verification stopped at its event limit.',
    );
  });

  it('names the first problem, then the others, then how many it left out', () => {
    const text = formatIntegrityReport({
      ...base,
      intact: false,
      problemCount: 3,
      firstProblem: {
        kind: 'removed',
        globalPosition: '1042',
        streamId: 'payout-7',
        streamVersion: 3,
        sealNumber: 2,
        detail: 'Seal 2 lists it; it is gone',
      },
      problems: [
        {
          kind: 'removed',
          globalPosition: '1042',
          streamId: 'payout-7',
          streamVersion: 3,
          sealNumber: 2,
          detail: 'Seal 2 lists it; it is gone',
        },
        { kind: 'seal-broken', sealNumber: 5, detail: 'Seal 5 does not match its chain' },
      ],
    });
    expect(text).toContain('Event store TAMPERED: 3 problems found, checking 12,345 events');
    expect(text).toContain(
      'First problem in commit order: removed: global position 1042, stream payout-7 version 3, seal 2\n    Seal 2 lists it; it is gone',
    );
    expect(text).toContain('Then:\n  seal-broken: seal 5\n    Seal 5 does not match its chain');
    expect(text).toContain('… and 1 more problem.');
  });
});

describe('describeProblemSubject', () => {
  it('names what it can', () => {
    expect(describeProblemSubject({ kind: 'removed', streamId: 'a-1', detail: '' })).toBe('stream a-1');
    expect(describeProblemSubject({ kind: 'changed', eventId: 'e', detail: '' })).toBe('event id e');
    expect(describeProblemSubject({ kind: 'seal-broken', detail: '' })).toBe('the event store');
  });
});
