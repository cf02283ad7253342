import { type ChangePlan, orgCatalogPath, type ReleaseDraft } from '@bandstand/catalog/contracts';
import { type CatalogTestApp, startCatalogTestApp } from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { ReleaseStream, userActor } from '../releases/release-stream';
import { releasesArea } from '../releases/releases.area';
import { ERN_IMPORTER } from './plan-proposal';
import { plansArea } from './plans.area';

// A batch edit of a whole label catalog, 10,000 tracks on 1,000 releases: beyond the sizes where a
// statement's 65,535 parameters or a per-row query would break. How fast it is, `npm run
// bench:catalog` measures (docs/benchmarks.md); a test here checks only that it works.

const ORG = 'org-big-label';
const EDITOR = 'user-big-editor';
const RELEASES = 1_000;
const TRACKS_PER_RELEASE = 10;

function draft(index: number): ReleaseDraft {
  const text = (value: string) => ({ text: value, language: null, translations: [] });
  return {
    type: 'album',
    title: text(`Album ${index}`),
    versionTitle: null,
    displayArtist: 'The Many',
    artistIds: [],
    upc: null,
    catalogNumber: null,
    labelName: null,
    genre: 'Rock',
    subgenre: null,
    parentalWarning: 'not-explicit',
    languages: [],
    pLine: null,
    cLine: null,
    originalReleaseDate: null,
    artworkAssetId: null,
    contributors: [],
    tracks: Array.from({ length: TRACKS_PER_RELEASE }, (_, track) => ({
      trackId: `t-${index}-${track}`,
      title: text(`Song ${index}.${track}`),
      versionTitle: null,
      isrc: null,
      iswc: null,
      durationMs: 180_000,
      displayArtist: 'The Many',
      contributors: [],
      genre: 'Rock',
      parentalWarning: 'not-explicit',
      language: null,
      disc: 1,
      audioAssetId: null,
    })),
  };
}

describe('a batch edit of a large catalog', () => {
  let test: CatalogTestApp;

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, plansArea],
      http: true,
      providers: [
        { provide: ERN_IMPORTER, useValue: { plan: () => Promise.reject(new Error('no ERN here')) } },
      ],
    });
    test.memberships.set(ORG, EDITOR, 'editor');
    const releases = test.app.get(ReleaseStream);
    const actor = userActor(EDITOR, 'corr-seed');
    for (let start = 0; start < RELEASES; start += 100) {
      await test.db.transaction(async () => {
        for (let index = start; index < start + 100; index++) {
          await releases.run(ORG, `r-${index}`, actor, {
            kind: 'CreateRelease',
            releaseId: `r-${index}`,
            orgId: ORG,
            draft: draft(index),
            source: 'editor',
            planId: null,
          });
        }
      });
    }
  }, 300_000);

  afterAll(async () => {
    await test?.close();
  });

  it('previews 10,000 tracks on 1,000 releases in one plan', async () => {
    const ids = Array.from(
      { length: RELEASES * TRACKS_PER_RELEASE },
      (_, n) => `t-${Math.floor(n / TRACKS_PER_RELEASE)}-${n % TRACKS_PER_RELEASE}`,
    );
    const reply = await test.request<ChangePlan>({
      method: 'POST',
      url: `${orgCatalogPath(ORG)}/batch-edits`,
      user: EDITOR,
      body: { target: 'tracks', ids, set: { genre: 'Punk' } },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.summary).toEqual({
      creates: 0,
      updates: RELEASES,
      unchanged: 0,
      tracksChanged: RELEASES * TRACKS_PER_RELEASE,
      errors: 0,
    });
    expect(reply.body.items).toHaveLength(100);
    expect(reply.body.itemsNextCursor).toBe('99');
    const next = await test.request<{ items: readonly { index: number }[]; nextCursor: string | null }>({
      method: 'GET',
      url: `${orgCatalogPath(ORG)}/plans/${reply.body.planId}/items?cursor=${reply.body.itemsNextCursor ?? ''}&limit=200`,
      user: EDITOR,
    });
    expect(next.body.items.map((item) => item.index)).toEqual(Array.from({ length: 200 }, (_, n) => 100 + n));
    const stored = await test.db.query<{ count: string }>(
      'select count(*) from catalog.change_plan_items where plan_id = $1',
      [reply.body.planId],
    );
    expect(Number(stored[0]?.count)).toBe(RELEASES);
  });
});
