import { type FieldError } from '@bandstand/shared/contracts';
import { isStructurallyEqual } from '@bandstand/shared/domain';
import {
  CATALOG_ERROR_CODES,
  PARENTAL_WARNINGS,
  RELEASE_TYPES,
  type ReleaseDraft,
  type ReleaseSchedule,
  type TrackDraft,
  WORLDWIDE,
  type Embargo,
  type TerritoryRelease,
} from '@bandstand/catalog/contracts';
import { type ArtistProfile } from '../artist/artist.types';
import {
  checkGtin,
  checkIsrc,
  checkIswc,
  checkIsni,
  checkIpi,
  checkTerritory,
} from '../identifiers/identifiers';
import { RELEASE_CHANGE_FIELDS, TRACK_CHANGE_FIELDS } from '../diff/compare-drafts';
import { isCalendarDate, parseInstant } from '../schedule/instant';
import { FieldReader, fieldPath, MAX_ID, TITLE_LIMITS } from './field-reader';

/** A parsed input, or every field error found in it (paths like `tracks.2.isrc`). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What parsing a draft needs to know. */
export interface DraftParseContext {
  /** The draft being revised (its track ids are the ones an input may name), or null for a new release. */
  readonly previous: ReleaseDraft | null;
  /** Ids for tracks the input adds. */
  readonly newId: () => string;
}

/** Most tracks on one release. */
export const MAX_TRACKS = 500;
/** Most main artists of one release. */
export const MAX_RELEASE_ARTISTS = 20;
/** Most languages of one release. */
export const MAX_RELEASE_LANGUAGES = 20;
/** Longest track: 24 hours. */
export const MAX_DURATION_MS = 86_400_000;
/** Highest disc number. */
export const MAX_DISC = 99;
/** Most territories, excluded territories or territory release moments in a schedule. */
export const MAX_SCHEDULE_TERRITORIES = 300;
/** Most embargoes in a schedule. */
export const MAX_EMBARGOES = 100;

const INVALID = CATALOG_ERROR_CODES.invalidMetadata;

const RELEASE_FIELDS = [
  ...RELEASE_CHANGE_FIELDS,
  'tracks',
] as const satisfies readonly (keyof ReleaseDraft)[];

const TRACK_FIELDS = ['trackId', ...TRACK_CHANGE_FIELDS] as const satisfies readonly (keyof TrackDraft)[];

function result<T>(reader: FieldReader, value: T): Parsed<T> {
  return reader.errors.length === 0 ? { ok: true, value } : { ok: false, errors: reader.errors };
}

/**
 * Checks and normalises an untrusted `ReleaseDraftInput`: shapes, lengths, enums, every identifier
 * (`checkGtin`, `checkIsrc`…), languages and territories, no ISRC twice, no unknown field. Never throws
 * on bad input: returns every error, each naming its field.
 */
export function parseReleaseDraft(input: unknown, context: DraftParseContext): Parsed<ReleaseDraft> {
  const reader = new FieldReader();
  const record = reader.object(input, '', RELEASE_FIELDS);
  if (record === null) return result(reader, emptyDraft());
  const type = reader.requiredChoice(record['type'], 'type', RELEASE_TYPES) ?? 'album';
  const title = reader.localizedText(record['title'], 'title');
  const displayArtist = reader.requiredText(record['displayArtist'], 'displayArtist', TITLE_LIMITS);
  const draft: ReleaseDraft = {
    type,
    title,
    versionTitle: reader.optionalText(record['versionTitle'], 'versionTitle', { max: 500 }),
    displayArtist,
    artistIds: reader.ids(record['artistIds'], 'artistIds', MAX_RELEASE_ARTISTS),
    upc: reader.optionalIdentifier(record['upc'], 'upc', checkGtin),
    catalogNumber: reader.optionalText(record['catalogNumber'], 'catalogNumber', { max: 50 }),
    labelName: reader.optionalText(record['labelName'], 'labelName', { max: 200 }),
    genre: reader.optionalText(record['genre'], 'genre', { max: 100 }),
    subgenre: reader.optionalText(record['subgenre'], 'subgenre', { max: 100 }),
    parentalWarning: reader.choice(
      record['parentalWarning'],
      'parentalWarning',
      PARENTAL_WARNINGS,
      'not-explicit',
    ),
    languages: reader.languages(record['languages'], 'languages', MAX_RELEASE_LANGUAGES),
    pLine: reader.copyrightLine(record['pLine'], 'pLine'),
    cLine: reader.copyrightLine(record['cLine'], 'cLine'),
    originalReleaseDate: readDate(reader, record['originalReleaseDate'], 'originalReleaseDate'),
    artworkAssetId: reader.optionalText(record['artworkAssetId'], 'artworkAssetId', { max: MAX_ID }),
    contributors: reader.contributors(record['contributors'], 'contributors'),
    tracks: readTracks(reader, record['tracks'], displayArtist, context),
  };
  return result(reader, draft);
}

