import fc from 'fast-check';
import { type ReleaseDraft, type TrackDraft } from '@bandstand/catalog/contracts';
import { draftFixture, trackFixture } from '../testing/release-draft.fixtures';
import { applyFieldChanges, compareDrafts } from './compare-drafts';

const one = trackFixture('trk-1', { isrc: 'USRC17607839' });
const two = trackFixture('trk-2', { isrc: 'GBAYE0601498' });
const three = trackFixture('trk-3', { isrc: 'USRC17600003' });

describe('compareDrafts', () => {
  it('finds nothing between a draft and itself', () => {
    expect(compareDrafts(draftFixture(), draftFixture())).toEqual([]);
  });

  it('lists release fields in a stable order, comparing whole values', () => {
    const before = draftFixture();
    const after = draftFixture({
      contributors: [],
      upc: '4006381333931',
      title: { ...before.title, translations: [] },
      type: 'ep',
      pLine: { year: 2027, owner: 'Night Owls' },
    });
    expect(compareDrafts(before, after)).toEqual([
      { path: 'type', before: 'album', after: 'ep' },
      { path: 'title', before: before.title, after: after.title },
      { path: 'upc', before: '036000291452', after: '4006381333931' },
      { path: 'pLine', before: before.pLine, after: after.pLine },
      { path: 'contributors', before: before.contributors, after: [] },
    ]);
  });

  it('addresses track fields by track id', () => {
    const before = draftFixture({ tracks: [one, two] });
    const after = draftFixture({ tracks: [one, { ...two, genre: 'Pop', durationMs: 1000 }] });
    expect(compareDrafts(before, after)).toEqual([
      { path: 'tracks[trk-2].durationMs', before: two.durationMs, after: 1000 },
      { path: 'tracks[trk-2].genre', before: null, after: 'Pop' },
    ]);
  });

  it('lists added tracks, then removed ones, with the other side null', () => {
    const before = draftFixture({ tracks: [one, two] });
    const after = draftFixture({ tracks: [one, three] });
    expect(compareDrafts(before, after)).toEqual([
      { path: 'tracks[trk-3]', before: null, after: three },
      { path: 'tracks[trk-2]', before: two, after: null },
    ]);
  });

  it('reports a new order, but not a track added at the end', () => {
    expect(compareDrafts(draftFixture({ tracks: [one, two] }), draftFixture({ tracks: [two, one] }))).toEqual(
      [{ path: 'tracks.order', before: ['trk-1', 'trk-2'], after: ['trk-2', 'trk-1'] }],
    );
    expect(
      compareDrafts(draftFixture({ tracks: [one, two] }), draftFixture({ tracks: [one, three, two] })).map(
        (change) => change.path,
      ),
    ).toEqual(['tracks[trk-3]', 'tracks.order']);
    expect(
      compareDrafts(draftFixture({ tracks: [one] }), draftFixture({ tracks: [one, two] })).map(
        (change) => change.path,
      ),
    ).toEqual(['tracks[trk-2]']);
  });

  it('lists what a new release holds, against nothing', () => {
    const after = draftFixture({ tracks: [one], contributors: [], languages: [] });
    expect(compareDrafts(null, after).map((change) => change.path)).toEqual([
      'type',
      'title',
      'displayArtist',
      'artistIds',
      'upc',
      'catalogNumber',
      'labelName',
      'genre',
      'parentalWarning',
      'pLine',
      'cLine',
      'tracks[trk-1]',
    ]);
    expect(compareDrafts(null, after).every((change) => change.before === null)).toBe(true);
  });

  const trackArb = (trackId: string): fc.Arbitrary<TrackDraft> =>
    fc
      .record({
        genre: fc.option(fc.constantFrom('Pop', 'Rock'), { nil: null }),
        durationMs: fc.option(fc.integer({ min: 1, max: 600_000 }), { nil: null }),
        disc: fc.integer({ min: 1, max: 2 }),
        title: fc.constantFrom('A', 'B').map((text) => ({ text, language: null, translations: [] })),
        parentalWarning: fc.constantFrom('explicit' as const, 'not-explicit' as const),
      })
      .map((fields) => trackFixture(trackId, fields));

  const draftArb: fc.Arbitrary<ReleaseDraft> = fc
    .record({
      genre: fc.option(fc.constantFrom('Electronic', 'Jazz'), { nil: null }),
      upc: fc.option(fc.constantFrom('036000291452', '4006381333931'), { nil: null }),
      languages: fc.subarray(['en', 'fr', 'ja']),
      type: fc.constantFrom('album' as const, 'single' as const),
      title: fc
        .constantFrom('Night Drive', 'Day Drive')
        .map((text) => ({ text, language: 'en', translations: [] })),
      ids: fc.shuffledSubarray(['t1', 't2', 't3', 't4', 't5']),
    })
    .chain(({ ids, ...fields }) =>
      fc.tuple(...ids.map(trackArb)).map((tracks) => draftFixture({ ...fields, tracks })),
    );

  it('finds nothing between any draft and itself', () => {
    fc.assert(fc.property(draftArb, (draft) => expect(compareDrafts(draft, draft)).toEqual([])));
  });

  it('round-trips: applying the changes from a to b turns a into b', () => {
    fc.assert(
      fc.property(draftArb, draftArb, (a, b) => {
        expect(applyFieldChanges(a, compareDrafts(a, b))).toEqual(b);
      }),
    );
  });

  it('refuses a path it does not know', () => {
    expect(() =>
      applyFieldChanges(draftFixture(), [{ path: 'colour', before: null, after: 'blue' }]),
    ).toThrow(RangeError);
    expect(() =>
      applyFieldChanges(draftFixture(), [{ path: 'tracks[nope].genre', before: null, after: 'Pop' }]),
    ).toThrow(RangeError);
  });
});
