import { performance } from 'node:perf_hooks';
import { type SearchHit } from '@bandstand/catalog/contracts';
import {
  type CatalogActor,
  ReleaseStream,
  SearchQueries,
  SearchTermsProjection,
  userActor,
} from '@bandstand/catalog/server';
import { LOG_START, type LogPosition } from '@bandstand/shared/event-store';
import { percentile } from '../event-store/append-bench.stats';
import { startCatalogBenchApp } from './catalog-bench.app';
import { generateCatalog } from './catalog-fixtures';
import { loadCatalog } from './catalog-load';
import { type BenchQuery, benchQueries, QUERY_KINDS, type QueryKind } from './search-workload';

/** Latency percentiles of some calls, in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** What the search scenario measured. */
export interface SearchFigure {
  readonly releases: number;
  readonly tracks: number;
  readonly entries: number;
  readonly terms: number;
  readonly queries: number;
  /** Seconds to write the catalog through change plans, then to schedule every release. */
  readonly loadSeconds: number;
  readonly scheduleSeconds: number;
  readonly org: Latency;
  readonly public: Latency;
  readonly orgByKind: Readonly<Record<QueryKind, Latency>>;
  readonly publicByKind: Readonly<Record<QueryKind, Latency>>;
  /** Share of queries whose intended release, track or artist was among the first 10 hits. */
  readonly orgFound: number;
  readonly publicFound: number;
  readonly baseline: Latency;
}

/** How big the search scenario is. */
export interface SearchScenarioSize {
  readonly tracks: number;
  readonly queries: number;
}

const ORG = 'org-bench-label';
const START = new Date('2027-03-01T12:00:00.000Z');
const RELEASE_AT = new Date('2027-03-01T13:00:00.000Z');
const SEARCH_AT = new Date('2027-03-02T12:00:00.000Z');
const WARM_UP = 50;
const SCHEDULES_PER_TRANSACTION = 250;