function emptyDraft(): ReleaseDraft {
  return {
    type: 'album',
    title: { text: '', language: null, translations: [] },
    versionTitle: null,
    displayArtist: '',
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
  };
}

function readDate(reader: FieldReader, value: unknown, path: string): string | null {
  const text = reader.optionalText(value, path, { max: 10 });
  if (text === null) return null;
  if (!isCalendarDate(text)) {
    reader.add(path, INVALID, `"${text}" is not a date YYYY-MM-DD`);
    return null;
  }
  return text;
}

function readTracks(
  reader: FieldReader,
  value: unknown,
  releaseDisplayArtist: string,
  context: DraftParseContext,
): TrackDraft[] {
  const items = reader.optionalArray(value, 'tracks', MAX_TRACKS) ?? [];
  const knownIds = new Set(context.previous?.tracks.map((track) => track.trackId) ?? []);
  const usedIds = new Set<string>();
  const usedIsrcs = new Map<string, number>();
  const tracks = items.flatMap((item, index) => {
    const path = fieldPath('tracks', index);
    const record = reader.object(item, path, TRACK_FIELDS);
    if (record === null) return [];
    const trackId = readTrackId(reader, record['trackId'], fieldPath(path, 'trackId'), knownIds, usedIds);
    const isrcPath = fieldPath(path, 'isrc');
    const isrc = reader.optionalIdentifier(record['isrc'], isrcPath, checkIsrc);
    if (isrc !== null) {
      const first = usedIsrcs.get(isrc);
      if (first === undefined) usedIsrcs.set(isrc, index);
      else {
        reader.add(
          isrcPath,
          CATALOG_ERROR_CODES.duplicateIsrc,
          `The ISRC ${isrc} is on track ${first + 1} already; a recording appears once per release`,
        );
      }
    }
    const track: TrackDraft = {
      trackId: trackId ?? context.newId(),
      title: reader.localizedText(record['title'], fieldPath(path, 'title')),
      versionTitle: reader.optionalText(record['versionTitle'], fieldPath(path, 'versionTitle'), {
        max: 500,
      }),
      isrc,
      iswc: reader.optionalIdentifier(record['iswc'], fieldPath(path, 'iswc'), checkIswc),
      durationMs: reader.integer(
        record['durationMs'],
        fieldPath(path, 'durationMs'),
        { min: 1, max: MAX_DURATION_MS },
        null,
      ),
      // A track credited like its release may leave its artist line out.
      displayArtist:
        reader.optionalText(record['displayArtist'], fieldPath(path, 'displayArtist'), TITLE_LIMITS) ??
        releaseDisplayArtist,
      contributors: reader.contributors(record['contributors'], fieldPath(path, 'contributors')),
      genre: reader.optionalText(record['genre'], fieldPath(path, 'genre'), { max: 100 }),
      parentalWarning: reader.choice(
        record['parentalWarning'],
        fieldPath(path, 'parentalWarning'),
        PARENTAL_WARNINGS,
        'not-explicit',
      ),
      language: reader.optionalLanguage(record['language'], fieldPath(path, 'language')),
      disc: reader.integer(record['disc'], fieldPath(path, 'disc'), { min: 1, max: MAX_DISC }, 1),
      audioAssetId: reader.optionalText(record['audioAssetId'], fieldPath(path, 'audioAssetId'), {
        max: MAX_ID,
      }),
    };
    return [track];
  });
  // Array.prototype.sort is stable: within a disc, tracks keep the order they were sent in.
  return [...tracks].sort((a, b) => a.disc - b.disc);
}

function readTrackId(
  reader: FieldReader,
  value: unknown,
  path: string,
  knownIds: ReadonlySet<string>,
  usedIds: Set<string>,
): string | null {
  const trackId = reader.optionalText(value, path, { max: MAX_ID });
  if (trackId === null) return null;
  if (!knownIds.has(trackId)) {
    reader.add(path, CATALOG_ERROR_CODES.trackNotFound, `This release has no track ${trackId}`);
    return null;
  }
  if (usedIds.has(trackId)) {
    reader.add(path, INVALID, `The track ${trackId} is listed twice`);
    return null;
  }
  usedIds.add(trackId);
  return trackId;
}

