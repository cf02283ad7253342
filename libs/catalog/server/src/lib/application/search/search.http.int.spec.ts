import {
  type Artist,
  orgCatalogPath,
  PUBLIC_CATALOG_PATH,
  type ReleaseDetail,
  type ReleaseDraftInput,
  type SearchHit,
  TERRITORY_HEADER,
} from '@bandstand/catalog/contracts';
import { LOG_START } from '@bandstand/shared/event-store';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import {
  type CatalogTestApp,
  type CatalogTestRequest,
  startCatalogTestApp,
  testUpc,
} from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { releasesArea } from '../releases/releases.area';
import { searchArea } from './search.area';
import { SearchTermsProjection } from './search.projection';

const ORG = 'org-search-owls';
const OTHER_ORG = 'org-search-larks';

function isrc(n: number): string {
  return `NO-SRH-27-${String(n).padStart(5, '0')}`;
}

function draftInput(
  artistId: string,
  n: number,
  overrides: Partial<ReleaseDraftInput> = {},
): ReleaseDraftInput {
  return {
    type: 'single',
    title: 'Morning Light',
    displayArtist: 'Aurora Lane',
    artistIds: [artistId],
    upc: testUpc(`0360003${String(n).padStart(4, '0')}`),
    genre: 'Pop',
    pLine: { year: 2027, owner: 'Night Owls' },
    cLine: { year: 2027, owner: 'Night Owls' },
    tracks: [{ title: 'Morning Light', isrc: isrc(n), durationMs: 201_000, displayArtist: 'Aurora Lane' }],
    ...overrides,
  };
}

