import { performance } from 'node:perf_hooks';
import { type ChangePlan, type ImportFile } from '@bandstand/catalog/contracts';
import {
  BatchEdits,
  buildNewReleaseMessage,
  type CatalogActor,
  CatalogImports,
  ChangePlans,
  userActor,
} from '@bandstand/catalog/server';
import { type KernelDatabase } from '@bandstand/shared/event-store';
import { type CatalogBenchApp, startCatalogBenchApp } from './catalog-bench.app';
import { type CatalogFixture, generateCatalog } from './catalog-fixtures';
import { loadCatalog } from './catalog-load';

/** A change plan measured against its plain-SQL baseline, in seconds. */
export interface PlanFigure {
  readonly releases: number;
  readonly tracks: number;
  readonly previewSeconds: number;
  readonly applySeconds: number;
  readonly baselineSeconds: number;
}

const ORG = 'org-bench-label';
const START = new Date('2027-03-01T12:00:00.000Z');

/** Each release as its own ERN 4.3 NewReleaseMessage, as a distributor delivers them. */
export function ernFiles(catalog: CatalogFixture): ImportFile[] {
  const artists = new Map(
    catalog.artists.map((artist) => [
      artist.artistId,
      { name: artist.profile.name.text, isni: artist.profile.isni, ipi: artist.profile.ipi },
    ]),
  );
  return catalog.releases.map((release, index) => ({
    name: `release-${String(index + 1).padStart(4, '0')}.xml`,
    content: buildNewReleaseMessage({
      releaseId: `bench-release-${index + 1}`,
      draft: release.draft,
      schedule: null,
      artists,
      sender: { partyId: 'PADPIDA2014120301X', name: 'Bench Records' },
      messageId: `BENCH-${index + 1}`,
      createdAt: START.toISOString(),
    }),
  }));
}

/**
 * The floor of writing releases: one multi-row INSERT into catalog.releases and one into
 * catalog.release_tracks (unnest of arrays), in one transaction; no events, no checks, no other read
 * model. Answers seconds.
 */
