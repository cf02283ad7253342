import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import { type Artist, orgCatalogPath } from '@bandstand/catalog/contracts';
import {
  type CatalogTestApp,
  type CatalogTestRequest,
  startCatalogTestApp,
} from '../../testing/catalog.test-kit';
import { releasesArea } from '../releases/releases.area';
import { artistStreamId } from './artist-stream';
import { artistsArea } from './artists.area';

const ORG = 'org-label';
const OTHER_ORG = 'org-elsewhere';

describe('artists over HTTP', () => {
  let test: CatalogTestApp;
  const call = <T>(request: CatalogTestRequest) => test.request<T>(request);
  const base = (orgId = ORG): string => `${orgCatalogPath(orgId)}/artists`;

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea],
      http: true,
      teams: { [ORG]: { ana: 'admin', ed: 'editor', rea: 'reader' }, [OTHER_ORG]: { zed: 'owner' } },
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates an artist with normalised identifiers, reads it back and replaces its profile', async () => {
    const created = await call<Artist>({
      method: 'POST',
      url: base(),
      user: 'ed',
      body: {
        name: { text: 'オーロラ', language: 'ja', translations: [{ language: 'ja-Latn', text: 'Aurora' }] },
        isni: '0000 0001 2103 2683',
        country: 'no',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      artistId: expect.any(String) as unknown,
      orgId: ORG,
      name: { text: 'オーロラ', language: 'ja', translations: [{ language: 'ja-Latn', text: 'Aurora' }] },
      isni: '0000000121032683',
      ipi: null,
      country: 'NO',
      bio: null,
      releaseCount: 0,
      createdAt: expect.any(String) as unknown,
    });
    const url = `${base()}/${created.body.artistId}`;
    expect((await call<Artist>({ method: 'GET', url, user: 'rea' })).body).toEqual(created.body);

    const updated = await call<Artist>({
      method: 'PATCH',
      url,
      user: 'ed',
      body: { name: 'Aurora Lane', bio: 'From Bergen' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: { text: 'Aurora Lane', language: null, translations: [] },
      isni: null,
      country: null,
      bio: 'From Bergen',
    });
    const [stream] = await test.db.query<{ types: string[]; actors: string[]; tenants: string[] }>(
      `select array_agg(event_type order by stream_version) as types, array_agg(actor order by stream_version) as actors,
              array_agg(tenant_id order by stream_version) as tenants
         from kernel.events where stream_id = $1`,
      [artistStreamId(created.body.artistId)],
    );
    expect(stream).toEqual({
      types: ['ArtistCreated', 'ArtistProfileUpdated'],
      actors: ['user:ed', 'user:ed'],
      tenants: [ORG, ORG],
    });
  });

  it('lists the artists by name a cursor page at a time', async () => {
    for (const name of ['Zephyr', 'Birch', 'Mistral']) {
      await call({ method: 'POST', url: base(OTHER_ORG), user: 'zed', body: { name } });
    }
    const first = await call<Page<Artist>>({ method: 'GET', url: `${base(OTHER_ORG)}?limit=2`, user: 'zed' });
    expect(first.body.items.map((artist) => artist.name.text)).toEqual(['Birch', 'Mistral']);
    const second = await call<Page<Artist>>({
      method: 'GET',
      url: `${base(OTHER_ORG)}?limit=2&cursor=${first.body.nextCursor ?? ''}`,
      user: 'zed',
    });
    expect(second.body).toEqual({
      items: [expect.objectContaining({ name: expect.objectContaining({ text: 'Zephyr' }) as unknown })],
      nextCursor: null,
    });
  });

  it('names every invalid field, refuses unknown ones, and writes nothing', async () => {
    const [before] = await test.db.query<{ events: number }>(
      'select count(*)::int as events from kernel.events',
    );
    const invalid = await call<ProblemDetails>({
      method: 'POST',
      url: base(),
      user: 'ed',
      body: { name: '', isni: '0000 0001 2103 2684', ipi: '12', country: 'XX' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('CATALOG.INVALID_METADATA');
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual([
      'country',
      'ipi',
      'isni',
      'name',
    ]);
    const unknown = await call<ProblemDetails>({
      method: 'POST',
      url: base(),
      user: 'ed',
      body: { name: 'Someone', genre: 'Pop' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'genre', code: 'VALIDATION.UNKNOWN_FIELD' }),
    ]);
    const [after] = await test.db.query<{ events: number }>(
      'select count(*)::int as events from kernel.events',
    );
    expect(after).toEqual(before);
  });

  it("answers 404 for another organisation's artist and 403 to a reader who writes", async () => {
    const theirs = await call<Artist>({
      method: 'POST',
      url: base(OTHER_ORG),
      user: 'zed',
      body: { name: 'Theirs' },
    });
    const foreign = `${base()}/${theirs.body.artistId}`;
    const read = await call<ProblemDetails>({ method: 'GET', url: foreign, user: 'ana' });
    expect([read.status, read.body.code]).toEqual([404, 'CATALOG.ARTIST_NOT_FOUND']);
    const write = await call<ProblemDetails>({
      method: 'PATCH',
      url: foreign,
      user: 'ana',
      body: { name: 'Mine' },
    });
    expect([write.status, write.body.code]).toEqual([404, 'CATALOG.ARTIST_NOT_FOUND']);
    const stillTheirs = await call<Artist>({
      method: 'GET',
      url: `${base(OTHER_ORG)}/${theirs.body.artistId}`,
      user: 'zed',
    });
    expect(stillTheirs.body.name.text).toBe('Theirs');
    const reader = await call<ProblemDetails>({
      method: 'POST',
      url: base(),
      user: 'rea',
      body: { name: 'Nope' },
    });
    expect(reader.status).toBe(403);
  });
});