describe('catalog search over HTTP', () => {
  let test: CatalogTestApp;
  let auroraId: string;
  let next = 10;
  const fresh = (): number => (next += 1);
  const call = <T>(request: CatalogTestRequest) => test.request<T>(request);

  function createRelease(input: ReleaseDraftInput, orgId = ORG, user = 'ana'): Promise<ReleaseDetail> {
    return test.createRelease(orgId, user, input);
  }

  /** Publishes the draft and schedules it for `releaseAt`, with optional embargoes. */
  async function publishAndSchedule(
    release: ReleaseDetail,
    releaseAt: string,
    embargoes: readonly { territory: string; from: string; until: string }[] = [],
  ): Promise<void> {
    const url = `${orgCatalogPath(ORG)}/releases/${release.releaseId}`;
    const published = await call({
      method: 'POST',
      url: `${url}/versions`,
      user: 'ana',
      body: { expectedRevision: release.revision },
    });
    expect(published.status).toBe(201);
    const scheduled = await call({
      method: 'PUT',
      url: `${url}/schedule`,
      user: 'ana',
      body: { releaseAt, embargoes },
    });
    expect(scheduled.status).toBe(200);
  }

  async function orgSearch(q: string, query = '', user = 'rea', orgId = ORG) {
    return call<SearchHit[]>({
      method: 'GET',
      url: `${orgCatalogPath(orgId)}/search?q=${encodeURIComponent(q)}${query}`,
      user,
    });
  }

  async function publicSearch(q: string, territory?: string) {
    return call<SearchHit[]>({
      method: 'GET',
      url: `${PUBLIC_CATALOG_PATH}/search?q=${encodeURIComponent(q)}`,
      ...(territory === undefined ? {} : { headers: { [TERRITORY_HEADER]: territory } }),
    });
  }

  function ids(hits: readonly SearchHit[]): string[] {
    return hits.map((hit) => `${hit.kind}:${hit.title}`);
  }

  /** Runs the vocabulary projection over the whole log, as the worker would. */
  async function catchUpVocabulary(): Promise<void> {
    const events = await test.kernel.store.readAll(LOG_START, 10_000);
    await test.db.transaction(async (tx) => {
      const projection = test.app.get(SearchTermsProjection);
      await projection.truncate(tx);
      await projection.handle(events, tx);
    });
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, searchArea],
      http: true,
      teams: { [ORG]: { ana: 'owner', rea: 'reader' }, [OTHER_ORG]: { zed: 'owner' } },
    });
    const artist = await test.createArtist(ORG, 'ana', {
      name: 'Aurora Lane',
      isni: '0000 0001 2103 2683',
      country: 'NO',
    });
    auroraId = artist.artistId;
  });

  afterAll(async () => {
    await test.close();
  });

  it("finds the organisation's drafts by identifier, title in any script, transliteration and with typos", async () => {
    const morning = await createRelease(
      draftInput(auroraId, 1, {
        tracks: [
          {
            title: 'Morning Light',
            isrc: isrc(1),
            durationMs: 201_000,
            displayArtist: 'Aurora Lane',
            iswc: 'T-034.524.680-1',
          },
        ],
      }),
    );
    await createRelease(
      draftInput(auroraId, 2, {
        title: {
          text: '夜明けのうた',
          language: 'ja',
          translations: [{ language: 'ja-Latn', text: 'Yoake no Uta' }],
        },
        tracks: [],
      }),
    );
    await createRelease(
      draftInput(auroraId, 3, {
        title: {
          text: 'Ночной дозор',
          language: 'ru',
          translations: [{ language: 'ru-Latn', text: 'Nochnoy Dozor' }],
        },
        tracks: [],
      }),
    );
    await createRelease(
      draftInput(auroraId, 4, {
        title: {
          text: 'Καλημέρα',
          language: 'el',
          translations: [{ language: 'el-Latn', text: 'Kalimera' }],
        },
        tracks: [],
      }),
    );

    const byIsrc = await orgSearch('no-srh-27-00001');
    expect(byIsrc.status).toBe(200);
    expect(byIsrc.body).toEqual([
      {
        kind: 'track',
        id: morning.draft.tracks[0]?.trackId,
        releaseId: morning.releaseId,
        title: 'Morning Light',
        subtitle: 'Aurora Lane',
        identifiers: ['NOSRH2700001', 'T0345246801'],
        score: 1,
      },
    ]);
    expect(ids((await orgSearch('T0345246801')).body)).toEqual(['track:Morning Light']);
    expect(ids((await orgSearch(testUpc('03600030001'))).body)).toEqual(['release:Morning Light']);
    expect(ids((await orgSearch('0000000121032683')).body)).toEqual(['artist:Aurora Lane']);

    expect(ids((await orgSearch('夜明け')).body)).toEqual(['release:夜明けのうた']);
    expect(ids((await orgSearch('yoake')).body)).toEqual(['release:夜明けのうた']);
    expect(ids((await orgSearch('ночной дозор')).body)).toEqual(['release:Ночной дозор']);
    expect(ids((await orgSearch('Nochnoy')).body)).toEqual(['release:Ночной дозор']);
    expect(ids((await orgSearch('ΚΑΛΗΜΕΡΑ')).body)).toEqual(['release:Καλημέρα']);
    expect(ids((await orgSearch('kalimera')).body)).toEqual(['release:Καλημέρα']);

    // Before the worker has taken the new words in, the trigram match forgives this typo already…
    expect(ids((await orgSearch('Mornign Light', '&kind=release')).body)).toEqual(['release:Morning Light']);
    expect((await orgSearch('mroning lihgt')).body).toEqual([]);
    // …and once it has, the vocabulary corrects swapped letters too.
    await catchUpVocabulary();
    expect(ids((await orgSearch('mroning lihgt')).body)).toEqual([
      'release:Morning Light',
      'track:Morning Light',
    ]);
  });

  it("never shows another organisation's drafts, and checks who asks and what", async () => {
    const lark = await call<Artist>({
      method: 'POST',
      url: `${orgCatalogPath(OTHER_ORG)}/artists`,
      user: 'zed',
      body: { name: 'Lark' },
    });
    const larkId = lark.body.artistId;
    await createRelease(
      draftInput(larkId, fresh(), { title: 'Morning Light Secret', tracks: [] }),
      OTHER_ORG,
      'zed',
    );

    expect(ids((await orgSearch('morning light secret')).body)).not.toContain('release:Morning Light Secret');
    expect(ids((await orgSearch('morning light secret', '', 'zed', OTHER_ORG)).body)).toEqual([
      'release:Morning Light Secret',
    ]);
    expect((await orgSearch('morning', '', 'zed')).status).toBe(403);
    expect((await call({ method: 'GET', url: `${orgCatalogPath(ORG)}/search?q=morning` })).status).toBe(401);

    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const reply = await call<ProblemDetails>({
        method: 'GET',
        url: `${orgCatalogPath(ORG)}/search?q=${encodeURIComponent(q)}`,
        user: 'rea',
      });
      expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
        400,
        'CATALOG.INVALID_QUERY',
        'q',
      ]);
    }
    const missing = await call<ProblemDetails>({
      method: 'GET',
      url: `${orgCatalogPath(ORG)}/search`,
      user: 'rea',
    });
    expect([missing.status, missing.body.code]).toEqual([400, 'CATALOG.INVALID_QUERY']);
    expect((await orgSearch(` ${'x'.repeat(200)} `)).status).toBe(200);
    expect((await orgSearch('morning', '&limit=51')).status).toBe(400);
    expect((await orgSearch('morning', '&limit=0')).status).toBe(400);
    expect((await orgSearch('morning', '&kind=label')).status).toBe(400);
    expect((await orgSearch('morning', '&sort=title')).status).toBe(400);
    expect((await orgSearch('morning', '&limit=1')).body).toHaveLength(1);
  });

  it('shows fans only published versions of releases visible in their territory now', async () => {
    test.clock.set('2027-03-01T12:00:00.000Z');
    const release = await createRelease(
      draftInput(auroraId, fresh(), {
        title: 'Harbour Lights',
        displayArtist: 'Aurora Lane',
        tracks: [
          { title: 'Harbour Lights', isrc: isrc(900), durationMs: 200_000, displayArtist: 'Aurora Lane' },
        ],
      }),
    );
    await publishAndSchedule(release, '2027-03-10T00:00:00Z', [
      { territory: 'DE', from: '2027-03-12T00:00:00Z', until: '2027-03-20T00:00:00Z' },
    ]);
    // The draft changes after publishing: fans keep seeing the published version.
    const revised = await call({
      method: 'PUT',
      url: `${orgCatalogPath(ORG)}/releases/${release.releaseId}/draft`,
      user: 'ana',
      body: {
        expectedRevision: release.revision,
        draft: { ...release.draft, title: { text: 'Harbour Lights Remastered' } },
      },
    });
    expect(revised.status).toBe(200);
    await createRelease(draftInput(auroraId, fresh(), { title: 'Harbour Draft Only', tracks: [] }));

    const early = await publicSearch('harbour');
    expect(early.status).toBe(200);
    expect(early.headers['vary']).toBe(TERRITORY_HEADER);
    expect(early.body).toEqual([]);

    test.clock.set('2027-03-10T00:00:00.000Z');
    expect(ids((await publicSearch('harbour', 'US')).body)).toEqual([
      'release:Harbour Lights',
      'track:Harbour Lights',
    ]);
    expect(ids((await publicSearch('harbour', 'DE')).body)).toEqual([
      'release:Harbour Lights',
      'track:Harbour Lights',
    ]);
    expect(ids((await publicSearch('aurora lane', 'US')).body)).toContain('artist:Aurora Lane');
    expect(ids((await publicSearch(isrc(900), 'US')).body)).toEqual(['track:Harbour Lights']);
    expect((await publicSearch('remastered', 'US')).body).toEqual([]);
    expect((await publicSearch('draft only', 'US')).body).toEqual([]);
    // Under embargo in Germany from the 12th to the 20th: neither the release nor (through it) the artist.
    test.clock.set('2027-03-15T00:00:00.000Z');
    expect(ids((await publicSearch('harbour', 'US')).body)).toEqual([
      'release:Harbour Lights',
      'track:Harbour Lights',
    ]);
    expect((await publicSearch('harbour', 'DE')).body).toEqual([]);
    expect((await publicSearch('aurora lane', 'DE')).body).toEqual([]);
    test.clock.set('2027-03-20T00:00:00.000Z');
    expect(ids((await publicSearch('harbour', 'DE')).body)).toEqual([
      'release:Harbour Lights',
      'track:Harbour Lights',
    ]);

    const down = await call({
      method: 'POST',
      url: `${orgCatalogPath(ORG)}/releases/${release.releaseId}/takedown`,
      user: 'ana',
      body: { reason: 'Rights dispute' },
    });
    expect(down.status).toBe(200);
    expect((await publicSearch('harbour', 'US')).body).toEqual([]);

    const invalid = await call<ProblemDetails>({ method: 'GET', url: `${PUBLIC_CATALOG_PATH}/search?q=%20` });
    expect([invalid.status, invalid.body.code, invalid.body.errors?.[0]?.field]).toEqual([
      400,
      'CATALOG.INVALID_QUERY',
      'q',
    ]);
  });
});
