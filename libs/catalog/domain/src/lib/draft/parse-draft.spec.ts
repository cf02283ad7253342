import fc from 'fast-check';
import { type FieldError } from '@bandstand/shared/contracts';
import { sequentialId, sequentialIds } from '@bandstand/shared/domain';
import { CONTRIBUTOR_ROLES, type ReleaseDraft } from '@bandstand/catalog/contracts';
import { draftFixture, trackFixture } from '../testing/release-draft.fixtures';
import {
  draftsEqual,
  missingForPublish,
  parseArtistProfile,
  parseReleaseDraft,
  parseSchedule,
  type Parsed,
} from './parse-draft';

const fresh = { previous: null, newId: sequentialIds() };

function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got errors ${JSON.stringify(parsed.errors, null, 2)}`);
  return parsed.value;
}

function errorsOf<T>(parsed: Parsed<T>): readonly FieldError[] {
  if (parsed.ok) throw new Error(`expected errors, got ${JSON.stringify(parsed.value)}`);
  return parsed.errors;
}

/** The field and code of each error, the message aside. */
function codes<T>(parsed: Parsed<T>): { field: string; code: string }[] {
  return errorsOf(parsed).map(({ field, code }) => ({ field, code }));
}

const minimal = { type: 'single', title: 'Night Drive', displayArtist: 'Aurora Lane' };

describe('parseReleaseDraft', () => {
  it('fills every optional field with null, [] or its default', () => {
    expect(valueOf(parseReleaseDraft(minimal, fresh))).toEqual({
      type: 'single',
      title: { text: 'Night Drive', language: null, translations: [] },
      versionTitle: null,
      displayArtist: 'Aurora Lane',
      artistIds: [],
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
    } satisfies ReleaseDraft);
  });

  it('trims texts and normalises identifiers, languages and localized texts', () => {
    const draft = valueOf(
      parseReleaseDraft(
        {
          ...minimal,
          title: {
            text: '  夜のドライブ ',
            language: 'JA',
            translations: [
              { language: 'ja-latn', text: 'Yoru no Doraibu' },
              { language: 'en', text: ' Night Drive ' },
            ],
          },
          upc: '0 36000 29145 2',
          versionTitle: '   ',
          languages: ['JA', 'en-us'],
          contributors: [
            {
              name: ' Kestrel ',
              roles: ['composer', 'lyricist'],
              isni: '0000 0001 2103 2683',
              ipi: '414107338',
            },
          ],
          tracks: [
            { title: 'One', isrc: 'us-rc1-76-07839', iswc: 'T-034.524.680-1', language: 'EN', durationMs: 1 },
          ],
        },
        fresh,
      ),
    );
    expect(draft.title).toEqual({
      text: '夜のドライブ',
      language: 'ja',
      translations: [
        { language: 'ja-Latn', text: 'Yoru no Doraibu' },
        { language: 'en', text: 'Night Drive' },
      ],
    });
    expect(draft.upc).toBe('036000291452');
    expect(draft.versionTitle).toBeNull();
    expect(draft.languages).toEqual(['ja', 'en-US']);
    expect(draft.contributors).toEqual([
      {
        name: 'Kestrel',
        artistId: null,
        roles: ['composer', 'lyricist'],
        isni: '0000000121032683',
        ipi: '00414107338',
        instrument: null,
      },
    ]);
    expect(draft.tracks).toEqual([
      trackFixture(sequentialId(1), {
        title: { text: 'One', language: null, translations: [] },
        isrc: 'USRC17607839',
        iswc: 'T0345246801',
        language: 'en',
        durationMs: 1,
      }),
    ]);
  });

  it('refuses unknown fields at every depth', () => {
    const parsed = parseReleaseDraft(
      {
        ...minimal,
        colour: 'blue',
        title: { text: 'x', subtitle: 'y' },
        contributors: [{ name: 'A', roles: ['producer'], email: 'a@b.c' }],
        tracks: [{ title: 'One', bpm: 120 }],
      },
      fresh,
    );
    expect(codes(parsed)).toEqual([
      { field: 'colour', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'title.subtitle', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'contributors.0.email', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'tracks.0.bpm', code: 'VALIDATION.UNKNOWN_FIELD' },
    ]);
  });

  it('collects every error at once, each with its path and a message', () => {
    const parsed = parseReleaseDraft(
      {
        type: 'mixtape',
        title: '',
        upc: '036000291453',
        genre: 42,
        pLine: { year: 1899, owner: ' ' },
        cLine: { year: 2026.5, owner: 'Owls' },
        originalReleaseDate: '2026-02-30',
        parentalWarning: 'maybe',
        tracks: [{ title: 'One', isrc: 'nope', durationMs: 0, disc: 100 }],
      },
      fresh,
    );
    expect(codes(parsed)).toEqual([
      { field: 'type', code: 'CATALOG.INVALID_METADATA' },
      { field: 'title', code: 'CATALOG.INVALID_METADATA' },
      { field: 'displayArtist', code: 'CATALOG.INVALID_METADATA' },
      { field: 'upc', code: 'CATALOG.INVALID_UPC' },
      { field: 'genre', code: 'CATALOG.INVALID_METADATA' },
      { field: 'parentalWarning', code: 'CATALOG.INVALID_METADATA' },
      { field: 'pLine.year', code: 'CATALOG.INVALID_METADATA' },
      { field: 'pLine.owner', code: 'CATALOG.INVALID_METADATA' },
      { field: 'cLine.year', code: 'CATALOG.INVALID_METADATA' },
      { field: 'originalReleaseDate', code: 'CATALOG.INVALID_METADATA' },
      { field: 'tracks.0.isrc', code: 'CATALOG.INVALID_ISRC' },
      { field: 'tracks.0.durationMs', code: 'CATALOG.INVALID_METADATA' },
      { field: 'tracks.0.disc', code: 'CATALOG.INVALID_METADATA' },
    ]);
    for (const error of errorsOf(parsed)) expect(error.message.length).toBeGreaterThan(0);
  });

  it('answers an error on the root (field ""), not an exception, when the draft is not an object', () => {
    for (const input of [null, 'draft', 42, [minimal]]) {
      expect(codes(parseReleaseDraft(input, fresh))).toEqual([
        { field: '', code: 'CATALOG.INVALID_METADATA' },
      ]);
    }
    expect(codes(parseArtistProfile('Aurora'))).toEqual([{ field: '', code: 'CATALOG.INVALID_METADATA' }]);
    expect(codes(parseSchedule(null))).toEqual([{ field: '', code: 'CATALOG.INVALID_METADATA' }]);
  });

  it('reports a track that is not an object once, and reads the others', () => {
    expect(codes(parseReleaseDraft({ ...minimal, tracks: ['One', { title: '' }] }, fresh))).toEqual([
      { field: 'tracks.0', code: 'CATALOG.INVALID_METADATA' },
      { field: 'tracks.1.title', code: 'CATALOG.INVALID_METADATA' },
    ]);
  });

  it.each([
    ['title', 'x'.repeat(501), 'title'],
    ['displayArtist', 'x'.repeat(501), 'displayArtist'],
    ['versionTitle', 'x'.repeat(501), 'versionTitle'],
    ['genre', 'x'.repeat(101), 'genre'],
    ['subgenre', 'x'.repeat(101), 'subgenre'],
    ['labelName', 'x'.repeat(201), 'labelName'],
    ['catalogNumber', 'x'.repeat(51), 'catalogNumber'],
    ['artistIds', Array.from({ length: 21 }, (_, i) => `artist-${i}`), 'artistIds'],
    ['artistIds', ['artist-1', ' '], 'artistIds.1'],
    ['artistIds', ['artist-1', 'artist-1'], 'artistIds.1'],
    ['languages', ['en', 'EN'], 'languages.1'],
    ['languages', ['en', 'english!'], 'languages.1'],
    ['languages', Array.from({ length: 21 }, () => 'en'), 'languages'],
    ['contributors', Array.from({ length: 101 }, () => ({ name: 'A', roles: ['producer'] })), 'contributors'],
    ['tracks', Array.from({ length: 501 }, () => ({ title: 'x' })), 'tracks'],
    [
      'title',
      {
        text: 'x',
        translations: [
          { language: 'fr', text: 'a' },
          { language: 'FR', text: 'b' },
        ],
      },
      'title.translations.1.language',
    ],
    [
      'title',
      { text: 'x', translations: Array.from({ length: 51 }, (_, i) => ({ language: `x-t${i}`, text: 'a' })) },
      'title.translations',
    ],
    ['title', { text: 'x', translations: [{ text: 'a' }] }, 'title.translations.0.language'],
    ['pLine', { year: 2101, owner: 'x' }, 'pLine.year'],
    ['cLine', { owner: 'x' }, 'cLine.year'],
    ['cLine', { year: 2000, owner: 'x'.repeat(301) }, 'cLine.owner'],
  ])('refuses %s = %j at %s', (field, value, path) => {
    expect(errorsOf(parseReleaseDraft({ ...minimal, [field]: value }, fresh)).map((e) => e.field)).toEqual([
      path,
    ]);
  });

  it('counts characters, not UTF-16 units: 500 emoji make a valid title', () => {
    expect(
      valueOf(parseReleaseDraft({ ...minimal, title: '🎵'.repeat(500) }, fresh)).title.text,
    ).toHaveLength(1000);
  });

  it.each([
    [{ name: 'A', roles: [] }, 'contributors.0.roles'],
    [{ name: 'A' }, 'contributors.0.roles'],
    [{ name: 'A', roles: ['drummer'] }, 'contributors.0.roles.0'],
    [{ name: 'A', roles: ['producer', 'producer'] }, 'contributors.0.roles.1'],
    [{ name: '', roles: ['producer'] }, 'contributors.0.name'],
    [{ name: 'x'.repeat(301), roles: ['producer'] }, 'contributors.0.name'],
    [{ name: 'A', roles: ['performer'], instrument: 'x'.repeat(101) }, 'contributors.0.instrument'],
    [{ name: 'A', roles: ['composer'], ipi: '12' }, 'contributors.0.ipi'],
    [{ name: 'A', roles: ['composer'], isni: '0000 0001 2103 2684' }, 'contributors.0.isni'],
    ['A', 'contributors.0'],
  ])('refuses the contributor %j at %s', (contributor, path) => {
    expect(
      errorsOf(parseReleaseDraft({ ...minimal, contributors: [contributor] }, fresh)).map((e) => e.field),
    ).toEqual([path]);
  });

  it('accepts every contributor role', () => {
    const draft = valueOf(
      parseReleaseDraft({ ...minimal, contributors: [{ name: 'All', roles: CONTRIBUTOR_ROLES }] }, fresh),
    );
    expect(draft.contributors[0]?.roles).toEqual(CONTRIBUTOR_ROLES);
  });

  it('accepts leap days and durations up to 24 hours', () => {
    const draft = valueOf(
      parseReleaseDraft(
        {
          ...minimal,
          originalReleaseDate: '2024-02-29',
          tracks: [{ title: 'Long', durationMs: 86_400_000, disc: 99 }],
        },
        fresh,
      ),
    );
    expect(draft.originalReleaseDate).toBe('2024-02-29');
    expect(draft.tracks[0]).toMatchObject({ durationMs: 86_400_000, disc: 99 });
  });

  it.each([
    [{ durationMs: 86_400_001 }, 'tracks.0.durationMs'],
    [{ durationMs: 1.5 }, 'tracks.0.durationMs'],
    [{ durationMs: '1000' }, 'tracks.0.durationMs'],
    [{ disc: 0 }, 'tracks.0.disc'],
    [{ language: 'klingon!' }, 'tracks.0.language'],
    [{ iswc: 'T-034.524.680-2' }, 'tracks.0.iswc'],
    [{ displayArtist: 'x'.repeat(501) }, 'tracks.0.displayArtist'],
    [{ parentalWarning: 'loud' }, 'tracks.0.parentalWarning'],
    [{ title: { language: 'en' } }, 'tracks.0.title.text'],
  ])('refuses the track field %j at %s', (fields, path) => {
    expect(
      errorsOf(parseReleaseDraft({ ...minimal, tracks: [{ title: 'One', ...fields }] }, fresh)).map(
        (e) => e.field,
      ),
    ).toEqual([path]);
  });

  it("gives a track without an artist line the release's", () => {
    const draft = valueOf(
      parseReleaseDraft(
        { ...minimal, tracks: [{ title: 'One' }, { title: 'Two', displayArtist: 'Kestrel' }] },
        fresh,
      ),
    );
    expect(draft.tracks.map((track) => track.displayArtist)).toEqual(['Aurora Lane', 'Kestrel']);
  });

  describe('track ids', () => {
    const previous = draftFixture();

    it('keeps the ids of known tracks and draws new ones in order for the others', () => {
      const draft = valueOf(
        parseReleaseDraft(
          {
            ...minimal,
            tracks: [{ title: 'New A' }, { trackId: 'trk-2', title: 'Two' }, { title: 'New B' }],
          },
          { previous, newId: sequentialIds(7) },
        ),
      );
      expect(draft.tracks.map((track) => track.trackId)).toEqual([sequentialId(7), 'trk-2', sequentialId(8)]);
    });

    it('refuses a track id the release does not have, and one listed twice', () => {
      const parsed = parseReleaseDraft(
        {
          ...minimal,
          tracks: [
            { trackId: 'trk-1', title: 'One' },
            { trackId: 'trk-9', title: 'Nine' },
            { trackId: 'trk-1', title: 'One again' },
          ],
        },
        { previous, newId: sequentialIds() },
      );
      expect(codes(parsed)).toEqual([
        { field: 'tracks.1.trackId', code: 'CATALOG.TRACK_NOT_FOUND' },
        { field: 'tracks.2.trackId', code: 'CATALOG.INVALID_METADATA' },
      ]);
    });

    it('refuses every track id on a new release', () => {
      expect(
        codes(parseReleaseDraft({ ...minimal, tracks: [{ trackId: 'trk-1', title: 'One' }] }, fresh)),
      ).toEqual([{ field: 'tracks.0.trackId', code: 'CATALOG.TRACK_NOT_FOUND' }]);
    });
  });

  it('refuses the same ISRC twice, however it is written, at the second track', () => {
    const parsed = parseReleaseDraft(
      {
        ...minimal,
        tracks: [
          { title: 'One', isrc: 'USRC17607839' },
          { title: 'Two', isrc: 'GBAYE0601498' },
          { title: 'One again', isrc: 'us-rc1-76-07839' },
        ],
      },
      fresh,
    );
    const errors = errorsOf(parsed);
    expect(errors).toEqual([
      {
        field: 'tracks.2.isrc',
        code: 'CATALOG.DUPLICATE_ISRC',
        message: expect.stringContaining('track 1') as unknown,
      },
    ]);
  });

  it('orders tracks by disc, keeping the order they were sent in within a disc', () => {
    const draft = valueOf(
      parseReleaseDraft(
        {
          ...minimal,
          tracks: [
            { title: '2-1', disc: 2 },
            { title: '1-1' },
            { title: '2-2', disc: 2 },
            { title: '1-2', disc: 1 },
          ],
        },
        fresh,
      ),
    );
    expect(draft.tracks.map((track) => track.title.text)).toEqual(['1-1', '1-2', '2-1', '2-2']);
  });

  const text = fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9 '&.-]{0,30}$/)
    .chain((core) => fc.constantFrom(core, ` ${core}`, `${core}  `));
  const language = fc.constantFrom('en', 'EN-gb', 'ja', 'ja-latn', 'fr-CA', 'zxx', 'sr-cyrl');
  const contributor = fc.record(
    {
      name: text,
      roles: fc.uniqueArray(fc.constantFrom(...CONTRIBUTOR_ROLES), { minLength: 1, maxLength: 3 }),
      isni: fc.option(fc.constantFrom('0000 0001 2103 2683', '000000012146438x'), { nil: undefined }),
      ipi: fc.option(fc.constantFrom('414107338', '00014107338'), { nil: undefined }),
      instrument: fc.option(text, { nil: null }),
    },
    { requiredKeys: ['name', 'roles'] },
  );
  const localized = fc.oneof(
    text,
    fc.record(
      {
        text,
        language: fc.option(language, { nil: null }),
        translations: fc.uniqueArray(fc.record({ language: fc.constantFrom('de', 'es', 'it-CH'), text }), {
          selector: (translation) => translation.language,
          maxLength: 3,
        }),
      },
      { requiredKeys: ['text'] },
    ),
  );
  const trackInput = fc.record(
    {
      title: localized,
      versionTitle: fc.option(text, { nil: null }),
      iswc: fc.constantFrom('T-034.524.680-1', 't0345246801'),
      durationMs: fc.integer({ min: 1, max: 86_400_000 }),
      displayArtist: text,
      contributors: fc.array(contributor, { maxLength: 2 }),
      genre: text,
      parentalWarning: fc.constantFrom('explicit', 'not-explicit'),
      language,
      disc: fc.integer({ min: 1, max: 3 }),
    },
    { requiredKeys: ['title'] },
  );
  const draftInput = fc.record(
    {
      type: fc.constantFrom('album', 'ep', 'single', 'compilation'),
      title: localized,
      displayArtist: text,
      versionTitle: fc.option(text, { nil: null }),
      artistIds: fc.uniqueArray(fc.constantFrom('a-1', 'a-2', 'a-3'), { maxLength: 3 }),
      upc: fc.constantFrom('036000291452', '4006381333931', '400 6381 33393 1'),
      genre: text,
      languages: fc.uniqueArray(fc.constantFrom('en', 'fr', 'ja-Latn'), { maxLength: 3 }),
      pLine: fc.record({ year: fc.integer({ min: 1900, max: 2100 }), owner: text }),
      originalReleaseDate: fc.constantFrom('1999-12-31', '2024-02-29'),
      contributors: fc.array(contributor, { maxLength: 3 }),
      tracks: fc
        .array(trackInput, { maxLength: 6 })
        .map((tracks) =>
          tracks.map((track, index) => ({ ...track, isrc: `USRC1760${String(index).padStart(4, '0')}` })),
        ),
    },
    { requiredKeys: ['type', 'title', 'displayArtist'] },
  );

  it('is idempotent: parsing its own output answers the same draft', () => {
    fc.assert(
      fc.property(draftInput, (input) => {
        const once = valueOf(parseReleaseDraft(input, { previous: null, newId: sequentialIds() }));
        const twice = valueOf(parseReleaseDraft(once, { previous: once, newId: sequentialIds(1000) }));
        expect(twice).toEqual(once);
        expect(draftsEqual(twice, once)).toBe(true);
      }),
    );
  });

  it('never throws on any JSON, and reports errors by path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const parsed = parseReleaseDraft(input, fresh);
        if (!parsed.ok) for (const error of parsed.errors) expect(typeof error.field).toBe('string');
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('type', 'title', 'tracks', 'contributors', 'pLine', 'languages'),
          fc.jsonValue(),
        ),
        (input) => {
          expect(() => parseReleaseDraft(input, fresh)).not.toThrow();
        },
      ),
    );
  });
});

describe('parseArtistProfile', () => {
  it('normalises a full profile', () => {
    expect(
      valueOf(
        parseArtistProfile({
          name: { text: 'Aurora Lane', language: 'en' },
          isni: '0000 0001 2103 2683',
          ipi: '414107338',
          country: 'gb',
          bio: ' From Leeds. ',
        }),
      ),
    ).toEqual({
      name: { text: 'Aurora Lane', language: 'en', translations: [] },
      isni: '0000000121032683',
      ipi: '00414107338',
      country: 'GB',
      bio: 'From Leeds.',
    });
  });

  it('defaults optional fields to null', () => {
    expect(valueOf(parseArtistProfile({ name: 'Kestrel' }))).toEqual({
      name: { text: 'Kestrel', language: null, translations: [] },
      isni: null,
      ipi: null,
      country: null,
      bio: null,
    });
  });

  it('reports every bad field', () => {
    expect(
      codes(
        parseArtistProfile({
          name: '',
          isni: '1234',
          ipi: 'abc',
          country: 'WW',
          bio: 'x'.repeat(5001),
          age: 3,
        }),
      ),
    ).toEqual([
      { field: 'age', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'name', code: 'CATALOG.INVALID_METADATA' },
      { field: 'isni', code: 'CATALOG.INVALID_ISNI' },
      { field: 'ipi', code: 'CATALOG.INVALID_IPI' },
      { field: 'country', code: 'CATALOG.INVALID_TERRITORY' },
      { field: 'bio', code: 'CATALOG.INVALID_METADATA' },
    ]);
  });
});

describe('parseSchedule', () => {
  it('stores instants in UTC and defaults to the whole world', () => {
    expect(valueOf(parseSchedule({ releaseAt: '2026-03-06T00:00:00+11:00' }))).toEqual({
      releaseAt: '2026-03-05T13:00:00.000Z',
      territories: ['WW'],
      excludedTerritories: [],
      territoryReleases: [],
      embargoes: [],
    });
  });

  it('normalises territories, territory release moments and embargoes', () => {
    expect(
      valueOf(
        parseSchedule({
          releaseAt: '2026-03-06T00:00:00Z',
          territories: ['ww'],
          excludedTerritories: ['cn', 'KP'],
          territoryReleases: [{ territory: 'nz', releaseAt: '2026-03-06T00:00:00.5+1300' }],
          embargoes: [
            {
              territory: 'de',
              from: '2026-03-10T00:00:00Z',
              until: '2026-03-12T00:00:00Z',
              reason: ' Court order ',
            },
            { territory: 'WW', from: '2026-04-01T00:00:00-05:00', until: '2026-04-02T00:00:00-05:00' },
          ],
        }),
      ),
    ).toEqual({
      releaseAt: '2026-03-06T00:00:00.000Z',
      territories: ['WW'],
      excludedTerritories: ['CN', 'KP'],
      territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.500Z' }],
      embargoes: [
        {
          territory: 'DE',
          from: '2026-03-10T00:00:00.000Z',
          until: '2026-03-12T00:00:00.000Z',
          reason: 'Court order',
        },
        {
          territory: 'WW',
          from: '2026-04-01T05:00:00.000Z',
          until: '2026-04-02T05:00:00.000Z',
          reason: null,
        },
      ],
    });
  });

  it('keeps a list of territories', () => {
    expect(
      valueOf(parseSchedule({ releaseAt: '2026-03-06T00:00:00Z', territories: ['fr', 'BE'] })).territories,
    ).toEqual(['FR', 'BE']);
  });

  it.each([
    [{ releaseAt: '2026-03-06T00:00:00' }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ releaseAt: '2026-03-06' }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ releaseAt: '2026-02-30T00:00:00Z' }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ releaseAt: '2026-03-06T24:00:00Z' }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ releaseAt: 1772755200000 }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ releaseAt: undefined }, 'releaseAt', 'CATALOG.INVALID_METADATA'],
    [{ territories: [] }, 'territories', 'CATALOG.INVALID_METADATA'],
    [{ territories: ['WW', 'FR'] }, 'territories', 'CATALOG.INVALID_TERRITORY'],
    [{ territories: ['FR', 'XX'] }, 'territories.1', 'CATALOG.INVALID_TERRITORY'],
    [{ territories: ['FR', 'fr'] }, 'territories.1', 'CATALOG.INVALID_METADATA'],
    [
      { territories: ['FR'], excludedTerritories: ['DE'] },
      'excludedTerritories',
      'CATALOG.INVALID_TERRITORY',
    ],
    [{ excludedTerritories: ['WW'] }, 'excludedTerritories.0', 'CATALOG.INVALID_TERRITORY'],
    [
      {
        excludedTerritories: ['CN'],
        territoryReleases: [{ territory: 'CN', releaseAt: '2026-03-07T00:00:00Z' }],
      },
      'territoryReleases.0.territory',
      'CATALOG.INVALID_TERRITORY',
    ],
    [
      { territories: ['FR'], territoryReleases: [{ territory: 'DE', releaseAt: '2026-03-07T00:00:00Z' }] },
      'territoryReleases.0.territory',
      'CATALOG.INVALID_TERRITORY',
    ],
    [
      { territoryReleases: [{ territory: 'WW', releaseAt: '2026-03-07T00:00:00Z' }] },
      'territoryReleases.0.territory',
      'CATALOG.INVALID_TERRITORY',
    ],
    [
      {
        territoryReleases: [
          { territory: 'FR', releaseAt: '2026-03-07T00:00:00Z' },
          { territory: 'fr', releaseAt: '2026-03-08T00:00:00Z' },
        ],
      },
      'territoryReleases.1.territory',
      'CATALOG.INVALID_METADATA',
    ],
    [
      { territoryReleases: [{ territory: 'FR' }] },
      'territoryReleases.0.releaseAt',
      'CATALOG.INVALID_METADATA',
    ],
    [
      { embargoes: [{ territory: 'FR', from: '2026-03-08T00:00:00Z', until: '2026-03-08T00:00:00Z' }] },
      'embargoes.0.until',
      'CATALOG.INVALID_EMBARGO',
    ],
    [
      { embargoes: [{ territory: 'FR', from: '2026-03-09T00:00:00Z', until: '2026-03-08T00:00:00Z' }] },
      'embargoes.0.until',
      'CATALOG.INVALID_EMBARGO',
    ],
    [
      { embargoes: [{ from: '2026-03-08T00:00:00Z', until: '2026-03-09T00:00:00Z' }] },
      'embargoes.0.territory',
      'CATALOG.INVALID_METADATA',
    ],
    [
      {
        embargoes: [
          {
            territory: 'FR',
            from: '2026-03-08T00:00:00Z',
            until: '2026-03-09T00:00:00Z',
            reason: 'x'.repeat(501),
          },
        ],
      },
      'embargoes.0.reason',
      'CATALOG.INVALID_METADATA',
    ],
    [
      {
        embargoes: [
          { territory: 'FR', from: '2026-03-08T00:00:00Z', until: '2026-03-09T00:00:00Z', by: 'me' },
        ],
      },
      'embargoes.0.by',
      'VALIDATION.UNKNOWN_FIELD',
    ],
    [{ when: 'now' }, 'when', 'VALIDATION.UNKNOWN_FIELD'],
  ])('refuses %j at %s with %s', (fields, field, code) => {
    expect(codes(parseSchedule({ releaseAt: '2026-03-06T00:00:00Z', ...fields }))).toEqual([{ field, code }]);
  });

  it('is idempotent on its own output', () => {
    const zone = fc.constantFrom('Z', '+00:00', '+05:30', '-0800', '+13:00');
    // A local wall-clock time with an offset: any such pair names some instant.
    const instant = fc
      .tuple(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), zone)
      .map(([ms, offset]) => `${new Date(ms).toISOString().slice(0, 23)}${offset}`);
    fc.assert(
      fc.property(
        instant,
        fc.uniqueArray(fc.constantFrom('fr', 'DE', 'jp', 'US'), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('FR', 'WW', 'JP'), instant, fc.integer({ min: 1, max: 1e9 }))),
        (releaseAt, excludedTerritories, windows) => {
          const embargoes = windows.map(([territory, from, length]) => {
            const start = valueOf(parseSchedule({ releaseAt: from })).releaseAt;
            return { territory, from, until: new Date(Date.parse(start) + length).toISOString() };
          });
          const once = valueOf(parseSchedule({ releaseAt, excludedTerritories, embargoes }));
          expect(valueOf(parseSchedule(once))).toEqual(once);
        },
      ),
    );
  });
});

describe('missingForPublish', () => {
  it('finds nothing missing in a complete draft', () => {
    expect(missingForPublish(draftFixture())).toEqual([]);
  });

  it('names every missing field', () => {
    const draft = draftFixture({
      upc: null,
      artistIds: [],
      genre: null,
      pLine: null,
      cLine: null,
      tracks: [
        trackFixture('trk-1', { isrc: 'USRC17607839' }),
        trackFixture('trk-2', { isrc: null, durationMs: null }),
      ],
    });
    expect(missingForPublish(draft).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'upc', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'artistIds', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'genre', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'pLine', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'cLine', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'tracks.1.isrc', code: 'CATALOG.RELEASE_INCOMPLETE' },
      { field: 'tracks.1.durationMs', code: 'CATALOG.RELEASE_INCOMPLETE' },
    ]);
  });

  it('needs a track', () => {
    expect(missingForPublish(draftFixture({ tracks: [] })).map((error) => error.field)).toEqual(['tracks']);
  });
});

describe('draftsEqual', () => {
  it('compares drafts by structure', () => {
    expect(draftsEqual(draftFixture(), draftFixture())).toBe(true);
    expect(draftsEqual(draftFixture(), draftFixture({ genre: 'Pop' }))).toBe(false);
    expect(draftsEqual(draftFixture(), draftFixture({ tracks: [...draftFixture().tracks].reverse() }))).toBe(
      false,
    );
    expect(
      draftsEqual(
        draftFixture(),
        draftFixture({ title: { text: 'Night Drive', language: 'en', translations: [] } }),
      ),
    ).toBe(false);
  });
});
