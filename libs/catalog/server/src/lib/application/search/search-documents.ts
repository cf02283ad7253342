import { type LocalizedText, type ReleaseDraft } from '@bandstand/catalog/contracts';
import { type ArtistProfile } from '@bandstand/catalog/domain';
import { type SearchEntryKind } from './search-entry.entity';
import { normalisedTitles, searchDocument } from './search-text';

/** How much an entry kind weighs when hits are otherwise equal: a release or an artist before a track. */
export const SEARCH_WEIGHTS: Readonly<Record<SearchEntryKind, number>> = {
  release: 1,
  artist: 1,
  track: 0.8,
};

/** One row of catalog.search_entries, without its scope and organisation. */
export interface SearchEntryValues {
  readonly kind: SearchEntryKind;
  readonly entity_id: string;
  readonly release_id: string | null;
  readonly title: string;
  readonly subtitle: string;
  readonly identifiers: readonly string[];
  readonly titles: readonly string[];
  readonly document: string;
  readonly artist_ids: readonly string[];
  readonly weight: number;
}

function renderings(text: LocalizedText): string[] {
  return [text.text, ...text.translations.map((translation) => translation.text)];
}

function withVersion(title: string, versionTitle: string | null): string {
  return versionTitle === null ? title : `${title} (${versionTitle})`;
}

function present(values: readonly (string | null)[]): string[] {
  return values.filter((value): value is string => value !== null);
}

/**
 * The entries of a release's draft or version: the release, then each track. Every rendering of a
 * title (translations and transliterations) is indexed, with the version title and the artist line.
 */
export function releaseSearchEntries(releaseId: string, draft: ReleaseDraft): SearchEntryValues[] {
  const release: SearchEntryValues = {
    kind: 'release',
    entity_id: releaseId,
    release_id: releaseId,
    title: withVersion(draft.title.text, draft.versionTitle),
    subtitle: draft.displayArtist,
    identifiers: present([draft.upc]),
    titles: normalisedTitles(renderings(draft.title)),
    document: searchDocument([...renderings(draft.title), draft.versionTitle, draft.displayArtist]),
    artist_ids: [...new Set(draft.artistIds)],
    weight: SEARCH_WEIGHTS.release,
  };
  const tracks = draft.tracks.map((track): SearchEntryValues => ({
    kind: 'track',
    entity_id: track.trackId,
    release_id: releaseId,
    title: withVersion(track.title.text, track.versionTitle),
    subtitle: track.displayArtist,
    identifiers: present([track.isrc, track.iswc]),
    titles: normalisedTitles(renderings(track.title)),
    document: searchDocument([...renderings(track.title), track.versionTitle, track.displayArtist]),
    artist_ids: [],
    weight: SEARCH_WEIGHTS.track,
  }));
  return [release, ...tracks];
}

/** The entry of an artist: the name in all its renderings; the subtitle is the country. */
export function artistSearchEntry(artistId: string, profile: ArtistProfile): SearchEntryValues {
  return {
    kind: 'artist',
    entity_id: artistId,
    release_id: null,
    title: profile.name.text,
    subtitle: profile.country ?? '',
    identifiers: present([profile.isni]),
    titles: normalisedTitles(renderings(profile.name)),
    document: searchDocument(renderings(profile.name)),
    artist_ids: [],
    weight: SEARCH_WEIGHTS.artist,
  };
}
