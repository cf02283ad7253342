import { type CatalogActor, ChangePlans } from '@bandstand/catalog/server';
import { type CatalogBenchApp } from './catalog-bench.app';
import { type CatalogFixture } from './catalog-fixtures';

/** Releases per change plan when a scenario fills its catalog (each plan is one transaction). */
export const LOAD_CHUNK = 250;

/**
 * Writes a generated catalog through the catalog's own command path: change plans of
 * {@link LOAD_CHUNK} new releases each (the first also creating the artists), previewed and applied,
 * so that every read model, search included, is built by its real projection. Answers the release
 * ids in the fixture's order.
 */
export async function loadCatalog(
  bench: CatalogBenchApp,
  orgId: string,
  catalog: CatalogFixture,
  actor: CatalogActor,
  progress: (done: number) => void = () => undefined,
): Promise<string[]> {
  const plans = bench.app.get(ChangePlans);
  for (let start = 0; start < catalog.releases.length; start += LOAD_CHUNK) {
    const chunk = catalog.releases.slice(start, start + LOAD_CHUNK);
    const plan = await plans.create(
      orgId,
      'batch',
      {
        proposals: chunk.map((release) => ({
          releaseId: null,
          expectedRevision: null,
          draft: release.draft,
          source: null,
        })),
        newArtists: start === 0 ? catalog.artists : [],
        errors: [],
      },
      actor,
    );
    if (plan.summary.errors > 0) {
      throw new Error(`Loading the catalog: ${JSON.stringify(plan.errors.slice(0, 3))}`);
    }
    await plans.apply(orgId, plan.planId, actor);
    progress(start + chunk.length);
  }
  const rows = await bench.db.query<{ release_id: string; upc: string }>(
    'select release_id, upc from catalog.releases where org_id = $1',
    [orgId],
  );
  const byUpc = new Map(rows.map((row) => [row.upc, row.release_id]));
  return catalog.releases.map((release) => {
    const id = byUpc.get(release.draft.upc ?? '');
    if (id === undefined) throw new Error(`Release ${release.draft.upc ?? '?'} was not loaded`);
    return id;
  });
}