/** Checks and normalises an untrusted `ArtistInput`. */
export function parseArtistProfile(input: unknown): Parsed<ArtistProfile> {
  const reader = new FieldReader();
  const record = reader.object(input, '', ['name', 'isni', 'ipi', 'country', 'bio']);
  if (record === null) return { ok: false, errors: reader.errors };
  const profile: ArtistProfile = {
    name: reader.localizedText(record['name'], 'name'),
    isni: reader.optionalIdentifier(record['isni'], 'isni', checkIsni),
    ipi: reader.optionalIdentifier(record['ipi'], 'ipi', checkIpi),
    country: reader.optionalIdentifier(record['country'], 'country', (code) =>
      checkTerritory(code, { allowWorldwide: false }),
    ),
    bio: reader.optionalText(record['bio'], 'bio', { max: 5000 }),
  };
  return result(reader, profile);
}

/** The name the artist types say profiles are parsed with; the same as {@link parseArtistProfile}. */
export const parseArtistInput = parseArtistProfile;

function readInstant(reader: FieldReader, value: unknown, path: string): number | null {
  if (value === undefined || value === null) {
    reader.add(path, INVALID, 'Is required');
    return null;
  }
  if (typeof value !== 'string') {
    reader.add(path, INVALID, 'Must be an ISO 8601 instant with an offset, e.g. 2026-05-01T00:00:00Z');
    return null;
  }
  const instant = parseInstant(value);
  if (instant === null) {
    reader.add(
      path,
      INVALID,
      `"${value}" is not an ISO 8601 instant with Z or an offset (e.g. 2026-05-01T00:00:00+02:00)`,
    );
  }
  return instant;
}

function readTerritories(
  reader: FieldReader,
  value: unknown,
  path: string,
  allowWorldwide: boolean,
): string[] {
  const items = reader.optionalArray(value, path, MAX_SCHEDULE_TERRITORIES) ?? [];
  const territories: string[] = [];
  items.forEach((item, index) => {
    const at = fieldPath(path, index);
    const territory = reader.optionalIdentifier(item, at, (code) => checkTerritory(code, { allowWorldwide }));
    if (territory === null) {
      if (item === null || (typeof item === 'string' && item.trim() === ''))
        reader.add(at, INVALID, 'Must not be empty');
      return;
    }
    if (territories.includes(territory)) {
      reader.add(at, INVALID, `${territory} is listed twice`);
      return;
    }
    territories.push(territory);
  });
  return territories;
}

/**
 * Checks and normalises an untrusted `ScheduleReleaseRequest`: instants with an offset (stored as UTC
 * `…Z`), territories, embargo windows (`until` after `from`). Conflicts between release moments and
 * embargoes are {@link embargoConflicts}'s; the past is the decider's.
 */
