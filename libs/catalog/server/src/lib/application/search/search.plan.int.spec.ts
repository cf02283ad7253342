import { createKernelTestHarness, type KernelTestHarness } from '@bandstand/shared/event-store/testing';
import { catalogPersistence } from '../../infrastructure/catalog.persistence';
import {
  candidateBudgets,
  type SearchTarget,
  type SearchStep,
  searchStepStatement,
  setSearchThresholds,
  type SqlStatement,
  visibilityStatement,
} from './search.queries';
import { parseSearchQuery } from './search-text';

/** Public entries: a catalog of 100,000 tracks. */
const ROWS = 100_000;
/** Entries of the organisations' scope (their trigram index is the same kind, and filling it is slow). */
const ORG_ROWS = 20_000;
/** Releases, one per ten tracks. */
const RELEASES = ROWS / 10;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const FANS: SearchTarget = { scope: 'public', territory: 'US', now: new Date('2027-03-01T12:00:00Z') };
const TEAM: SearchTarget = { scope: 'org', orgId: 'org-42' };

/**
 * The search's plans on 100,000 public entries and 10,000 releases: every step reads an index, none
 * scans a table. This checks plans, not timings (the catalog benchmark measures those).
 */
describe('search query plans', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [catalogPersistence] });
    // Words drawn from hashes: about as selective as a real vocabulary, with no two rows alike.
    await kernel.db.query(
      `insert into catalog.search_entries (scope, kind, entity_id, release_id, org_id, title, subtitle, identifiers,
         titles, document, artist_ids, weight)
       select scope, 'track', 'trk-' || i, 'rel-' || (i / 10), 'org-' || (i % 200), w1 || ' ' || w2, 'artist',
              array['ISRC' || lpad(i::text, 8, '0')], array[w1 || ' ' || w2],
              ' ' || w1 || ' ' || w2 || ' ' || w3 || case when i % 100 = 0 then ' 夜明 明け ' else ' ' end, '{}', 0.8
         from generate_series(1, ${ROWS}) as i,
              lateral (select substr(md5(i::text), 1, 6) as w1, substr(md5((i * 7)::text), 2, 7) as w2,
                              substr(md5((i * 13)::text), 3, 5) as w3) as words,
              unnest(case when i <= ${ORG_ROWS} then array['org', 'public'] else array['public'] end) as scope`,
    );
    await kernel.db.query(
      `insert into catalog.search_terms (term)
       select distinct substr(md5(i::text), 1, 6) from generate_series(1, ${ROWS}) as i`,
    );
    await kernel.db.query(
      `insert into catalog.releases (release_id, org_id, status, type, title, display_artist, artist_ids, revision,
         version, published_revision, has_draft_changes, draft, track_count, created_at, updated_at)
       select 'rel-' || i, 'org-' || (i % 200), 'released', 'album', 't', 'a', '{}', 1, 1, 1, false, '{}', 10,
              '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'
         from generate_series(0, ${RELEASES}) as i`,
    );
    await kernel.db.query(
      `insert into catalog.release_availability (release_id, territory, opens_at)
       select 'rel-' || i, '*', '2027-01-01T00:00:00Z' from generate_series(0, ${RELEASES}) as i`,
    );
    for (const table of ['search_entries', 'search_terms', 'releases', 'release_availability']) {
      await kernel.db.query(`vacuum analyze catalog.${table}`);
    }
  }, 600_000);

  afterAll(async () => {
    await kernel.close();
  });

  async function plan(statement: SqlStatement | null): Promise<PlanNode[]> {
    if (statement === null) throw new Error('The step has nothing to look for');
    return kernel.db.transaction(async (tx) => {
      await setSearchThresholds(tx);
      const rows = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `explain (format json) ${statement.text}`,
        statement.params,
      );
      const root = rows[0]?.['QUERY PLAN'][0].Plan;
      if (root === undefined) throw new Error('explain returned no plan');
      return nodes(root);
    });
  }

  function step(
    name: SearchStep,
    q: string,
    scope: SearchTarget,
    corrections = new Map<string, string[]>(),
  ): SqlStatement | null {
    const limit = scope.scope === 'org' ? 20 : (candidateBudgets(20)[0] ?? null);
    return searchStepStatement(
      name,
      parseSearchQuery(q),
      corrections,
      { kind: null, limit, found: [] },
      scope,
    );
  }

  function tableScans(planNodes: readonly PlanNode[]): string[] {
    return planNodes
      .filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] !== undefined)
      .map((node) => node['Relation Name'] ?? '');
  }

  function indexes(planNodes: readonly PlanNode[]): string[] {
    return planNodes.flatMap((node) => (node['Index Name'] === undefined ? [] : [node['Index Name']]));
  }

  it.each([
    ['precise', 'a phrase', 'c4ca42 morning', 'search_entries_public_document_idx'],
    ['precise', 'an identifier', 'ISRC00004242', 'search_entries_identifiers_idx'],
    ['precise', 'Japanese', '夜明け', 'search_entries_public_document_idx'],
    ['fuzzy', 'a typo', 'c4cb42', 'search_entries_public_document_idx'],
  ] as const)('runs the %s step for %s in the public scope on an index', async (name, _, q, index) => {
    const planNodes = await plan(step(name, q, FANS));
    expect(tableScans(planNodes)).toEqual([]);
    expect(indexes(planNodes)).toContain(index);
  });

  it('runs the corrected step in the public scope on its trigram index', async () => {
    const planNodes = await plan(step('corrected', 'c4cb42 lihgt', FANS, new Map([['c4cb42', ['c4ca42']]])));
    expect(tableScans(planNodes)).toEqual([]);
    expect(indexes(planNodes)).toContain('search_entries_public_document_idx');
  });

  it.each(['precise', 'fuzzy'] as const)(
    "runs the %s step in an organisation's scope without scanning a table",
    async (name) => {
      expect(tableScans(await plan(step(name, 'c4ca42', TEAM)))).toEqual([]);
    },
  );

  it('checks the visibility of candidates by primary key, never every release', async () => {
    const releaseIds = Array.from({ length: 50 }, (_, index) => `rel-${index * 97}`);
    const planNodes = await plan(
      visibilityStatement(releaseIds, ['artist-1'], 'US', new Date('2027-03-01T12:00:00Z')),
    );
    // The shared visibility condition may hash a territory's own windows (few rows); never the releases.
    expect(tableScans(planNodes).filter((table) => table !== 'release_availability')).toEqual([]);
    expect(indexes(planNodes)).toEqual(
      expect.arrayContaining(['releases_pkey', 'search_entries_public_artists_idx']),
    );
  });
});
