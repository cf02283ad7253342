import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type Asset,
  orgCatalogPath,
  PUBLIC_CATALOG_PATH,
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  type ReleaseDraft,
  type ReleaseSchedule,
  TERRITORY_HEADER,
} from '@bandstand/catalog/contracts';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import {
  type CatalogTestApp,
  CATALOG_TEST_NOW,
  startCatalogTestApp,
  testUpc,
} from '../../testing/catalog.test-kit';
import { ArtistStream } from '../artists/artist-stream';
import { artistsArea } from '../artists/artists.area';
import { assetsArea } from '../assets/assets.area';
import { pngImage } from '../assets/media-fixtures';
import { ReleaseStream, userActor } from '../releases/release-stream';
import { releasesArea } from '../releases/releases.area';
import { publicArea } from './public.area';

// The public catalog over HTTP, on the releases area's read models: what fans see, where and when.

const ORG = 'org-label';
const ACTOR = userActor('user-editor', 'corr-public-catalog');
const RELEASE_AT = '2027-03-05T00:00:00.000Z';

let upcSerial = 0;

/** A GTIN-12 with a correct check digit, different on every call. */
function nextUpc(): string {
  upcSerial += 1;
  return testUpc(`0${String(upcSerial).padStart(10, '0')}`);
}

function text(value: string, language: string | null = 'en') {
  return { text: value, language, translations: [] };
}