async function insertReleasesPlainly(db: KernelDatabase, catalog: CatalogFixture): Promise<number> {
  const releases = catalog.releases.map((release, index) => ({ id: `plain-${index}`, draft: release.draft }));
  const tracks = releases.flatMap(({ id, draft }) =>
    draft.tracks.map((track, position) => ({ id, track, position: position + 1 })),
  );
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into catalog.releases (release_id, org_id, status, type, title, display_artist, upc, artist_ids,
         revision, version, published_revision, has_draft_changes, draft, track_count, created_at, updated_at)
       select id, $1, 'draft', type, title, display_artist, upc, array[artist_id], 1, 0, 0, true, draft, track_count, $2, $2
         from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::int[])
           as r(id, type, title, display_artist, upc, artist_id, draft, track_count)`,
      [
        ORG,
        START,
        releases.map(({ id }) => id),
        releases.map(({ draft }) => draft.type),
        releases.map(({ draft }) => draft.title.text),
        releases.map(({ draft }) => draft.displayArtist),
        releases.map(({ draft }) => draft.upc),
        releases.map(({ draft }) => draft.artistIds[0] ?? ''),
        releases.map(({ draft }) => JSON.stringify(draft)),
        releases.map(({ draft }) => draft.tracks.length),
      ],
    );
    await tx.query(
      `insert into catalog.release_tracks (track_id, release_id, org_id, position, disc, title, title_json,
         display_artist, isrc, iswc, duration_ms, parental_warning)
       select track_id, release_id, $1, position, 1, title, title_json, display_artist, isrc, iswc, duration_ms, 'not-explicit'
         from unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[], $10::int[])
           as t(track_id, release_id, position, title, title_json, display_artist, isrc, iswc, duration_ms)`,
      [
        ORG,
        tracks.map(({ track }) => `plain-${track.trackId}`),
        tracks.map(({ id }) => id),
        tracks.map(({ position }) => position),
        tracks.map(({ track }) => track.title.text),
        tracks.map(({ track }) => JSON.stringify(track.title)),
        tracks.map(({ track }) => track.displayArtist),
        tracks.map(({ track }) => track.isrc),
        tracks.map(({ track }) => track.iswc),
        tracks.map(({ track }) => track.durationMs),
      ],
    );
  });
  return (performance.now() - started) / 1000;
}

/**
 * An ERN import of `releases` releases (one file each, ≈ 9 tracks per release, artists new to the
 * organisation): preview through CatalogImports (the ERN importer, stored as a change plan), then
 * ChangePlans.apply, each timed. Baseline: a plain multi-row INSERT of as many release and track
 * rows, measured first on the same fresh database and removed again.
 */
export async function measureErnImport(releases: number, log: (line: string) => void): Promise<PlanFigure> {
  const bench = await startCatalogBenchApp(START);
  try {
    const catalog = generateCatalog({
      seed: 7,
      tracks: Number.MAX_SAFE_INTEGER,
      releases,
      tracksPerRelease: 'mixed',
      artists: Math.max(1, Math.round(releases / 4)),
      first: 1,
    });
    const files = ernFiles(catalog);
    const megabytes = files.reduce((total, file) => total + Buffer.byteLength(file.content), 0) / 2 ** 20;
    log(`ern: ${files.length} messages (${megabytes.toFixed(1)} MB), ${catalog.trackCount} tracks`);
    const baselineSeconds = await insertReleasesPlainly(bench.db, catalog);
    await bench.db.query('truncate catalog.releases cascade');

    const actor: CatalogActor = userActor('bench', 'bench-ern');
    const { previewSeconds, applySeconds } = await timePreviewAndApply(
      bench,
      actor,
      () => bench.app.get(CatalogImports).preview(ORG, { format: 'ern', files }, actor),
      (summary) =>
        summary.errors > 0 || summary.creates !== catalog.releases.length
          ? `The ERN preview was not ${catalog.releases.length} creations`
          : null,
    );
    await expectCounts(bench.db, catalog.releases.length, catalog.trackCount);
    return {
      releases: catalog.releases.length,
      tracks: catalog.trackCount,
      previewSeconds,
      applySeconds,
      baselineSeconds,
    };
  } finally {
    await bench.close();
  }
}

/**
 * Times a plan's preview, then its apply through ChangePlans; throws when `unexpected` finds the
 * preview's summary is not what the scenario set up (its message, then the summary).
 */
async function timePreviewAndApply(
  bench: CatalogBenchApp,
  actor: CatalogActor,
  preview: () => Promise<ChangePlan>,
  unexpected: (summary: ChangePlan['summary']) => string | null,
): Promise<{ readonly previewSeconds: number; readonly applySeconds: number }> {
  let started = performance.now();
  const plan = await preview();
  const previewSeconds = (performance.now() - started) / 1000;
  const problem = unexpected(plan.summary);
  if (problem !== null) throw new Error(`${problem}: ${JSON.stringify(plan.summary)}`);
  started = performance.now();
  await bench.app.get(ChangePlans).apply(ORG, plan.planId, actor);
  const applySeconds = (performance.now() - started) / 1000;
  return { previewSeconds, applySeconds };
}

async function expectCounts(db: KernelDatabase, releases: number, tracks: number): Promise<void> {
  const [row] = await db.query<{ releases: number; tracks: number }>(
    `select (select count(*)::int from catalog.releases where org_id = $1) as releases,
            (select count(*)::int from catalog.release_tracks where org_id = $1) as tracks`,
    [ORG],
  );
  if (row?.releases !== releases || row.tracks !== tracks) {
    throw new Error(`Expected ${releases} releases and ${tracks} tracks, found ${JSON.stringify(row)}`);
  }
}

/**
 * A batch edit of `tracks` tracks (10 per release) setting their genre: preview through BatchEdits
 * (a change plan with one item per release), then ChangePlans.apply, each timed, on a catalog written
 * through change plans beforehand. Baseline: a plain bulk UPDATE of the same track rows.
 */
export async function measureBatchEdit(tracks: number, log: (line: string) => void): Promise<PlanFigure> {
  const bench = await startCatalogBenchApp(START);
  try {
    const catalog = generateCatalog({ seed: 9, tracks, tracksPerRelease: 10, artists: 50, first: 1 });
    const actor: CatalogActor = userActor('bench', 'bench-batch');
    log(`batch: writing ${catalog.releases.length} releases, ${catalog.trackCount} tracks`);
    await loadCatalog(bench, ORG, catalog, actor);
    const trackIds = catalog.releases.flatMap((release) =>
      release.draft.tracks.map((track) => track.trackId),
    );

    const { previewSeconds, applySeconds } = await timePreviewAndApply(
      bench,
      actor,
      () =>
        bench.app
          .get(BatchEdits)
          .preview(ORG, { target: 'tracks', ids: trackIds, set: { genre: 'Ambient' } }, actor),
      (summary) =>
        summary.errors > 0 || summary.updates !== catalog.releases.length
          ? `The batch preview was not ${catalog.releases.length} updates`
          : null,
    );
    const [edited] = await bench.db.query<{ drafts: number }>(
      `select count(*)::int as drafts from catalog.releases
        where org_id = $1 and draft->'tracks'->0->>'genre' = 'Ambient'`,
      [ORG],
    );
    if (edited?.drafts !== catalog.releases.length)
      throw new Error('The batch edit did not reach every release');

    const started = performance.now();
    await bench.db.transaction(async (tx) => {
      await tx.query('update catalog.release_tracks set genre = $1 where track_id = any($2::text[])', [
        'Lo-fi',
        trackIds,
      ]);
    });
    const baselineSeconds = (performance.now() - started) / 1000;
    return {
      releases: catalog.releases.length,
      tracks: catalog.trackCount,
      previewSeconds,
      applySeconds,
      baselineSeconds,
    };
  } finally {
    await bench.close();
  }
}
