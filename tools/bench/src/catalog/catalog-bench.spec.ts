import { checkGtin, checkIsni, checkIsrc, checkIswc } from '@bandstand/catalog/domain';
import {
  CATALOG_SECTION_END,
  CATALOG_SECTION_START,
  renderCatalogSection,
  spliceCatalogSection,
} from './catalog-bench.report';
import { parseCatalogBenchOptions } from './catalog.bench';
import { generateCatalog, seededRandom } from './catalog-fixtures';
import { benchQueries, misspell, QUERY_KINDS } from './search-workload';

const LONG_WORDS = ['Morning', 'Harbour', 'Lighthouse', 'Sommernächte', 'Kalomen'];

describe('catalog benchmark', () => {
  const catalog = generateCatalog({
    seed: 5,
    tracks: 2_000,
    tracksPerRelease: 'mixed',
    artists: 40,
    first: 1,
  });

  it('generates complete releases with valid, distinct identifiers', () => {
    const releases = catalog.releases.map((release) => release.draft);
    const tracks = releases.flatMap((draft) => draft.tracks);
    expect(tracks).toHaveLength(2_000);
    expect(catalog.trackCount).toBe(2_000);
    for (const draft of releases) {
      expect(checkGtin(draft.upc ?? '')).toEqual({ ok: true, value: draft.upc });
      expect(draft.tracks.length).toBeGreaterThan(0);
    }
    for (const track of tracks) {
      expect(checkIsrc(track.isrc ?? '')).toEqual({ ok: true, value: track.isrc });
      if (track.iswc !== null) expect(checkIswc(track.iswc)).toEqual({ ok: true, value: track.iswc });
    }
    for (const artist of catalog.artists) {
      expect(checkIsni(artist.profile.isni ?? '')).toEqual({ ok: true, value: artist.profile.isni });
    }
    expect(new Set(tracks.map((track) => track.isrc)).size).toBe(tracks.length);
    expect(new Set(tracks.map((track) => track.trackId)).size).toBe(tracks.length);
    expect(new Set(releases.map((draft) => draft.upc)).size).toBe(releases.length);
  });

  it('writes titles in several scripts, non-Latin ones with their romanisation', () => {
    const languages = new Set(catalog.releases.map((release) => release.draft.title.language));
    expect([...languages].sort()).toEqual(['ar', 'el', 'en', 'fr', 'ja', 'ru']);
    for (const release of catalog.releases) {
      const title = release.draft.title;
      const latin = ['en', 'fr'].includes(title.language ?? '');
      expect(title.translations.length).toBe(latin ? 0 : 1);
    }
  });

  it('is the same catalog for the same seed', () => {
    const again = generateCatalog({
      seed: 5,
      tracks: 2_000,
      tracksPerRelease: 'mixed',
      artists: 40,
      first: 1,
    });
    expect(again).toEqual(catalog);
  });

  it('misspells a word by one or two edits', () => {
    const random = seededRandom(3);
    for (let index = 0; index < 200; index += 1) {
      const word = LONG_WORDS[index % LONG_WORDS.length] ?? 'Morning';
      const typo = misspell(word, random);
      expect(typo).not.toBe(word);
      expect(Math.abs(typo.length - word.length)).toBeLessThanOrEqual(1);
      expect(typo.charAt(0)).toBe(word.charAt(0));
    }
  });

  it('mixes the five kinds of query evenly, each aimed at something in the catalog', () => {
    const queries = benchQueries(catalog, 100, 11);
    expect(queries).toHaveLength(100);
    for (const kind of QUERY_KINDS) expect(queries.filter((query) => query.kind === kind)).toHaveLength(20);
    for (const query of queries) {
      expect(query.q.trim()).not.toBe('');
      expect(catalog.releases[query.releaseIndex]).toBeDefined();
    }
    const identifier = queries.find((query) => query.kind === 'identifier' && query.q.includes('-'));
    expect(identifier?.q).toMatch(/^NO-B[0-9A-Z]{2}-27-[0-9]{5}$|^T-[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]$/);
  });

  it('reads its options', () => {
    expect(parseCatalogBenchOptions([], '/w')).toEqual({
      quick: false,
      only: ['search', 'ern', 'batch'],
      write: true,
      docPath: '/w/docs/benchmarks.md',
    });
    expect(parseCatalogBenchOptions(['--quick', '--only', 'ern,batch'], '/w')).toMatchObject({
      quick: true,
      only: ['ern', 'batch'],
      write: false,
    });
    expect(parseCatalogBenchOptions(['--no-write', '--doc', 'x.md'], '/w')).toMatchObject({
      write: false,
      docPath: '/w/x.md',
    });
    expect(parseCatalogBenchOptions(['--help'], '/w')).toBe('help');
    expect(() => parseCatalogBenchOptions(['--only', 'search,csv'], '/w')).toThrow(/--only/);
    expect(() => parseCatalogBenchOptions(['--runs', '3'], '/w')).toThrow();
  });

  it('renders its section, says why a scenario was not measured, and replaces it in place', () => {
    const latency = { p50: 4, p95: 12, p99: 20 };
    const byKind = Object.fromEntries(QUERY_KINDS.map((kind) => [kind, latency])) as Record<
      (typeof QUERY_KINDS)[number],
      typeof latency
    >;
    const section = renderCatalogSection({
      quick: false,
      environment: {
        date: '2026-11-22',
        postgres: '15.20',
        postgresSettings: 'jit=on',
        node: '24.21.0',
        cpus: 2,
        memoryGiB: 24,
        loadAverage: [0.5, 1.5],
      },
      search: {
        ok: true,
        figure: {
          releases: 11_000,
          tracks: 100_000,
          entries: 220_000,
          terms: 20_000,
          queries: 500,
          loadSeconds: 120,
          scheduleSeconds: 150,
          org: latency,
          public: { p50: 8, p95: 60, p99: 80 },
          orgByKind: byKind,
          publicByKind: byKind,
          orgFound: 0.99,
          publicFound: 0.97,
          baseline: { p50: 0.3, p95: 0.5, p99: 1 },
        },
      },
      ern: { ok: false, reason: 'CatalogImports is not provided' },
      batch: {
        ok: true,
        figure: { releases: 1_000, tracks: 10_000, previewSeconds: 2, applySeconds: 8, baselineSeconds: 0.5 },
      },
    });
    expect(
      section.startsWith(`${CATALOG_SECTION_START}\n## Catalog: search, ERN import, batch edit (2026-11-22)`),
    ).toBe(true);
    expect(section.endsWith(`${CATALOG_SECTION_END}\n`)).toBe(true);
    expect(section).toContain('| organisation (drafts) | 4.00 | 12.0 | 20.0 | 24× | 99.0 % |');
    expect(section).toContain('Not measured: CatalogImports is not provided');
    expect(section).toContain('| preview + apply | 10.0 | 20× |');
    expect(section).toContain(
      '| search p95 ≤ 50 ms over 100,000 tracks | organisation 12.0 ms, public 60.0 ms | **no** |',
    );

    const document = `# Benchmarks\n\n${CATALOG_SECTION_START}\nold\n${CATALOG_SECTION_END}\n\n## After\n`;
    expect(spliceCatalogSection(document, section)).toBe(`# Benchmarks\n\n${section}\n## After\n`);
    expect(spliceCatalogSection('# Benchmarks\n', section)).toBe(`# Benchmarks\n\n${section}`);
  });
});