/** A complete draft (everything scheduling needs) by `artistId`, titled `title`. */
function completeDraft(artistId: string, title: string, extra: Partial<ReleaseDraft> = {}): ReleaseDraft {
  const isrcBase = 1000 + upcSerial * 10;
  return {
    type: 'ep',
    title: text(title),
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    artistIds: [artistId],
    upc: nextUpc(),
    catalogNumber: 'NO-001',
    labelName: 'Night Owls',
    genre: 'Electronic',
    subgenre: null,
    parentalWarning: 'not-explicit',
    languages: ['en'],
    pLine: { year: 2027, owner: 'Night Owls' },
    cLine: { year: 2027, owner: 'Night Owls' },
    originalReleaseDate: null,
    artworkAssetId: null,
    contributors: [
      { name: 'Aurora Lane', artistId, roles: ['main-artist'], isni: null, ipi: null, instrument: null },
    ],
    tracks: [2, 1, 1].map((disc, index) => ({
      trackId: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-track-${index + 1}`,
      title: text(`${title} ${index + 1}`),
      versionTitle: null,
      isrc: `USRC1${String(isrcBase + index).padStart(7, '0')}`,
      iswc: null,
      durationMs: 180_000 + index * 1000,
      displayArtist: 'Aurora Lane',
      contributors: [
        { name: 'Mara Quell', artistId: null, roles: ['composer'], isni: null, ipi: null, instrument: null },
        { name: 'Theo Brandt', artistId: null, roles: ['producer'], isni: null, ipi: null, instrument: null },
      ],
      genre: 'Electronic',
      parentalWarning: 'not-explicit',
      language: 'en',
      disc,
      audioAssetId: null,
    })),
    ...extra,
  };
}

function schedule(extra: Partial<ReleaseSchedule> = {}): ReleaseSchedule {
  return {
    releaseAt: RELEASE_AT,
    territories: ['WW'],
    excludedTerritories: [],
    territoryReleases: [],
    embargoes: [],
    ...extra,
  };
}

describe('the public catalog', () => {
  let test: CatalogTestApp;
  let releases: ReleaseStream;
  let serial = 0;

  async function createArtist(name = 'Aurora Lane'): Promise<string> {
    serial += 1;
    const artistId = `artist-${serial}`;
    await test.app.get(ArtistStream).run(ORG, artistId, ACTOR, {
      kind: 'CreateArtist',
      artistId,
      orgId: ORG,
      profile: { name: text(name), isni: null, ipi: null, country: 'NO', bio: 'Synths from the north.' },
    });
    return artistId;
  }

  /** A release by a new artist, published (version 1) and scheduled as `plan` says. */
  async function scheduledRelease(
    title: string,
    plan: ReleaseSchedule = schedule(),
    draftExtra: Partial<ReleaseDraft> = {},
  ): Promise<{ releaseId: string; artistId: string; draft: ReleaseDraft }> {
    const artistId = await createArtist();
    serial += 1;
    const releaseId = `release-${serial}`;
    const draft = completeDraft(artistId, title, draftExtra);
    await releases.run(ORG, releaseId, ACTOR, {
      kind: 'CreateRelease',
      releaseId,
      orgId: ORG,
      draft,
      source: 'editor',
      planId: null,
    });
    await releases.run(ORG, releaseId, ACTOR, { kind: 'PublishVersion', expectedRevision: null, note: null });
    await releases.run(ORG, releaseId, ACTOR, { kind: 'ScheduleRelease', schedule: plan });
    return { releaseId, artistId, draft };
  }

  function get<T>(path: string, territory?: string) {
    return test.request<T>({
      method: 'GET',
      url: `${PUBLIC_CATALOG_PATH}/${path}`,
      ...(territory === undefined ? {} : { headers: { [TERRITORY_HEADER]: territory } }),
    });
  }

  async function visibleIn(releaseId: string, territory: string): Promise<boolean> {
    const reply = await get<PublicRelease | ProblemDetails>(`releases/${releaseId}`, territory);
    if (reply.status === 404) {
      expect((reply.body as ProblemDetails).code).toBe('CATALOG.RELEASE_NOT_FOUND');
      return false;
    }
    expect(reply.status).toBe(200);
    return true;
  }

  async function listedIds(territory: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const reply = await get<Page<PublicReleaseSummary>>(`releases${query}`, territory);
      expect(reply.status).toBe(200);
      ids.push(...reply.body.items.map((item) => item.releaseId));
      cursor = reply.body.nextCursor;
    } while (cursor !== null);
    return ids;
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, assetsArea, publicArea],
      http: true,
      teams: { [ORG]: { 'user-editor': 'editor' } },
    });
    releases = test.app.get(ReleaseStream);
  });

  async function uploadArtwork(edge: number): Promise<{ asset: Asset; bytes: Buffer }> {
    const bytes = pngImage(edge, edge);
    const reply = await test.request<Asset>({
      method: 'POST',
      url: `${orgCatalogPath(ORG)}/assets?kind=artwork`,
      user: 'user-editor',
      body: bytes,
      headers: { 'content-type': 'image/png' },
    });
    expect(reply.status).toBe(201);
    return { asset: reply.body, bytes };
  }

  beforeEach(() => {
    test.clock.set(CATALOG_TEST_NOW);
  });

  afterAll(async () => {
    const assetDir = test?.app.get<Record<string, unknown>>(APP_CONFIG)['ASSET_DIR'];
    await test?.close();
    if (typeof assetDir === 'string') await rm(resolve(assetDir), { recursive: true, force: true });
  });

  it('shows a scheduled release from its release moment, not a millisecond before', async () => {
    const { releaseId, artistId } = await scheduledRelease('First Light');
    const hidden = await get<ProblemDetails>(`releases/${releaseId}`, 'FR');
    expect([hidden.status, hidden.body.code]).toEqual([404, 'CATALOG.RELEASE_NOT_FOUND']);
    expect(hidden.headers['vary']).toContain(TERRITORY_HEADER);
    const unknown = await get<ProblemDetails>('releases/no-such-release', 'FR');
    // Existence is not revealed: a coming release answers exactly like an id that never was.
    expect([unknown.status, unknown.body.code, unknown.body.detail]).toEqual([
      hidden.status,
      hidden.body.code,
      hidden.body.detail,
    ]);
    expect((await get<ProblemDetails>(`artists/${artistId}`, 'FR')).status).toBe(404);
    expect(await listedIds('FR')).not.toContain(releaseId);

    test.clock.set('2027-03-04T23:59:59.999Z');
    expect(await visibleIn(releaseId, 'FR')).toBe(false);

    test.clock.set(RELEASE_AT);
    const shown = await get<PublicRelease>(`releases/${releaseId}`, 'FR');
    expect(shown.status).toBe(200);
    expect(shown.headers['vary']).toContain(TERRITORY_HEADER);
    expect(shown.body).toMatchObject({
      releaseId,
      type: 'ep',
      title: { text: 'First Light', language: 'en' },
      displayArtist: 'Aurora Lane',
      artists: [{ artistId, name: { text: 'Aurora Lane' } }],
      labelName: 'Night Owls',
      genre: 'Electronic',
      pLine: { year: 2027, owner: 'Night Owls' },
      releaseDate: RELEASE_AT,
      territories: ['WW'],
      excludedTerritories: [],
      territory: 'FR',
      artworkUrl: null,
    });
    // Play order: disc 1 first (in the version's order), then disc 2, numbered per disc.
    expect(shown.body.tracks.map((track) => [track.disc, track.position, track.title.text])).toEqual([
      [1, 1, 'First Light 2'],
      [1, 2, 'First Light 3'],
      [2, 1, 'First Light 1'],
    ]);
    expect(shown.body.tracks[0]?.contributors.map((credit) => [credit.name, credit.roles])).toEqual([
      ['Mara Quell', ['composer']],
      ['Theo Brandt', ['producer']],
    ]);
    expect(shown.body.tracks[0]?.isrc).toMatch(/^USRC1\d{7}$/);
    expect(await listedIds('FR')).toContain(releaseId);
    const artist = await get<PublicArtist>(`artists/${artistId}`, 'FR');
    expect(artist.status).toBe(200);
    expect(artist.body).toMatchObject({ artistId, country: 'NO', bio: 'Synths from the north.' });
    expect(artist.body.releases.map((release) => release.releaseId)).toEqual([releaseId]);
  });

  it('keeps a release out of a territory during its embargo there, and only there', async () => {
    const { releaseId } = await scheduledRelease(
      'Northern Pull',
      schedule({
        embargoes: [
          {
            territory: 'DE',
            from: '2027-03-06T00:00:00.000Z',
            until: '2027-03-10T00:00:00.000Z',
            reason: null,
          },
        ],
      }),
    );
    test.clock.set('2027-03-05T12:00:00.000Z');
    expect([await visibleIn(releaseId, 'FR'), await visibleIn(releaseId, 'DE')]).toEqual([true, true]);
    test.clock.set('2027-03-07T00:00:00.000Z');
    expect([await visibleIn(releaseId, 'FR'), await visibleIn(releaseId, 'DE')]).toEqual([true, false]);
    expect(await listedIds('DE')).not.toContain(releaseId);
    expect(await listedIds('FR')).toContain(releaseId);
    test.clock.set('2027-03-10T00:00:00.000Z');
    expect([await visibleIn(releaseId, 'FR'), await visibleIn(releaseId, 'DE')]).toEqual([true, true]);
  });

  it('never shows a release in an excluded territory, and dates it by the territory’s own moment', async () => {
    const { releaseId } = await scheduledRelease(
      'Far Coast',
      schedule({
        excludedTerritories: ['CN'],
        territoryReleases: [{ territory: 'NZ', releaseAt: '2027-03-04T11:00:00.000Z' }],
      }),
    );
    test.clock.set('2027-03-04T11:00:00.000Z');
    expect([await visibleIn(releaseId, 'NZ'), await visibleIn(releaseId, 'FR')]).toEqual([true, false]);
    expect((await get<PublicRelease>(`releases/${releaseId}`, 'NZ')).body.releaseDate).toBe(
      '2027-03-04T11:00:00.000Z',
    );
    for (const instant of [RELEASE_AT, '2030-01-01T00:00:00.000Z']) {
      test.clock.set(instant);
      expect(await visibleIn(releaseId, 'CN')).toBe(false);
      expect(await visibleIn(releaseId, 'FR')).toBe(true);
    }
    const shown = await get<PublicRelease>(`releases/${releaseId}`, 'FR');
    expect([shown.body.releaseDate, shown.body.excludedTerritories]).toEqual([RELEASE_AT, ['CN']]);
  });

  it('hides a release that was taken down', async () => {
    const { releaseId, artistId } = await scheduledRelease('Pulled Single');
    test.clock.set(RELEASE_AT);
    await releases.run(ORG, releaseId, ACTOR, { kind: 'ReleaseIfDue' });
    expect(await visibleIn(releaseId, 'FR')).toBe(true);
    await releases.run(ORG, releaseId, ACTOR, { kind: 'TakeDownRelease', reason: 'Rights dispute' });
    expect(await visibleIn(releaseId, 'FR')).toBe(false);
    expect(await listedIds('FR')).not.toContain(releaseId);
    expect((await get<ProblemDetails>(`artists/${artistId}`, 'FR')).status).toBe(404);
  });

  it('shows the newest published version, never the draft', async () => {
    const { releaseId, draft } = await scheduledRelease('Working Title');
    test.clock.set(RELEASE_AT);
    await releases.run(ORG, releaseId, ACTOR, {
      kind: 'ReviseDraft',
      expectedRevision: null,
      draft: { ...draft, title: text('Final Title'), genre: 'Ambient' },
      source: 'editor',
      planId: null,
    });
    const before = await get<PublicRelease>(`releases/${releaseId}`, 'FR');
    expect([before.body.title.text, before.body.genre]).toEqual(['Working Title', 'Electronic']);
    const listed = await get<Page<PublicReleaseSummary>>('releases?limit=200', 'FR');
    expect(listed.body.items.find((item) => item.releaseId === releaseId)?.title.text).toBe('Working Title');

    await releases.run(ORG, releaseId, ACTOR, { kind: 'PublishVersion', expectedRevision: null, note: null });
    const after = await get<PublicRelease>(`releases/${releaseId}`, 'FR');
    expect([after.body.title.text, after.body.genre]).toEqual(['Final Title', 'Ambient']);
  });

  it('pages through visible releases newest first, each once', async () => {
    const dates = ['2027-03-02T00:00:00.000Z', '2027-03-03T00:00:00.000Z', '2027-03-02T00:00:00.000Z'];
    const created: string[] = [];
    for (const [index, releaseAt] of dates.entries()) {
      created.push((await scheduledRelease(`Paged ${index}`, schedule({ releaseAt }))).releaseId);
    }
    test.clock.set('2027-03-20T00:00:00.000Z');
    const ids = await listedIds('FR');
    expect(new Set(ids).size).toBe(ids.length);
    const mine = ids.filter((id) => created.includes(id));
    // Same date: the larger id first (the list's tie-break), so pages never skip or repeat one.
    const [first, second, third] = created;
    const sameDay = [first ?? '', third ?? ''].sort().reverse();
    expect(mine).toEqual([second, ...sameDay]);
    const page = await get<Page<PublicReleaseSummary>>('releases?limit=200', 'FR');
    const releaseDates = page.body.items.map((item) => item.releaseDate);
    expect(releaseDates).toEqual([...releaseDates].sort().reverse());
    expect(page.body.items.find((item) => item.releaseId === second)).toMatchObject({
      type: 'ep',
      title: { text: 'Paged 1' },
      displayArtist: 'Aurora Lane',
      releaseDate: '2027-03-03T00:00:00.000Z',
      artworkUrl: null,
      trackCount: 3,
    });
  });

  it('serves the artwork of a visible release’s published version only, cacheable with its ETag', async () => {
    const cover = await uploadArtwork(1400);
    const newCover = await uploadArtwork(1500);
    const { releaseId, draft } = await scheduledRelease(
      'Covered',
      schedule({ excludedTerritories: ['CN'] }),
      { artworkAssetId: cover.asset.assetId },
    );
    const path = `artwork/${cover.asset.assetId}`;
    const early = await get<ProblemDetails>(path, 'FR');
    expect([early.status, early.body.code]).toEqual([404, 'CATALOG.ASSET_NOT_FOUND']);

    test.clock.set(RELEASE_AT);
    const release = await get<PublicRelease>(`releases/${releaseId}`, 'FR');
    expect(release.body.artworkUrl).toBe(`${PUBLIC_CATALOG_PATH}/${path}`);
    const listed = await get<Page<PublicReleaseSummary>>('releases?limit=200', 'FR');
    expect(listed.body.items.find((item) => item.releaseId === releaseId)?.artworkUrl).toBe(
      `${PUBLIC_CATALOG_PATH}/${path}`,
    );
    const image = await test.http
      ?.getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `${PUBLIC_CATALOG_PATH}/${path}`,
        headers: { [TERRITORY_HEADER]: 'FR' },
      });
    expect(image?.statusCode).toBe(200);
    expect(image?.rawPayload.equals(cover.bytes)).toBe(true);
    const etag = `"${createHash('sha256').update(cover.bytes).digest('hex')}"`;
    expect(image?.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': 'public, max-age=300',
      etag,
    });
    expect(String(image?.headers['vary'])).toContain(TERRITORY_HEADER);
    const again = await test.request<string>({
      method: 'GET',
      url: `${PUBLIC_CATALOG_PATH}/${path}`,
      headers: { [TERRITORY_HEADER]: 'FR', 'if-none-match': `W/"other", ${etag}` },
    });
    expect([again.status, again.text, again.headers['etag']]).toEqual([304, '', etag]);
    expect((await get<ProblemDetails>(path, 'CN')).status).toBe(404);

    // A new cover in the draft stays private until it is published.
    await releases.run(ORG, releaseId, ACTOR, {
      kind: 'ReviseDraft',
      expectedRevision: null,
      draft: { ...draft, artworkAssetId: newCover.asset.assetId },
      source: 'editor',
      planId: null,
    });
    expect((await get<ProblemDetails>(`artwork/${newCover.asset.assetId}`, 'FR')).status).toBe(404);
    await releases.run(ORG, releaseId, ACTOR, { kind: 'PublishVersion', expectedRevision: null, note: null });
    expect((await get<string>(`artwork/${newCover.asset.assetId}`, 'FR')).status).toBe(200);
    expect((await get<ProblemDetails>(path, 'FR')).status).toBe(404);
    expect((await get<ProblemDetails>('artwork/no-such-asset', 'FR')).status).toBe(404);
  });

  it('refuses a cursor it did not hand out', async () => {
    const reply = await get<ProblemDetails>('releases?cursor=not-a-cursor', 'FR');
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((error) => error.field)).toEqual(['cursor']);
  });

  it('answers a malformed territory header as for the default territory', async () => {
    const { releaseId } = await scheduledRelease('Home Only', schedule({ territories: ['US'] }));
    test.clock.set(RELEASE_AT);
    expect(await visibleIn(releaseId, 'FR')).toBe(false);
    for (const header of ['Germany', 'WW', 'u$', '']) {
      const reply = await get<PublicRelease>(`releases/${releaseId}`, header);
      expect([header, reply.status, reply.body.territory]).toEqual([header, 200, 'US']);
    }
    expect((await get<PublicRelease>(`releases/${releaseId}`, 'us')).body.territory).toBe('US');
  });
});

describe('the public catalog behind an edge that does not set the territory', () => {
  let test: CatalogTestApp;

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, assetsArea, publicArea],
      http: true,
      config: { CATALOG_TRUST_TERRITORY_HEADER: false, CATALOG_DEFAULT_TERRITORY: 'DE' },
    });
  });

  afterAll(async () => {
    await test?.close();
  });

  it('ignores the header and answers for the default territory', async () => {
    const releases = test.app.get(ReleaseStream);
    await test.app.get(ArtistStream).run(ORG, 'artist-edge', ACTOR, {
      kind: 'CreateArtist',
      artistId: 'artist-edge',
      orgId: ORG,
      profile: { name: text('Edge'), isni: null, ipi: null, country: null, bio: null },
    });
    const ids = { de: 'release-for-de', fr: 'release-for-fr' };
    for (const [releaseId, territory] of [
      [ids.de, 'DE'],
      [ids.fr, 'FR'],
    ] as const) {
      await releases.run(ORG, releaseId, ACTOR, {
        kind: 'CreateRelease',
        releaseId,
        orgId: ORG,
        draft: completeDraft('artist-edge', `Only ${territory}`),
        source: 'editor',
        planId: null,
      });
      await releases.run(ORG, releaseId, ACTOR, {
        kind: 'PublishVersion',
        expectedRevision: null,
        note: null,
      });
      await releases.run(ORG, releaseId, ACTOR, {
        kind: 'ScheduleRelease',
        schedule: schedule({ territories: [territory] }),
      });
    }
    test.clock.set(RELEASE_AT);
    const asFrench = { [TERRITORY_HEADER]: 'FR' };
    const forDe = await test.request<PublicRelease>({
      method: 'GET',
      url: `${PUBLIC_CATALOG_PATH}/releases/${ids.de}`,
      headers: asFrench,
    });
    expect([forDe.status, forDe.body.territory]).toEqual([200, 'DE']);
    const forFr = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${PUBLIC_CATALOG_PATH}/releases/${ids.fr}`,
      headers: asFrench,
    });
    expect(forFr.status).toBe(404);
  });
});