function latency(samples: readonly number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

function byKind(queries: readonly BenchQuery[], samples: readonly number[]): Record<QueryKind, Latency> {
  const entries = QUERY_KINDS.map((kind) => [
    kind,
    latency(samples.filter((_, index) => queries[index]?.kind === kind)),
  ]);
  return Object.fromEntries(entries) as Record<QueryKind, Latency>;
}

async function timeQueries(
  queries: readonly BenchQuery[],
  search: (q: string) => Promise<SearchHit[]>,
  counts: (query: BenchQuery) => boolean,
): Promise<{ samples: number[]; found: number }> {
  for (const query of queries.slice(0, WARM_UP)) await search(query.q);
  const samples: number[] = [];
  let found = 0;
  let counted = 0;
  for (const query of queries) {
    const started = performance.now();
    const hits = await search(query.q);
    samples.push(performance.now() - started);
    if (!counts(query)) continue;
    counted += 1;
    if (hits.slice(0, 10).some((hit) => query.accepts(hit))) found += 1;
  }
  return { samples, found: counted === 0 ? 0 : found / counted };
}

/**
 * Search over a label's catalog of `size.tracks` tracks (≈ 9 per release), written through the
 * catalog's command path (change plans, then a schedule per release: its inline projections build
 * the search entries), the vocabulary filled as the worker would, then `size.queries` queries of
 * five kinds against the organisation's search and the public one, one at a time. Baseline: as many
 * primary-key lookups on catalog.search_entries.
 */
export async function measureSearch(
  size: SearchScenarioSize,
  log: (line: string) => void,
): Promise<SearchFigure> {
  const bench = await startCatalogBenchApp(START);
  try {
    const catalog = generateCatalog({
      seed: 5,
      tracks: size.tracks,
      tracksPerRelease: 'mixed',
      artists: 500,
      first: 1,
    });
    const actor: CatalogActor = userActor('bench', 'bench-search');
    log(
      `search: writing ${catalog.releases.length.toLocaleString('en-US')} releases, ${catalog.trackCount.toLocaleString('en-US')} tracks through change plans`,
    );
    let started = performance.now();
    const releaseIds = await loadCatalog(bench, ORG, catalog, actor, (done) => {
      if (done % 2_500 === 0) log(`search: ${done.toLocaleString('en-US')} releases written`);
    });
    const loadSeconds = (performance.now() - started) / 1000;

    // Every release is scheduled (which publishes it); one in twenty comes out next year, so fans
    // must not find it.
    started = performance.now();
    const streams = bench.app.get(ReleaseStream);
    const hidden = new Set<number>();
    for (let start = 0; start < releaseIds.length; start += SCHEDULES_PER_TRANSACTION) {
      await bench.db.transaction(async () => {
        for (
          let index = start;
          index < Math.min(start + SCHEDULES_PER_TRANSACTION, releaseIds.length);
          index += 1
        ) {
          const releaseId = releaseIds[index] ?? '';
          const later = index % 20 === 19;
          if (later) hidden.add(index);
          await streams.run(ORG, releaseId, actor, {
            kind: 'ScheduleRelease',
            schedule: {
              releaseAt: (later ? new Date('2028-01-01T00:00:00.000Z') : RELEASE_AT).toISOString(),
              territories: ['WW'],
              excludedTerritories: [],
              territoryReleases: [],
              embargoes: [],
            },
          });
        }
      });
    }
    const scheduleSeconds = (performance.now() - started) / 1000;

    log('search: filling the vocabulary from the log, as the worker does');
    const vocabulary = bench.app.get(SearchTermsProjection);
    let position: LogPosition = LOG_START;
    for (;;) {
      const events = await bench.kernel.store.readAll(position, 1_000);
      const last = events[events.length - 1];
      if (last === undefined) break;
      await bench.db.transaction((tx) => vocabulary.handle(events, tx));
      position = last;
    }
    // What autovacuum does after a bulk load: statistics, and the GIN pending lists merged.
    await bench.db.query('vacuum analyze catalog.search_entries');
    await bench.db.query('vacuum analyze catalog.search_terms');
    const [counts] = await bench.db.query<{ entries: number; terms: number }>(
      `select (select count(*)::int from catalog.search_entries) as entries,
              (select count(*)::int from catalog.search_terms) as terms`,
    );

    bench.clock.set(SEARCH_AT);
    const queries = benchQueries(catalog, size.queries, 11);
    const search = bench.app.get(SearchQueries);
    log(`search: ${queries.length} queries, organisation then public`);
    const org = await timeQueries(
      queries,
      (q) => search.orgSearch(ORG, { q, kind: null, limit: 20 }),
      () => true,
    );
    const fans = await timeQueries(
      queries,
      (q) => search.publicSearch('US', { q, kind: null, limit: 20 }),
      (query) => !hidden.has(query.releaseIndex),
    );

    const [range] = await bench.db.query<{ low: string; high: string }>(
      'select min(entry_id)::text as low, max(entry_id)::text as high from catalog.search_entries',
    );
    const low = Number(range?.low ?? 0);
    const high = Number(range?.high ?? 0);
    const lookup = async (): Promise<void> => {
      const id = low + Math.floor(Math.random() * (high - low + 1));
      await bench.db.query(
        `select kind, entity_id, release_id, title, subtitle, identifiers from catalog.search_entries
          where entry_id = $1`,
        [id],
      );
    };
    for (let index = 0; index < WARM_UP; index += 1) await lookup();
    const baseline: number[] = [];
    for (let index = 0; index < queries.length; index += 1) {
      const begun = performance.now();
      await lookup();
      baseline.push(performance.now() - begun);
    }

    return {
      releases: catalog.releases.length,
      tracks: catalog.trackCount,
      entries: counts?.entries ?? 0,
      terms: counts?.terms ?? 0,
      queries: queries.length,
      loadSeconds,
      scheduleSeconds,
      org: latency(org.samples),
      public: latency(fans.samples),
      orgByKind: byKind(queries, org.samples),
      publicByKind: byKind(queries, fans.samples),
      orgFound: org.found,
      publicFound: fans.found,
      baseline: latency(baseline),
    };
  } finally {
    await bench.close();
  }
}
