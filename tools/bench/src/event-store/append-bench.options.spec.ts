import { BenchUsageError, parseBenchOptions } from './append-bench.options';
import { planRuns } from './append-bench.plan';
import { type BenchOptions } from './append-bench.types';

const parse = (args: string[], env: Record<string, string> = {}): BenchOptions => {
  const options = parseBenchOptions(args, env, '/repo');
  if (options === 'help') throw new Error('unexpected help');
  return options;
};

describe('parseBenchOptions', () => {
  it('defaults to the full grid, three runs of 0.5 s warm-up and 3 s, written into docs/benchmarks.md', () => {
    expect(parse([])).toEqual({
      quick: false,
      runs: 3,
      warmupMs: 500,
      durationMs: 3000,
      clients: [1, 8, 32],
      batches: [1, 10, 100],
      contenders: ['raw', 'emmett', 'store'],
      write: true,
      docPath: '/repo/docs/benchmarks.md',
      jsonPath: undefined,
      fromJsonPath: undefined,
    });
  });

  it('makes --quick one short run that writes nothing unless told to', () => {
    expect(parse(['--quick'])).toMatchObject({ runs: 1, warmupMs: 200, durationMs: 1000, write: false });
    expect(parse(['--quick', '--write', '--runs', '2'])).toMatchObject({ runs: 2, write: true });
  });

  it('takes flags over BENCH_* variables over defaults', () => {
    const env = { BENCH_RUNS: '5', BENCH_DURATION_MS: '2000', BENCH_CLIENTS: '32,1' };
    expect(parse(['--runs', '7'], env)).toMatchObject({ runs: 7, durationMs: 2000, clients: [1, 32] });
    expect(parse(['--no-write', '--contenders', 'store,raw', '--json', 'tmp/b.json'])).toMatchObject({
      write: false,
      contenders: ['raw', 'store'],
      jsonPath: '/repo/tmp/b.json',
    });
    expect(parse(['--from-json', '/tmp/b.json'])).toMatchObject({ fromJsonPath: '/tmp/b.json', write: true });
  });

  it('rejects figures and contenders that make no sense', () => {
    expect(() => parse(['--runs', '0'])).toThrow(BenchUsageError);
    expect(() => parse(['--batches', '1,ten'])).toThrow(BenchUsageError);
    expect(() => parse(['--contenders', 'raw,marten'])).toThrow(BenchUsageError);
    expect(() => parse(['--bogus'])).toThrow(BenchUsageError);
  });

  it('answers --help', () => {
    expect(parseBenchOptions(['--help'], {}, '/repo')).toBe('help');
  });
});

describe('planRuns', () => {
  it('measures every contender at every point in every run', () => {
    const plan = planRuns(parse([]));
    expect(plan).toHaveLength(3 * 9 * 3);
    expect(
      new Set(plan.map((spec) => `${spec.run}/${spec.clients}/${spec.batch}/${spec.contender}`)).size,
    ).toBe(81);
  });

  it('rotates which contender goes first, from point to point and from run to run', () => {
    const plan = planRuns(parse(['--runs', '3', '--clients', '1', '--batches', '1,10']));
    const firsts = (run: number, batch: number): string | undefined =>
      plan.find((spec) => spec.run === run && spec.batch === batch)?.contender;
    expect([firsts(1, 1), firsts(1, 10)]).toEqual(['raw', 'emmett']);
    expect([1, 2, 3].map((run) => firsts(run, 1))).toEqual(['raw', 'emmett', 'store']);
  });
});
