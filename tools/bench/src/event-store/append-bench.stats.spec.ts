import { type PointSample } from './append-bench.types';
import { checkTargets, median, percentile, summarize } from './append-bench.stats';

function sample(
  contender: PointSample['contender'],
  clients: number,
  batch: number,
  eventsPerSecond: number,
  run = 1,
): PointSample {
  return {
    contender,
    run,
    clients,
    batch,
    events: eventsPerSecond * 3,
    appends: (eventsPerSecond * 3) / batch,
    seconds: 3,
    eventsPerSecond,
    latencyP50Ms: 1,
    latencyP99Ms: 2,
    clientCpuUsPerEvent: 10,
    serverCpuUsPerEvent: 20,
  };
}

describe('median and percentile', () => {
  it('takes the middle figure of an odd count and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('ranks percentiles to the nearest figure', () => {
    const figures = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(figures, 50)).toBe(50);
    expect(percentile(figures, 99)).toBe(99);
    expect(percentile(figures, 100)).toBe(100);
    expect(percentile([3], 99)).toBe(3);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('summarize', () => {
  it('gives each point the median and spread of every contender and the ratios of the medians', () => {
    const samples = [
      ...[900, 1000, 1100].map((rate, i) => sample('raw', 8, 1, rate, i + 1)),
      ...[400, 500, 450].map((rate, i) => sample('emmett', 8, 1, rate, i + 1)),
      ...[700, 900, 800].map((rate, i) => sample('store', 8, 1, rate, i + 1)),
    ];
    const [point] = summarize(samples);
    expect(point?.contenders.raw).toEqual({ median: 1000, min: 900, max: 1100, runs: 3 });
    expect(point?.contenders.store?.median).toBe(800);
    expect(point?.storeOverRaw).toBeCloseTo(0.8);
    expect(point?.storeOverEmmett).toBeCloseTo(800 / 450);
    expect(point?.cpu.store).toEqual({ clientUs: 10, serverUs: 20 });
  });

  it('leaves the server CPU unknown when no run could read it', () => {
    const [point] = summarize([{ ...sample('store', 1, 1, 10), serverCpuUsPerEvent: null }]);
    expect(point?.cpu.store).toEqual({ clientUs: 10, serverUs: undefined });
  });

  it('orders points by events per append, then clients, and leaves ratios out when a contender did not run', () => {
    const points = summarize([
      sample('store', 32, 1, 10),
      sample('store', 1, 100, 10),
      sample('store', 1, 1, 10),
    ]);
    expect(points.map((p) => [p.batch, p.clients])).toEqual([
      [1, 1],
      [1, 32],
      [100, 1],
    ]);
    expect(points[0]?.storeOverRaw).toBeUndefined();
    expect(points[0]?.storeOverEmmett).toBeUndefined();
  });
});

describe('checkTargets', () => {
  const grid = (store: number, raw: number, emmett: number, large: number): PointSample[] => [
    sample('raw', 1, 1, raw),
    sample('emmett', 1, 1, emmett),
    sample('store', 1, 1, store),
    sample('raw', 8, 100, 90_000),
    sample('emmett', 8, 100, 20_000),
    sample('store', 8, 100, large),
    sample('store', 32, 100, large - 5_000),
  ];

  it('passes when the store keeps 0.8 of raw, reaches 50,000 events/s at its best concurrency and beats Emmett', () => {
    const checks = checkTargets(summarize(grid(800, 1000, 500, 52_000)));
    expect(checks.map((check) => check.met)).toEqual([true, true, true]);
    expect(checks[1]?.figure).toBe('52,000 events/s (8 clients)');
    expect(checks[2]?.figure).toContain('ahead at 2 of 2 points');
  });

  it('fails each target that is missed and names the worst point against Emmett', () => {
    const checks = checkTargets(summarize(grid(790, 1000, 800, 49_999)));
    expect(checks.map((check) => check.met)).toEqual([false, false, false]);
    expect(checks[0]?.figure).toBe('0.79× raw');
    expect(checks[2]?.figure).toBe('ahead at 1 of 2 points; lowest 0.99× (1 clients × 1)');
  });

  it('says "not measured" rather than pass or fail when the contenders did not run', () => {
    const checks = checkTargets(summarize([sample('raw', 1, 1, 1000)]));
    expect(checks.map((check) => check.met)).toEqual([undefined, undefined, undefined]);
  });
});
