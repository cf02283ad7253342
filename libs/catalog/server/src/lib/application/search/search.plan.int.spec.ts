import { createKernelTestHarness, type KernelTestHarness } from '@bandstand/shared/event-store/testing';
import { catalogPersistence } from '../../infrastructure/catalog.persistence';
import {
  orgSearchScope,
  publicSearchScope,
  searchStatement,
  setSearchThresholds,
  type SearchScopeSql,
} from './search.queries';
import { parseSearchQuery } from './search-text';

/** Public entries: a catalog of 100,000 tracks. */
const ROWS = 100_000;
/** Entries of the organisations' scope (their trigram index is the same kind, and filling it is slow). */
const ORG_ROWS = 20_000;

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The search's plans on 100,000 public entries: every tier reads an index, none scans the table.
 * This checks plans, not timings (the catalog benchmark measures those).
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
    await kernel.db.query('vacuum analyze catalog.search_entries');
    await kernel.db.query('vacuum analyze catalog.search_terms');
  }, 600_000);

  afterAll(async () => {
    await kernel.close();
  });

  async function plan(
    q: string,
    where: SearchScopeSql,
    corrections = new Map<string, string[]>(),
  ): Promise<PlanNode[]> {
    const statement = searchStatement(parseSearchQuery(q), corrections, { kind: null, limit: 20 }, where);
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

  function tableScans(planNodes: readonly PlanNode[]): string[] {
    return planNodes
      .filter((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'search_entries')
      .map((node) => node['Node Type']);
  }

  function indexes(planNodes: readonly PlanNode[]): string[] {
    return planNodes.flatMap((node) => (node['Index Name'] === undefined ? [] : [node['Index Name']]));
  }

  it.each([
    ['a phrase', 'c4ca42 morning'],
    ['a typo', 'c4cb42'],
    ['an identifier', 'ISRC00004242'],
    ['Japanese', '夜明け'],
  ])('searches the public scope for %s through its trigram index', async (_, q) => {
    const planNodes = await plan(q, publicSearchScope('US', new Date('2027-03-01T12:00:00Z')));
    expect(tableScans(planNodes)).toEqual([]);
    expect(indexes(planNodes)).toContain('search_entries_public_document_idx');
  });

  it('searches the public scope with corrected words through its trigram index', async () => {
    const planNodes = await plan(
      'c4cb42 lihgt',
      publicSearchScope('US', new Date('2027-03-01T12:00:00Z')),
      new Map([['c4cb42', ['c4ca42']]]),
    );
    expect(tableScans(planNodes)).toEqual([]);
    expect(indexes(planNodes)).toContain('search_entries_public_document_idx');
  });

  it("searches an organisation's scope without scanning the table", async () => {
    const planNodes = await plan('c4ca42', orgSearchScope('org-42'));
    expect(tableScans(planNodes)).toEqual([]);
  });
});
