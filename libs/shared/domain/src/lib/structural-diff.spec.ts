import {
  assertStructurallyEqual,
  describeDifferences,
  formatValue,
  isStructurallyEqual,
  MISSING,
  SpecificationFailure,
  structuralDifferences,
} from './structural-diff';

class Amount {
  constructor(
    readonly value: number,
    readonly currency: string,
  ) {}
}

describe('structuralDifferences', () => {
  it.each<[string, unknown, unknown]>([
    ['nested objects', { a: { b: [1, 'x', true, null] } }, { a: { b: [1, 'x', true, null] } }],
    ['dates by time', new Date('2026-01-01T00:00:00Z'), new Date(Date.UTC(2026, 0, 1))],
    ['bigints', { n: 12n }, { n: 12n }],
    ['NaN with NaN', Number.NaN, Number.NaN],
    ['0 with -0', 0, -0],
    ['keys holding undefined with absent keys', { a: 1, b: undefined }, { a: 1 }],
    [
      'a class instance with a plain object of the same keys',
      new Amount(5, 'EUR'),
      { value: 5, currency: 'EUR' },
    ],
    [
      'maps by key',
      new Map([
        ['a', { x: 1 }],
        ['b', { x: 2 }],
      ]),
      new Map([
        ['b', { x: 2 }],
        ['a', { x: 1 }],
      ]),
    ],
    ['sets regardless of order', new Set([{ id: 1 }, { id: 2 }]), new Set([{ id: 2 }, { id: 1 }])],
    ['byte arrays', Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3)],
    ['errors by name and message', new TypeError('bad'), new TypeError('bad')],
    ['regular expressions', /a+/gi, /a+/gi],
  ])('finds %s equal', (_, actual, expected) => {
    expect(structuralDifferences(actual, expected)).toEqual([]);
    expect(isStructurallyEqual(actual, expected)).toBe(true);
  });

  it('names the path of a changed leaf', () => {
    expect(
      structuralDifferences(
        [{ type: 'Paid', data: { amount: 4, 'line-id': 'a' } }],
        [{ type: 'Paid', data: { amount: 5, 'line-id': 'b' } }],
      ),
    ).toEqual([
      { path: '$[0].data.amount', expected: 5, actual: 4 },
      { path: '$[0].data["line-id"]', expected: 'b', actual: 'a' },
    ]);
  });

  it('reports missing and unexpected keys and elements', () => {
    expect(structuralDifferences({ a: 1, c: 3 }, { a: 1, b: 2 })).toEqual([
      { path: '$.b', expected: 2, actual: MISSING, reason: 'missing key' },
      { path: '$.c', expected: MISSING, actual: 3, reason: 'unexpected key' },
    ]);
    expect(structuralDifferences([1], [1, 2])).toEqual([
      { path: '$[1]', expected: 2, actual: MISSING, reason: 'missing element' },
    ]);
    expect(structuralDifferences([1, 2, 3], [1])).toHaveLength(2);
  });

  it.each<[string, unknown, unknown, string]>([
    ['an array for an object', [], {}, 'expected an object, received an array'],
    ['a string for a date', '2026-01-01', new Date('2026-01-01'), 'expected a date, received string'],
    ['null for an object', null, { a: 1 }, 'expected an object, received null'],
    ['a number for a bigint', 1, 1n, 'expected bigint, received number'],
  ])('tells %s apart', (_, actual, expected, reason) => {
    expect(structuralDifferences(actual, expected)).toEqual([{ path: '$', expected, actual, reason }]);
  });

  it('finds differing dates, map entries, set members and bytes', () => {
    expect(structuralDifferences(new Date(1), new Date(2))).toHaveLength(1);
    expect(structuralDifferences(new Map([['a', 1]]), new Map([['a', 2]]))).toEqual([
      { path: '$.get("a")', expected: 2, actual: 1 },
    ]);
    expect(structuralDifferences(new Set([1, 2]), new Set([1, 3]))).toEqual([
      { path: '$', expected: 3, actual: MISSING, reason: 'missing member' },
      { path: '$', expected: MISSING, actual: 2, reason: 'unexpected member' },
    ]);
    expect(structuralDifferences(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toEqual([
      { path: '$[1]', expected: 3, actual: 2 },
    ]);
    expect(structuralDifferences(new Error('a'), new Error('b'))).toHaveLength(1);
  });

  it('lets asymmetric matchers decide, jest’s and hand-made ones', () => {
    const even = { asymmetricMatch: (actual: unknown) => typeof actual === 'number' && actual % 2 === 0 };
    expect(structuralDifferences({ id: 'x', n: 4 }, { id: expect.any(String) as unknown, n: even })).toEqual(
      [],
    );
    const differences = structuralDifferences(
      { id: 1, n: 3 },
      { id: expect.any(String) as unknown, n: even },
    );
    expect(differences.map(({ path, actual }) => [path, actual])).toEqual([
      ['$.id', 1],
      ['$.n', 3],
    ]);
    expect(formatValue(expect.stringMatching(/^a/))).toBe('StringMatching /^a/');
    expect(formatValue(even)).toBe('<asymmetric matcher>');
  });

  it('terminates on cyclic structures', () => {
    const a: { self?: unknown; n: number } = { n: 1 };
    a.self = a;
    const b: { self?: unknown; n: number } = { n: 1 };
    b.self = b;
    expect(structuralDifferences(a, b)).toEqual([]);
    const c: { self?: unknown; n: number } = { n: 2 };
    c.self = c;
    expect(structuralDifferences(a, c).map((d) => d.path)).toContain('$.n');
  });

  it('stops after the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => i);
    expect(
      structuralDifferences(
        many,
        many.map((i) => i + 1),
        5,
      ),
    ).toHaveLength(5);
  });
});

