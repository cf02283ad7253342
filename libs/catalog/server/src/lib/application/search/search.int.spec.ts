import {
  type LocalizedText,
  type ReleaseDraft,
  type SearchHit,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import { type ArtistProfile } from '@bandstand/catalog/domain';
import { type KernelClock } from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type GivenEvent,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { catalogPersistence } from '../../infrastructure/catalog.persistence';
import { SearchProjection, SearchTermsProjection } from './search.projection';
import { SearchQueries, type SearchRequest } from './search.queries';

const ORG = 'org-search';
const OTHER_ORG = 'org-other';
const NOW = '2027-03-01T12:00:00.000Z';

function text(
  value: string,
  language: string | null = null,
  translations: LocalizedText['translations'] = [],
): LocalizedText {
  return { text: value, language, translations };
}

function track(trackId: string, title: LocalizedText, overrides: Partial<TrackDraft> = {}): TrackDraft {
  return {
    trackId,
    title,
    versionTitle: null,
    isrc: null,
    iswc: null,
    durationMs: 180_000,
    displayArtist: 'Aurora Lane',
    contributors: [],
    genre: null,
    parentalWarning: 'not-explicit',
    language: null,
    disc: 1,
    audioAssetId: null,
    ...overrides,
  };
}

function draft(title: LocalizedText, overrides: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    type: 'single',
    title,
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    artistIds: ['artist-aurora'],
    upc: null,
    catalogNumber: null,
    labelName: null,
    genre: null,
    subgenre: null,
    parentalWarning: 'not-explicit',
    languages: [],
    pLine: null,
    cLine: null,
    originalReleaseDate: null,
    artworkAssetId: null,
    contributors: [],
    tracks: [],
    ...overrides,
  };
}

function created(releaseId: string, value: ReleaseDraft, orgId = ORG): GivenEvent {
  return {
    type: 'ReleaseCreated',
    streamId: `catalog-release-${releaseId}`,
    data: { releaseId, orgId, draft: value, source: 'editor', planId: null },
    metadata: { tenantId: orgId },
  };
}

function revised(releaseId: string, revision: number, value: ReleaseDraft, orgId = ORG): GivenEvent {
  return {
    type: 'ReleaseDraftRevised',
    streamId: `catalog-release-${releaseId}`,
    data: { releaseId, revision, draft: value, source: 'editor', planId: null },
    metadata: { tenantId: orgId },
  };
}

function published(releaseId: string, version: number, value: ReleaseDraft, orgId = ORG): GivenEvent {
  return {
    type: 'ReleaseVersionPublished',
    streamId: `catalog-release-${releaseId}`,
    data: { releaseId, orgId, version, revision: version, note: null, draft: value },
    metadata: { tenantId: orgId },
  };
}

function artist(
  artistId: string,
  profile: Partial<ArtistProfile> & { name: LocalizedText },
  orgId = ORG,
): GivenEvent {
  return {
    type: 'ArtistCreated',
    streamId: `catalog-artist-${artistId}`,
    data: { artistId, orgId, profile: { isni: null, ipi: null, country: null, bio: null, ...profile } },
    metadata: { tenantId: orgId },
  };
}

const ROWS = `select scope, kind, entity_id, release_id, org_id, title, subtitle, identifiers, titles, document, artist_ids
                from catalog.search_entries order by scope, kind, entity_id`;