export function parseSchedule(input: unknown): Parsed<ReleaseSchedule> {
  const reader = new FieldReader();
  const record = reader.object(input, '', [
    'releaseAt',
    'territories',
    'excludedTerritories',
    'territoryReleases',
    'embargoes',
  ]);
  if (record === null) return { ok: false, errors: reader.errors };
  const releaseAt = readInstant(reader, record['releaseAt'], 'releaseAt');

  const sentTerritories = record['territories'];
  let territories: string[] = [WORLDWIDE];
  if (sentTerritories !== undefined && sentTerritories !== null) {
    territories = readTerritories(reader, sentTerritories, 'territories', true);
    if (Array.isArray(sentTerritories) && sentTerritories.length === 0) {
      reader.add('territories', INVALID, 'At least one territory, or WW for the whole world');
    }
    if (territories.includes(WORLDWIDE) && territories.length > 1) {
      reader.add('territories', CATALOG_ERROR_CODES.invalidTerritory, 'WW (the whole world) stands alone');
    }
  }
  const worldwide = territories.length === 1 && territories[0] === WORLDWIDE;

  const excludedTerritories = readTerritories(
    reader,
    record['excludedTerritories'],
    'excludedTerritories',
    false,
  );
  if (excludedTerritories.length > 0 && !worldwide) {
    reader.add(
      'excludedTerritories',
      CATALOG_ERROR_CODES.invalidTerritory,
      'Territories can only be excluded from WW (the whole world)',
    );
  }
  const distributed = (territory: string): boolean =>
    worldwide ? !excludedTerritories.includes(territory) : territories.includes(territory);

  const territoryReleases: TerritoryRelease[] = [];
  const releaseItems =
    reader.optionalArray(record['territoryReleases'], 'territoryReleases', MAX_SCHEDULE_TERRITORIES) ?? [];
  releaseItems.forEach((item, index) => {
    const path = fieldPath('territoryReleases', index);
    const entry = reader.object(item, path, ['territory', 'releaseAt']);
    if (entry === null) return;
    const territory = readScheduleTerritory(reader, entry['territory'], fieldPath(path, 'territory'), false);
    const moment = readInstant(reader, entry['releaseAt'], fieldPath(path, 'releaseAt'));
    if (territory === null || moment === null) return;
    if (territoryReleases.some((release) => release.territory === territory)) {
      reader.add(fieldPath(path, 'territory'), INVALID, `${territory} has a release moment already`);
      return;
    }
    if (!distributed(territory)) {
      reader.add(
        fieldPath(path, 'territory'),
        CATALOG_ERROR_CODES.invalidTerritory,
        `The release is not distributed in ${territory}`,
      );
      return;
    }
    territoryReleases.push({ territory, releaseAt: new Date(moment).toISOString() });
  });

  const embargoes: Embargo[] = [];
  const embargoItems = reader.optionalArray(record['embargoes'], 'embargoes', MAX_EMBARGOES) ?? [];
  embargoItems.forEach((item, index) => {
    const path = fieldPath('embargoes', index);
    const entry = reader.object(item, path, ['territory', 'from', 'until', 'reason']);
    if (entry === null) return;
    const territory = readScheduleTerritory(reader, entry['territory'], fieldPath(path, 'territory'), true);
    const from = readInstant(reader, entry['from'], fieldPath(path, 'from'));
    const until = readInstant(reader, entry['until'], fieldPath(path, 'until'));
    const reason = reader.optionalText(entry['reason'], fieldPath(path, 'reason'), { max: 500 });
    if (territory === null || from === null || until === null) return;
    if (until <= from) {
      reader.add(
        fieldPath(path, 'until'),
        CATALOG_ERROR_CODES.invalidEmbargo,
        'An embargo must end after it starts',
      );
      return;
    }
    embargoes.push({
      territory,
      from: new Date(from).toISOString(),
      until: new Date(until).toISOString(),
      reason,
    });
  });

  return result(reader, {
    releaseAt: releaseAt === null ? '' : new Date(releaseAt).toISOString(),
    territories,
    excludedTerritories,
    territoryReleases,
    embargoes,
  });
}

function readScheduleTerritory(
  reader: FieldReader,
  value: unknown,
  path: string,
  allowWorldwide: boolean,
): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    reader.add(path, INVALID, 'Is required');
    return null;
  }
  return reader.optionalIdentifier(value, path, (code) => checkTerritory(code, { allowWorldwide }));
}

function missing(field: string, message: string): FieldError {
  return { field, code: CATALOG_ERROR_CODES.releaseIncomplete, message };
}

/** What a draft lacks to be published or scheduled (UPC, ISRCs, durations, a track, an artist…). */
export function missingForPublish(draft: ReleaseDraft): readonly FieldError[] {
  const errors: FieldError[] = [];
  if (draft.tracks.length === 0) errors.push(missing('tracks', 'A release needs at least one track'));
  if (draft.upc === null) errors.push(missing('upc', 'A release needs a UPC or EAN'));
  if (draft.artistIds.length === 0) errors.push(missing('artistIds', 'A release needs at least one artist'));
  if (draft.genre === null) errors.push(missing('genre', 'A release needs a genre'));
  if (draft.pLine === null) errors.push(missing('pLine', 'A release needs a ℗ line'));
  if (draft.cLine === null) errors.push(missing('cLine', 'A release needs a © line'));
  draft.tracks.forEach((track, index) => {
    const path = fieldPath('tracks', index);
    if (track.isrc === null)
      errors.push(missing(fieldPath(path, 'isrc'), `Track ${index + 1} needs an ISRC`));
    if (track.durationMs === null) {
      errors.push(missing(fieldPath(path, 'durationMs'), `Track ${index + 1} needs a duration`));
    }
  });
  return errors;
}

/** Whether two drafts hold the same metadata. */
export function draftsEqual(a: ReleaseDraft, b: ReleaseDraft): boolean {
  return isStructurallyEqual(a, b);
}
