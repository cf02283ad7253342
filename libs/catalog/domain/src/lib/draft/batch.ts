import {
  CATALOG_ERROR_CODES,
  type Contributor,
  PARENTAL_WARNINGS,
  type ReleaseBatchFields,
  type ReleaseDraft,
  type TrackBatchFields,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import { FieldReader, fieldPath, MAX_CONTRIBUTORS, TITLE_LIMITS } from './field-reader';
import { MAX_RELEASE_LANGUAGES, type Parsed } from './parse-draft';

const SET = 'set';

/** Keys of a track batch edit's `set`. */
const TRACK_BATCH_KEYS = [
  'genre',
  'parentalWarning',
  'language',
  'displayArtist',
  'addContributors',
] as const satisfies readonly (keyof TrackBatchFields)[];

/** Keys of a release batch edit's `set`. */
const RELEASE_BATCH_KEYS = [
  'genre',
  'subgenre',
  'parentalWarning',
  'labelName',
  'languages',
  'pLine',
  'cLine',
  'displayArtist',
] as const satisfies readonly (keyof ReleaseBatchFields)[];

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The record of `set`, or null with an error when it is not an object or sets nothing. */
function readSet(
  reader: FieldReader,
  input: unknown,
  keys: readonly string[],
): Readonly<Record<string, unknown>> | null {
  const record = reader.object(input, SET, keys);
  if (record === null) return null;
  if (!keys.some((key) => record[key] !== undefined)) {
    reader.add(SET, CATALOG_ERROR_CODES.invalidBatch, `Set at least one of ${keys.join(', ')}`);
  }
  return record;
}

function has(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return record[key] !== undefined;
}

function parsed<T>(reader: FieldReader, value: T): Parsed<T> {
  return reader.errors.length === 0 ? { ok: true, value } : { ok: false, errors: reader.errors };
}

/** Checks and normalises the `set` of a track batch edit (paths `set.<field>`). */
export function parseTrackBatchFields(input: unknown): Parsed<TrackBatchFields> {
  const reader = new FieldReader();
  const record = readSet(reader, input, TRACK_BATCH_KEYS);
  if (record === null) return parsed(reader, {});
  const fields: Writable<TrackBatchFields> = {};
  const at = (key: string): string => fieldPath(SET, key);
  if (has(record, 'genre')) fields.genre = reader.optionalText(record['genre'], at('genre'), { max: 100 });
  if (has(record, 'parentalWarning')) {
    fields.parentalWarning =
      reader.requiredChoice(record['parentalWarning'], at('parentalWarning'), PARENTAL_WARNINGS) ??
      'not-explicit';
  }
  if (has(record, 'language')) fields.language = reader.optionalLanguage(record['language'], at('language'));
  if (has(record, 'displayArtist')) {
    fields.displayArtist = reader.requiredText(record['displayArtist'], at('displayArtist'), TITLE_LIMITS);
  }
  if (has(record, 'addContributors')) {
    const contributors = reader.contributors(record['addContributors'], at('addContributors'));
    if (Array.isArray(record['addContributors']) && record['addContributors'].length === 0) {
      reader.add(
        at('addContributors'),
        CATALOG_ERROR_CODES.invalidMetadata,
        'Name at least one contributor to add',
      );
    }
    fields.addContributors = contributors;
  }
  return parsed(reader, fields);
}

/** Checks and normalises the `set` of a release batch edit. */
export function parseReleaseBatchFields(input: unknown): Parsed<ReleaseBatchFields> {
  const reader = new FieldReader();
  const record = readSet(reader, input, RELEASE_BATCH_KEYS);
  if (record === null) return parsed(reader, {});
  const fields: Writable<ReleaseBatchFields> = {};
  const at = (key: string): string => fieldPath(SET, key);
  if (has(record, 'genre')) fields.genre = reader.optionalText(record['genre'], at('genre'), { max: 100 });
  if (has(record, 'subgenre'))
    fields.subgenre = reader.optionalText(record['subgenre'], at('subgenre'), { max: 100 });
  if (has(record, 'parentalWarning')) {
    fields.parentalWarning =
      reader.requiredChoice(record['parentalWarning'], at('parentalWarning'), PARENTAL_WARNINGS) ??
      'not-explicit';
  }
  if (has(record, 'labelName'))
    fields.labelName = reader.optionalText(record['labelName'], at('labelName'), { max: 200 });
  if (has(record, 'languages'))
    fields.languages = reader.languages(record['languages'], at('languages'), MAX_RELEASE_LANGUAGES);
  if (has(record, 'pLine')) fields.pLine = reader.copyrightLine(record['pLine'], at('pLine'));
  if (has(record, 'cLine')) fields.cLine = reader.copyrightLine(record['cLine'], at('cLine'));
  if (has(record, 'displayArtist')) {
    fields.displayArtist = reader.requiredText(record['displayArtist'], at('displayArtist'), TITLE_LIMITS);
  }
  return parsed(reader, fields);
}

function sameCredit(a: Contributor, b: Contributor): boolean {
  return (
    a.name === b.name && a.roles.length === b.roles.length && a.roles.every((role) => b.roles.includes(role))
  );
}

/** `current` with the credits of `added` that it lacks (same name and roles), up to the limit. */
function withContributors(
  current: readonly Contributor[],
  added: readonly Contributor[],
): readonly Contributor[] {
  const result = [...current];
  for (const contributor of added) {
    if (!result.some((existing) => sameCredit(existing, contributor))) result.push(contributor);
  }
  // The result is checked again when the plan's drafts are parsed; here it is only kept in bounds.
  return result.length > MAX_CONTRIBUTORS ? current : result;
}

/** The draft with `fields` set on the tracks named in `trackIds` (others untouched). */
export function applyTrackBatch(
  draft: ReleaseDraft,
  trackIds: ReadonlySet<string>,
  fields: TrackBatchFields,
): ReleaseDraft {
  const tracks = draft.tracks.map((track): TrackDraft => {
    if (!trackIds.has(track.trackId)) return track;
    return {
      ...track,
      ...(fields.genre !== undefined ? { genre: fields.genre } : {}),
      ...(fields.parentalWarning !== undefined ? { parentalWarning: fields.parentalWarning } : {}),
      ...(fields.language !== undefined ? { language: fields.language } : {}),
      ...(fields.displayArtist !== undefined ? { displayArtist: fields.displayArtist } : {}),
      ...(fields.addContributors !== undefined
        ? { contributors: withContributors(track.contributors, fields.addContributors) }
        : {}),
    };
  });
  return { ...draft, tracks };
}

/** The draft with `fields` set. */
export function applyReleaseBatch(draft: ReleaseDraft, fields: ReleaseBatchFields): ReleaseDraft {
  return {
    ...draft,
    ...(fields.genre !== undefined ? { genre: fields.genre } : {}),
    ...(fields.subgenre !== undefined ? { subgenre: fields.subgenre } : {}),
    ...(fields.parentalWarning !== undefined ? { parentalWarning: fields.parentalWarning } : {}),
    ...(fields.labelName !== undefined ? { labelName: fields.labelName } : {}),
    ...(fields.languages !== undefined ? { languages: fields.languages } : {}),
    ...(fields.pLine !== undefined ? { pLine: fields.pLine } : {}),
    ...(fields.cLine !== undefined ? { cLine: fields.cLine } : {}),
    ...(fields.displayArtist !== undefined ? { displayArtist: fields.displayArtist } : {}),
  };
}

/** Each track's disc and its 1-based place on that disc. */
function positions(tracks: readonly TrackDraft[]): string[] {
  const counts = new Map<number, number>();
  return tracks.map((track) => {
    const position = (counts.get(track.disc) ?? 0) + 1;
    counts.set(track.disc, position);
    return `${track.disc}:${position}`;
  });
}

/**
 * An imported draft (CSV, ERN) laid over an existing one: tracks keep their ids when their ISRC
 * matches (else their disc and position), so history and royalties follow the same recording.
 */
export function mergeImportedDraft(existing: ReleaseDraft | null, imported: ReleaseDraft): ReleaseDraft {
  if (existing === null) return imported;
  const taken = new Set<string>();
  const matches = new Map<number, TrackDraft>();
  // ISRCs first, so that a recording moved to another position still finds its track.
  imported.tracks.forEach((track, index) => {
    if (track.isrc === null) return;
    const same = existing.tracks.find(
      (candidate) => candidate.isrc === track.isrc && !taken.has(candidate.trackId),
    );
    if (same === undefined) return;
    taken.add(same.trackId);
    matches.set(index, same);
  });
  const existingPositions = positions(existing.tracks);
  positions(imported.tracks).forEach((position, index) => {
    if (matches.has(index)) return;
    const at = existingPositions.indexOf(position);
    const same = existing.tracks[at];
    if (same === undefined || taken.has(same.trackId)) return;
    taken.add(same.trackId);
    matches.set(index, same);
  });
  const tracks = imported.tracks.map((track, index): TrackDraft => {
    const same = matches.get(index);
    if (same === undefined) return track;
    return { ...track, trackId: same.trackId, audioAssetId: track.audioAssetId ?? same.audioAssetId };
  });
  return { ...imported, artworkAssetId: imported.artworkAssetId ?? existing.artworkAssetId, tracks };
}