describe('formatValue', () => {
  it('renders values unambiguously on one line', () => {
    expect(
      formatValue({
        s: 'x',
        n: 1,
        b: 2n,
        u: undefined,
        d: new Date('2026-01-01T00:00:00Z'),
        a: [1, 'y'],
        m: new Map([['k', 1]]),
        amount: new Amount(1, 'EUR'),
        'odd key': null,
      }),
    ).toBe(
      '{ s: "x", n: 1, b: 2n, u: undefined, d: Date(2026-01-01T00:00:00.000Z), a: [1, "y"], m: Map { "k" => 1 }, amount: Amount { value: 1, currency: "EUR" }, "odd key": null }',
    );
  });

  it('indents when multi-line and marks cycles', () => {
    const cyclic: { name: string; self?: unknown } = { name: 'c' };
    cyclic.self = cyclic;
    expect(formatValue({ list: [1], cyclic }, true)).toBe(
      '{\n  list: [\n    1\n  ],\n  cyclic: {\n    name: "c",\n    self: [Circular]\n  }\n}',
    );
  });
});

describe('assertStructurallyEqual', () => {
  it('passes silently on equal values', () => {
    expect(() => assertStructurallyEqual({ a: [1] }, { a: [1] }, 'title')).not.toThrow();
  });

  it('throws a SpecificationFailure listing the differences and both values', () => {
    let failure: unknown;
    try {
      assertStructurallyEqual({ total: 4, lines: [] }, { total: 5, lines: [] }, 'the totals differ');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SpecificationFailure);
    const { message, differences } = failure as SpecificationFailure;
    expect(differences).toEqual([{ path: '$.total', expected: 5, actual: 4 }]);
    expect(message).toBe(
      [
        'the totals differ',
        '  $.total: expected 5, received 4',
        '',
        'Expected:',
        '{\n  total: 5,\n  lines: []\n}',
        '',
        'Received:',
        '{\n  total: 4,\n  lines: []\n}',
      ].join('\n'),
    );
  });

  it('describes missing values and long values shortened', () => {
    const text = describeDifferences([
      { path: '$.a', expected: 'x'.repeat(200), actual: MISSING, reason: 'missing key' },
    ]);
    expect(text).toMatch(/^ {2}\$\.a: missing key: expected "x+…, received <missing>$/);
  });
});
