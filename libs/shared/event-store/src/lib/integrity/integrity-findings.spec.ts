import { compareKeys, Findings, keyAt } from './integrity-findings';

const at = (transactionId: bigint, globalPosition: bigint, offset: -1 | 0 | 1 = 0) =>
  keyAt({ transactionId, globalPosition }, offset);

describe('problem order', () => {
  it('follows the commit order: transaction id, then global position, then before/at/after', () => {
    const keys = [at(7n, 3n), at(5n, 9n, 1), at(7n, 1n, -1), at(5n, 9n), at(5n, 9n, -1), at(5n, 2n)];
    expect([...keys].sort(compareKeys)).toEqual([
      at(5n, 2n),
      at(5n, 9n, -1),
      at(5n, 9n),
      at(5n, 9n, 1),
      at(7n, 1n, -1),
      at(7n, 3n),
    ]);
  });
});

describe('Findings', () => {
  it('lists problems earliest first, keeps ties in the order found, and leaves out absent fields', () => {
    const findings = new Findings();
    findings.add(at(9n, 1n), { kind: 'changed', globalPosition: 1n, detail: 'late' });
    findings.add(at(2n, 5n, 1), { kind: 'removed', globalPosition: 6n, sealNumber: 1, detail: 'first tie' });
    findings.add(at(2n, 5n, 1), { kind: 'removed', globalPosition: 7n, sealNumber: 1, detail: 'second tie' });
    expect(findings.count).toBe(3);
    expect(findings.problems()).toEqual([
      { kind: 'removed', globalPosition: '6', sealNumber: 1, detail: 'first tie' },
      { kind: 'removed', globalPosition: '7', sealNumber: 1, detail: 'second tie' },
      { kind: 'changed', globalPosition: '1', detail: 'late' },
    ]);
    expect(findings.problems(1)).toHaveLength(1);
  });

  it('forgets a dropped finding once', () => {
    const findings = new Findings();
    const gap = findings.add(at(3n, 4n, 1), {
      kind: 'removed',
      streamId: 'a-1',
      streamVersion: 2,
      detail: 'gap',
    });
    findings.drop(gap);
    findings.drop(gap);
    expect(findings.count).toBe(0);
    expect(findings.problems()).toEqual([]);
  });

  it('keeps the earliest problems and the full count when a store is badly damaged', () => {
    const findings = new Findings();
    for (let n = 50_000n; n > 0n; n -= 1n) {
      findings.add(at(1n, n), { kind: 'removed', globalPosition: n, detail: 'gone' });
    }
    expect(findings.count).toBe(50_000);
    expect(findings.problems(3).map((problem) => problem.globalPosition)).toEqual(['1', '2', '3']);
  });
});
