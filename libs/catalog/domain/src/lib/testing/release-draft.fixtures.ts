import { type ReleaseDraft, type ReleaseSchedule, type TrackDraft } from '@bandstand/catalog/contracts';

/** A complete track (ready to publish) for specs; `overrides` replace fields. */
export function trackFixture(trackId: string, overrides: Partial<TrackDraft> = {}): TrackDraft {
  return {
    trackId,
    title: { text: `Song ${trackId}`, language: 'en', translations: [] },
    versionTitle: null,
    isrc: null,
    iswc: null,
    durationMs: 201_000,
    displayArtist: 'Aurora Lane',
    contributors: [],
    genre: null,
    parentalWarning: 'not-explicit',
    language: 'en',
    disc: 1,
    audioAssetId: null,
    ...overrides,
  };
}

/** A complete two-track album (ready to publish) for specs; `overrides` replace fields. */
export function draftFixture(overrides: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    type: 'album',
    title: {
      text: 'Night Drive',
      language: 'en',
      translations: [{ language: 'ja', text: 'ナイトドライブ' }],
    },
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    artistIds: ['artist-1'],
    upc: '036000291452',
    catalogNumber: 'NO-001',
    labelName: 'Night Owls',
    genre: 'Electronic',
    subgenre: null,
    parentalWarning: 'not-explicit',
    languages: ['en'],
    pLine: { year: 2026, owner: 'Night Owls' },
    cLine: { year: 2026, owner: 'Night Owls' },
    originalReleaseDate: null,
    artworkAssetId: null,
    contributors: [
      {
        name: 'Aurora Lane',
        artistId: 'artist-1',
        roles: ['main-artist'],
        isni: null,
        ipi: null,
        instrument: null,
      },
    ],
    tracks: [
      trackFixture('trk-1', { isrc: 'USRC17607839' }),
      trackFixture('trk-2', { isrc: 'GBAYE0601498', durationMs: 185_500 }),
    ],
    ...overrides,
  };
}

/** A worldwide schedule releasing at `releaseAt`; `overrides` replace fields. */
export function scheduleFixture(overrides: Partial<ReleaseSchedule> = {}): ReleaseSchedule {
  return {
    releaseAt: '2026-03-06T00:00:00.000Z',
    territories: ['WW'],
    excludedTerritories: [],
    territoryReleases: [],
    embargoes: [],
    ...overrides,
  };
}
