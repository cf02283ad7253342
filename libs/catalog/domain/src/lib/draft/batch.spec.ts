import { type Contributor } from '@bandstand/catalog/contracts';
import { draftFixture, trackFixture } from '../testing/release-draft.fixtures';
import {
  applyReleaseBatch,
  applyTrackBatch,
  mergeImportedDraft,
  parseReleaseBatchFields,
  parseTrackBatchFields,
} from './batch';
import { type Parsed } from './parse-draft';

function codes<T>(parsed: Parsed<T>): { field: string; code: string }[] {
  if (parsed.ok) throw new Error(`expected errors, got ${JSON.stringify(parsed.value)}`);
  return parsed.errors.map(({ field, code }) => ({ field, code }));
}

const producer: Contributor = {
  name: 'Kestrel',
  artistId: null,
  roles: ['producer'],
  isni: null,
  ipi: null,
  instrument: null,
};

describe('parseTrackBatchFields', () => {
  it('normalises the fields it sets and leaves the others out', () => {
    expect(
      parseTrackBatchFields({
        genre: ' Synthwave ',
        language: 'EN-gb',
        addContributors: [{ name: 'Kestrel', roles: ['producer'], ipi: '414107338' }],
      }),
    ).toEqual({
      ok: true,
      value: {
        genre: 'Synthwave',
        language: 'en-GB',
        addContributors: [{ ...producer, ipi: '00414107338' }],
      },
    });
  });

  it('clears a field set to null', () => {
    expect(parseTrackBatchFields({ genre: null, language: null })).toEqual({
      ok: true,
      value: { genre: null, language: null },
    });
  });

  it('reports every bad field under set.', () => {
    expect(
      codes(
        parseTrackBatchFields({
          parentalWarning: 'loud',
          displayArtist: '',
          language: 'english!',
          addContributors: [{ name: 'A', roles: [] }],
          title: 'x',
        }),
      ),
    ).toEqual([
      { field: 'set.title', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'set.parentalWarning', code: 'CATALOG.INVALID_METADATA' },
      { field: 'set.language', code: 'CATALOG.INVALID_LANGUAGE' },
      { field: 'set.displayArtist', code: 'CATALOG.INVALID_METADATA' },
      { field: 'set.addContributors.0.roles', code: 'CATALOG.INVALID_METADATA' },
    ]);
  });

  it('refuses a set that sets nothing, and one that is not an object', () => {
    expect(codes(parseTrackBatchFields({}))).toEqual([{ field: 'set', code: 'CATALOG.INVALID_BATCH' }]);
    expect(codes(parseTrackBatchFields({ addContributors: [] }))).toEqual([
      { field: 'set.addContributors', code: 'CATALOG.INVALID_METADATA' },
    ]);
    expect(codes(parseTrackBatchFields('genre=Pop'))).toEqual([
      { field: 'set', code: 'CATALOG.INVALID_METADATA' },
    ]);
  });
});

describe('parseReleaseBatchFields', () => {
  it('normalises the fields it sets', () => {
    expect(
      parseReleaseBatchFields({
        subgenre: null,
        labelName: ' Night Owls ',
        languages: ['EN', 'ja-latn'],
        pLine: { year: 2026, owner: 'Night Owls' },
        parentalWarning: 'explicit',
      }),
    ).toEqual({
      ok: true,
      value: {
        subgenre: null,
        labelName: 'Night Owls',
        languages: ['en', 'ja-Latn'],
        pLine: { year: 2026, owner: 'Night Owls' },
        parentalWarning: 'explicit',
      },
    });
  });

  it('reports every bad field under set.', () => {
    expect(
      codes(
        parseReleaseBatchFields({
          genre: 'x'.repeat(101),
          cLine: { year: 1800, owner: 'x' },
          languages: ['en', 'en'],
          upc: '036000291452',
        }),
      ),
    ).toEqual([
      { field: 'set.upc', code: 'VALIDATION.UNKNOWN_FIELD' },
      { field: 'set.genre', code: 'CATALOG.INVALID_METADATA' },
      { field: 'set.languages.1', code: 'CATALOG.INVALID_METADATA' },
      { field: 'set.cLine.year', code: 'CATALOG.INVALID_METADATA' },
    ]);
  });
});