describe('search projection and queries', () => {
  let kernel: KernelTestHarness;
  let projection: SearchProjection;
  let terms: SearchTermsProjection;
  let queries: SearchQueries;
  const clock: KernelClock = { now: () => new Date(NOW), newId: () => 'unused' };

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [catalogPersistence] });
    projection = new SearchProjection();
    terms = new SearchTermsProjection();
    queries = new SearchQueries(kernel.db, clock);
  });

  afterAll(async () => {
    await kernel.close();
  });

  /** Feeds both projections, from empty tables. */
  async function given(events: readonly GivenEvent[]): Promise<void> {
    await kernel.db.query('truncate catalog.releases cascade');
    const stored = await projectionSpec(projection, kernel).given(events).run();
    await kernel.db.transaction(async (tx) => {
      await terms.truncate(tx);
      await terms.handle(stored, tx);
    });
  }

  /** Makes a release visible to fans (status, version, an open window) as the releases area would. */
  async function visible(
    releaseId: string,
    options: { territory?: string; opensAt?: string; closesAt?: string | null; status?: string } = {},
  ): Promise<void> {
    await kernel.db.query(
      `insert into catalog.releases (release_id, org_id, status, type, title, display_artist, artist_ids, revision,
         version, published_revision, has_draft_changes, draft, track_count, created_at, updated_at)
       values ($1, $2, $3, 'single', 't', 'a', '{}', 1, 1, 1, false, '{}', 0, $4, $4)
       on conflict (release_id) do nothing`,
      [releaseId, ORG, options.status ?? 'released', NOW],
    );
    await kernel.db.query(
      `insert into catalog.release_availability (release_id, territory, opens_at, closes_at) values ($1, $2, $3, $4)`,
      [
        releaseId,
        options.territory ?? '*',
        options.opensAt ?? '2027-01-01T00:00:00Z',
        options.closesAt ?? null,
      ],
    );
  }

  function search(q: string, extra: Partial<SearchRequest> = {}): Promise<SearchHit[]> {
    return queries.orgSearch(ORG, { q, kind: null, limit: 20, ...extra });
  }

  function ids(hits: readonly SearchHit[]): string[] {
    return hits.map((hit) => `${hit.kind}:${hit.id}`);
  }

  describe('projection', () => {
    it('indexes a draft and its tracks for the organisation, every rendering of every title', async () => {
      const yoake = draft(text('夜明けのうた', 'ja', [{ language: 'ja-Latn', text: 'Yoake no Uta' }]), {
        upc: '036000291452',
        versionTitle: 'Deluxe',
        tracks: [
          track('trk-1', text('Ночной дозор', 'ru', [{ language: 'ru-Latn', text: 'Nochnoy Dozor' }]), {
            isrc: 'USRC17607839',
            iswc: 'T0345246801',
          }),
        ],
      });
      await projectionSpec(projection, kernel)
        .given([created('rel-1', yoake)])
        .thenRows(ROWS, [
          {
            scope: 'org',
            kind: 'release',
            entity_id: 'rel-1',
            release_id: 'rel-1',
            org_id: ORG,
            title: '夜明けのうた (Deluxe)',
            subtitle: 'Aurora Lane',
            identifiers: ['036000291452'],
            titles: ['夜明けのうた', 'yoake no uta'],
            document: ' 夜明 明け けの のう うた yoake no uta deluxe aurora lane ',
            artist_ids: ['artist-aurora'],
          },
          {
            scope: 'org',
            kind: 'track',
            entity_id: 'trk-1',
            release_id: 'rel-1',
            org_id: ORG,
            title: 'Ночной дозор',
            subtitle: 'Aurora Lane',
            identifiers: ['USRC17607839', 'T0345246801'],
            titles: ['ночной дозор', 'nochnoy dozor'],
            document: ' ночной дозор nochnoy dozor aurora lane ',
            artist_ids: [],
          },
        ]);
    });

    it('follows the draft in scope org and the newest published version in scope public', async () => {
      const first = draft(text('First Light'), { tracks: [track('trk-1', text('Dawn'))] });
      const second = draft(text('Second Light'), { tracks: [track('trk-2', text('Dusk'))] });
      await projectionSpec(projection, kernel)
        .given([created('rel-1', first), published('rel-1', 1, first), revised('rel-1', 2, second)])
        .thenRows(
          `select scope, kind, entity_id, title from catalog.search_entries order by scope, kind, entity_id`,
          [
            { scope: 'org', kind: 'release', entity_id: 'rel-1', title: 'Second Light' },
            { scope: 'org', kind: 'track', entity_id: 'trk-2', title: 'Dusk' },
            { scope: 'public', kind: 'release', entity_id: 'rel-1', title: 'First Light' },
            { scope: 'public', kind: 'track', entity_id: 'trk-1', title: 'Dawn' },
          ],
        );
    });

    it('forgets a deleted release in both scopes and keeps artists in both', async () => {
      const value = draft(text('Gone'), { tracks: [track('trk-1', text('Gone Too'))] });
      await projectionSpec(projection, kernel)
        .given([
          created('rel-1', value),
          published('rel-1', 1, value),
          artist('artist-aurora', { name: text('Aurora Lane'), isni: '0000000121032683', country: 'NO' }),
          {
            type: 'ReleaseDeleted',
            streamId: 'catalog-release-rel-1',
            data: { releaseId: 'rel-1' },
            metadata: { tenantId: ORG },
          },
          {
            type: 'ArtistProfileUpdated',
            streamId: 'catalog-artist-artist-aurora',
            data: {
              artistId: 'artist-aurora',
              profile: {
                name: text('Aurora Lane Band'),
                isni: '0000000121032683',
                ipi: null,
                country: 'SE',
                bio: null,
              },
            },
            metadata: { tenantId: ORG },
          },
        ])
        .thenRows(
          `select scope, kind, entity_id, release_id, org_id, title, subtitle, identifiers from catalog.search_entries order by scope`,
          [
            {
              scope: 'org',
              kind: 'artist',
              entity_id: 'artist-aurora',
              release_id: null,
              org_id: ORG,
              title: 'Aurora Lane Band',
              subtitle: 'SE',
              identifiers: ['0000000121032683'],
            },
            {
              scope: 'public',
              kind: 'artist',
              entity_id: 'artist-aurora',
              release_id: null,
              org_id: ORG,
              title: 'Aurora Lane Band',
              subtitle: 'SE',
              identifiers: ['0000000121032683'],
            },
          ],
        );
    });

    it('keeps the vocabulary of drafts and artists, words of three characters and more', async () => {
      await projectionSpec(terms, kernel)
        .given([
          created(
            'rel-1',
            draft(text('Morning Light', 'en', [{ language: 'fr', text: 'Lumière du matin' }])),
          ),
          artist('artist-k', { name: text('Καλημέρα') }),
        ])
        .thenRows('select term from catalog.search_terms order by term', [
          { term: 'aurora' },
          { term: 'lane' },
          { term: 'light' },
          { term: 'lumiere' },
          { term: 'matin' },
          { term: 'morning' },
          { term: 'καλημερα' },
        ]);
    });
  });

  describe('queries', () => {
    beforeAll(async () => {
      await given([
        created(
          'rel-morning',
          draft(text('Morning Light'), {
            upc: '036000291452',
            tracks: [
              track('trk-morning', text('Morning Light'), { isrc: 'USRC17607839', iswc: 'T0345246801' }),
              track('trk-lighthouse', text('Lighthouse'), { isrc: 'USRC17607840' }),
            ],
          }),
        ),
        created(
          'rel-yoake',
          draft(text('夜明けのうた', 'ja', [{ language: 'ja-Latn', text: 'Yoake no Uta' }]), {
            displayArtist: '星野 ひかり',
            tracks: [
              track(
                'trk-yoake',
                text('夜明けのうた', 'ja', [{ language: 'ja-Latn', text: 'Yoake no Uta' }]),
                {
                  displayArtist: '星野 ひかり',
                },
              ),
            ],
          }),
        ),
        created(
          'rel-dozor',
          draft(text('Ночной дозор', 'ru', [{ language: 'ru-Latn', text: 'Nochnoy Dozor' }]), {
            displayArtist: 'Кино',
          }),
        ),
        created(
          'rel-kalimera',
          draft(text('Καλημέρα Κόσμε', 'el', [{ language: 'el-Latn', text: 'Kalimera Kosme' }]), {
            displayArtist: 'Ελένη',
          }),
        ),
        created('rel-cafe', draft(text('Café Crème'), { displayArtist: 'Zoë Ärnström' })),
        created(
          'rel-summer',
          draft(text('Summer Nights'), { displayArtist: 'The Kestrels', artistIds: ['artist-kestrels'] }),
        ),
        artist('artist-aurora', { name: text('Aurora Lane'), isni: '0000000121032683', country: 'NO' }),
        artist('artist-kestrels', { name: text('The Kestrels'), country: 'GB' }),
        created('rel-foreign', draft(text('Morning Light Foreign'), { upc: '4006381333931' }), OTHER_ORG),
      ]);
    });

    it('finds identifiers exactly, with or without separators, first', async () => {
      expect(ids(await search('US-RC1-76-07839'))).toEqual(['track:trk-morning']);
      expect(ids(await search('usrc17607839'))).toEqual(['track:trk-morning']);
      expect(ids(await search('T-034.524.680-1'))).toEqual(['track:trk-morning']);
      expect(ids(await search('0036000291452'))).toEqual(['release:rel-morning']);
      expect(ids(await search('0000 0001 2103 2683'))).toEqual(['artist:artist-aurora']);
      const [hit] = await search('USRC17607839');
      expect(hit).toEqual({
        kind: 'track',
        id: 'trk-morning',
        releaseId: 'rel-morning',
        title: 'Morning Light',
        subtitle: 'Aurora Lane',
        identifiers: ['USRC17607839', 'T0345246801'],
        score: 1,
      });
    });

    it('ranks an exact title before a prefix, a release before its track, and respects the kind', async () => {
      expect(ids(await search('morning light'))).toEqual(['release:rel-morning', 'track:trk-morning']);
      expect(ids(await search('light'))).toEqual([
        'release:rel-morning',
        'track:trk-morning',
        'track:trk-lighthouse',
      ]);
      expect(ids(await search('Morning Light', { kind: 'track' }))).toEqual(['track:trk-morning']);
      expect(ids(await search('Light', { limit: 1 }))).toEqual(['release:rel-morning']);
    });

    it('finds words in any order, artists and their releases', async () => {
      // Not the artist: "light" is not in its name, and trigram similarity is only asked when nothing matched.
      expect(ids(await search('light aurora'))).toEqual([
        'release:rel-morning',
        'track:trk-morning',
        'track:trk-lighthouse',
      ]);
      expect(ids(await search('kestrels'))).toEqual(['artist:artist-kestrels', 'release:rel-summer']);
    });

    it('tolerates typos in longer words', async () => {
      expect(ids(await search('Mornign Light')).slice(0, 2)).toEqual([
        'release:rel-morning',
        'track:trk-morning',
      ]);
      expect(ids(await search('mroning lihgt')).slice(0, 2)).toEqual([
        'release:rel-morning',
        'track:trk-morning',
      ]);
      expect(ids(await search('sumemr nigths'))).toEqual(['release:rel-summer']);
      expect(ids(await search('kestrles'))).toEqual(['artist:artist-kestrels', 'release:rel-summer']);
      // Short words are not corrected: too many words are one letter away from them.
      expect(await search('lane ligt xq')).toEqual([]);
    });

    it('finds titles in any script and their transliterations', async () => {
      expect(ids(await search('夜明けのうた'))).toEqual(['release:rel-yoake', 'track:trk-yoake']);
      expect(ids(await search('のうた'))).toEqual(['release:rel-yoake', 'track:trk-yoake']);
      expect(ids(await search('夜明け'))).toEqual(['release:rel-yoake', 'track:trk-yoake']);
      expect(ids(await search('yoake no uta'))).toEqual(['release:rel-yoake', 'track:trk-yoake']);
      expect(ids(await search('ひかり'))).toEqual(['release:rel-yoake', 'track:trk-yoake']);
      expect(ids(await search('ночной'))).toEqual(['release:rel-dozor']);
      expect(ids(await search('НОЧНОЙ ДОЗОР'))).toEqual(['release:rel-dozor']);
      expect(ids(await search('nochnoy dozor'))).toEqual(['release:rel-dozor']);
      expect(ids(await search('кино'))).toEqual(['release:rel-dozor']);
      expect(ids(await search('καλημέρα'))).toEqual(['release:rel-kalimera']);
      expect(ids(await search('ΚΑΛΗΜΕΡΑ ΚΟΣΜΕ'))).toEqual(['release:rel-kalimera']);
      expect(ids(await search('kalimera'))).toEqual(['release:rel-kalimera']);
      expect(ids(await search('cafe creme'))).toEqual(['release:rel-cafe']);
      expect(ids(await search('zoe arnstrom'))).toEqual(['release:rel-cafe']);
    });

    it("never returns another organisation's entries", async () => {
      expect(ids(await search('Morning Light Foreign'))).not.toContain('release:rel-foreign');
      expect(await search('4006381333931')).toEqual([]);
      expect(ids(await queries.orgSearch(OTHER_ORG, { q: 'morning', kind: null, limit: 20 }))).toEqual([
        'release:rel-foreign',
      ]);
    });

    it('answers nothing for a query without words or identifiers', async () => {
      expect(await search('!!! ---')).toEqual([]);
    });
  });

  describe('public queries', () => {
    const publicSearch = (q: string, territory = 'US'): Promise<SearchHit[]> =>
      queries.publicSearch(territory, { q, kind: null, limit: 20 });

    beforeAll(async () => {
      const morning = draft(text('Morning Light'), {
        tracks: [track('trk-morning', text('Morning Light'), { isrc: 'USRC17607839' })],
      });
      await given([
        artist('artist-aurora', { name: text('Aurora Lane') }),
        artist('artist-hidden', { name: text('Hidden Harbour') }),
        created('rel-public', morning),
        published('rel-public', 1, morning),
        revised('rel-public', 2, draft(text('Morning Light Secret Remaster'))),
        created(
          'rel-draft',
          draft(text('Draft Only Dreams'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        created(
          'rel-embargo',
          draft(text('Embargoed Echoes'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        published(
          'rel-embargo',
          1,
          draft(text('Embargoed Echoes'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        created(
          'rel-later',
          draft(text('Later Lullabies'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        published(
          'rel-later',
          1,
          draft(text('Later Lullabies'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        created(
          'rel-down',
          draft(text('Taken Tides'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
        published(
          'rel-down',
          1,
          draft(text('Taken Tides'), { artistIds: ['artist-hidden'], displayArtist: 'Hidden Harbour' }),
        ),
      ]);
      await visible('rel-public');
      // Visible everywhere but Germany, where an embargo closes the only window until next year.
      await visible('rel-embargo', { territory: '*' });
      await visible('rel-embargo', { territory: 'DE', opensAt: '2028-01-01T00:00:00Z' });
      await visible('rel-later', { opensAt: '2027-03-01T12:00:00.001Z', status: 'scheduled' });
      await visible('rel-down', { status: 'taken-down' });
    });

    it('finds the newest published version of visible releases, never the draft', async () => {
      expect(ids(await publicSearch('morning light'))).toEqual(['release:rel-public', 'track:trk-morning']);
      expect(await publicSearch('secret remaster')).toEqual([]);
      expect(await publicSearch('draft only dreams')).toEqual([]);
      expect(ids(await publicSearch('USRC17607839'))).toEqual(['track:trk-morning']);
    });

    it('hides releases embargoed in the territory, not yet out, or taken down', async () => {
      expect(ids(await publicSearch('embargoed echoes', 'US'))).toEqual(['release:rel-embargo']);
      expect(await publicSearch('embargoed echoes', 'DE')).toEqual([]);
      expect(await publicSearch('later lullabies')).toEqual([]);
      expect(await publicSearch('taken tides')).toEqual([]);
    });

    it('finds an artist only through a release visible in the territory', async () => {
      expect(ids(await publicSearch('aurora lane'))).toEqual([
        'artist:artist-aurora',
        'release:rel-public',
        'track:trk-morning',
      ]);
      expect(ids(await publicSearch('hidden harbour', 'US'))).toEqual([
        'artist:artist-hidden',
        'release:rel-embargo',
      ]);
      expect(await publicSearch('hidden harbour', 'DE')).toEqual([]);
    });
  });
});
