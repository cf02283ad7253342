import { renderEventStoreSection, SECTION_END, SECTION_START, spliceSection } from './append-bench.report';
import { checkTargets, summarize } from './append-bench.stats';
import { type PointSample } from './append-bench.types';

const environment = {
  date: '2026-11-21',
  postgres: '15.20',
  postgresSettings: 'synchronous_commit=on',
  node: '24.21.0',
  cpus: 2,
  memoryGiB: 24,
  emmettVersion: '0.42.0',
  loadAverage: [0.4, 1.25, 3] as const,
};

function sample(contender: PointSample['contender'], run: number, eventsPerSecond: number): PointSample {
  return {
    contender,
    run,
    clients: 8,
    batch: 10,
    events: eventsPerSecond,
    appends: eventsPerSecond / 10,
    seconds: 1,
    eventsPerSecond,
    latencyP50Ms: 1,
    latencyP99Ms: 2,
    clientCpuUsPerEvent: 10,
    serverCpuUsPerEvent: 20,
  };
}

describe('renderEventStoreSection', () => {
  const samples = [
    sample('raw', 1, 20_000),
    sample('raw', 2, 22_000),
    sample('store', 1, 18_000),
    sample('store', 2, 18_500),
    sample('emmett', 1, 9_000),
    sample('emmett', 2, 9_999.6),
  ];
  const points = summarize(samples);
  const section = renderEventStoreSection({
    options: { runs: 2, warmupMs: 500, durationMs: 3000, quick: false },
    environment,
    points,
    targets: checkTargets(points),
  });

  it('is enclosed in its markers', () => {
    expect(section.startsWith(`${SECTION_START}\n`)).toBe(true);
    expect(section.endsWith(`${SECTION_END}\n`)).toBe(true);
  });

  it('gives the medians with their spread and the ratios in one row per point', () => {
    expect(section).toContain(
      '| 8 | 10 | 21,000 (20,000–22,000) | 9,500 (9,000–10,000) | 18,250 (18,000–18,500) | 0.87× | 1.92× |',
    );
  });

  it('gives the CPU time per event of client and server', () => {
    expect(section).toContain('| 8 | 10 | 10 / 20 | 10 / 20 | 10 / 20 |');
  });

  it('states how it was measured and which targets are met', () => {
    expect(section).toContain('(2 cores, 24 GiB), Node 24.21.0,\nPostgreSQL 15.20 (synchronous_commit=on).');
    expect(section).toContain('The grid below ran 2 times; each point: 0.5 s of warm-up, then 3 s measured.');
    expect(section).toContain(
      '| ahead of Emmett at every point of the grid | ahead at 1 of 1 points; lowest 1.92× (8 clients × 10) | yes |',
    );
    expect(section).toContain('load average before each measurement was 0.4 / 1.3 / 3.0');
    expect(section).not.toContain('Quick mode');
  });

  it('marks a quick run as a smoke test', () => {
    const quick = renderEventStoreSection({
      options: { runs: 1, warmupMs: 200, durationMs: 1000, quick: true },
      environment,
      points,
      targets: [{ target: 'a target', figure: 'not measured yet', met: undefined }],
    });
    expect(quick).toContain('Quick mode');
    expect(quick).toContain('| a target | not measured yet | — |');
  });
});

describe('spliceSection', () => {
  const section = `${SECTION_START}\nnew figures\n${SECTION_END}\n`;

  it('replaces what lies between the markers and keeps the rest of the document', () => {
    const document = `# Benchmarks\n\nintro\n\n${SECTION_START}\nold figures\n${SECTION_END}\n\n## Catalog\n\nmore\n`;
    expect(spliceSection(document, section)).toBe(
      `# Benchmarks\n\nintro\n\n${SECTION_START}\nnew figures\n${SECTION_END}\n\n## Catalog\n\nmore\n`,
    );
  });

  it('appends the section after a blank line when the document has no markers yet', () => {
    expect(spliceSection('# Benchmarks\n\nintro\n', section)).toBe(`# Benchmarks\n\nintro\n\n${section}`);
    expect(spliceSection('', section)).toBe(section);
  });

  it('is idempotent', () => {
    const once = spliceSection('# Benchmarks\n', section);
    expect(spliceSection(once, section)).toBe(once);
  });
});