describe('applyTrackBatch', () => {
  const draft = draftFixture();

  it('sets fields on the selected tracks only', () => {
    const after = applyTrackBatch(draft, new Set(['trk-2']), { genre: 'Pop', parentalWarning: 'explicit' });
    expect(after.tracks[0]).toEqual(draft.tracks[0]);
    expect(after.tracks[1]).toEqual({ ...draft.tracks[1], genre: 'Pop', parentalWarning: 'explicit' });
    expect({ ...after, tracks: [] }).toEqual({ ...draft, tracks: [] });
  });

  it('adds credits a track lacks, and keeps the ones it has (same name and roles)', () => {
    const credited = draftFixture({
      tracks: [trackFixture('trk-1', { contributors: [producer] }), trackFixture('trk-2')],
    });
    const composer: Contributor = { ...producer, roles: ['composer'] };
    const after = applyTrackBatch(credited, new Set(['trk-1', 'trk-2']), {
      addContributors: [{ ...producer }, composer],
    });
    expect(after.tracks.map((track) => track.contributors)).toEqual([
      [producer, composer],
      [producer, composer],
    ]);
  });

  it('changes nothing when the tracks hold the values already', () => {
    expect(applyTrackBatch(draft, new Set(['trk-1', 'trk-2']), { parentalWarning: 'not-explicit' })).toEqual(
      draft,
    );
  });
});

describe('applyReleaseBatch', () => {
  it('sets the given fields and keeps the rest', () => {
    const draft = draftFixture();
    expect(
      applyReleaseBatch(draft, { genre: null, languages: ['fr'], displayArtist: 'Aurora Lane & Kestrel' }),
    ).toEqual({
      ...draft,
      genre: null,
      languages: ['fr'],
      displayArtist: 'Aurora Lane & Kestrel',
    });
  });
});

describe('mergeImportedDraft', () => {
  const existing = draftFixture({
    artworkAssetId: 'asset-art',
    tracks: [
      trackFixture('trk-1', { isrc: 'USRC17607839', audioAssetId: 'asset-1' }),
      trackFixture('trk-2', { isrc: 'GBAYE0601498', audioAssetId: 'asset-2' }),
      trackFixture('trk-3', { isrc: null, audioAssetId: 'asset-3' }),
    ],
  });

  it('takes a new release as imported', () => {
    const imported = draftFixture();
    expect(mergeImportedDraft(null, imported)).toBe(imported);
  });

  it('keeps track ids by ISRC first, then by disc and position, and draws none for the rest', () => {
    const imported = draftFixture({
      genre: 'Ambient',
      tracks: [
        trackFixture('new-a', {
          isrc: 'GBAYE0601498',
          title: { text: 'Moved', language: null, translations: [] },
        }),
        trackFixture('new-b', { isrc: 'USRC17607839' }),
        trackFixture('new-c', { isrc: 'USRC17600003' }),
        trackFixture('new-d', { isrc: 'USRC17600004' }),
      ],
    });
    const merged = mergeImportedDraft(existing, imported);
    expect(merged.genre).toBe('Ambient');
    expect(merged.tracks.map((track) => [track.trackId, track.isrc, track.audioAssetId])).toEqual([
      ['trk-2', 'GBAYE0601498', 'asset-2'],
      ['trk-1', 'USRC17607839', 'asset-1'],
      ['trk-3', 'USRC17600003', 'asset-3'],
      ['new-d', 'USRC17600004', null],
    ]);
    expect(merged.tracks[0]?.title.text).toBe('Moved');
  });

  it('matches positions per disc', () => {
    const twoDiscs = draftFixture({
      tracks: [trackFixture('d1-1', { isrc: null }), trackFixture('d2-1', { isrc: null, disc: 2 })],
    });
    const imported = draftFixture({
      tracks: [
        trackFixture('x', { isrc: null, disc: 1 }),
        trackFixture('y', { isrc: null, disc: 1 }),
        trackFixture('z', { isrc: null, disc: 2 }),
      ],
    });
    expect(mergeImportedDraft(twoDiscs, imported).tracks.map((track) => track.trackId)).toEqual([
      'd1-1',
      'y',
      'd2-1',
    ]);
  });

  it('keeps the artwork and audio when the import has none, and takes the import’s when it has them', () => {
    const bare = draftFixture({
      artworkAssetId: null,
      tracks: [trackFixture('new', { isrc: 'USRC17607839' })],
    });
    expect(mergeImportedDraft(existing, bare)).toMatchObject({
      artworkAssetId: 'asset-art',
      tracks: [{ trackId: 'trk-1', audioAssetId: 'asset-1' }],
    });
    const withAssets = draftFixture({
      artworkAssetId: 'asset-new-art',
      tracks: [trackFixture('new', { isrc: 'USRC17607839', audioAssetId: 'asset-new' })],
    });
    expect(mergeImportedDraft(existing, withAssets)).toMatchObject({
      artworkAssetId: 'asset-new-art',
      tracks: [{ trackId: 'trk-1', audioAssetId: 'asset-new' }],
    });
  });
});
