import { type Contributor, type ReleaseDraft, type TrackDraft } from '@bandstand/catalog/contracts';

/**
 * The columns of the catalog CSV, in the order the export writes them: one row per track, each
 * carrying its release's columns (a release without tracks is one row with empty track columns).
 *
 * - `release_id` names an existing release; without it, `upc` matches the organisation's release with
 *   that UPC, and rows with neither make a new release per type, title and artist line.
 * - `languages` are BCP 47 tags joined by `;`; `duration_ms` is milliseconds; `track_number` counts
 *   from 1 within its `disc`.
 * - `contributors` and `release_contributors`: see {@link formatContributors}.
 * - An import may leave optional columns out: a missing column keeps what the release has; an empty
 *   cell clears the field.
 */
export const CSV_COLUMNS = [
  'release_id',
  'upc',
  'release_type',
  'release_title',
  'release_version',
  'release_display_artist',
  'catalog_number',
  'label',
  'genre',
  'subgenre',
  'parental_warning',
  'languages',
  'p_line_year',
  'p_line_owner',
  'c_line_year',
  'c_line_owner',
  'original_release_date',
  'release_contributors',
  'track_id',
  'disc',
  'track_number',
  'isrc',
  'iswc',
  'track_title',
  'track_version',
  'track_display_artist',
  'duration_ms',
  'track_genre',
  'track_parental_warning',
  'track_language',
  'contributors',
] as const;

/** A column of the catalog CSV. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns an import must have. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'release_type',
  'release_title',
  'release_display_artist',
  'track_title',
];

/** Columns describing the release: every row of a release must agree on them. */
export const RELEASE_CSV_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(
  0,
  CSV_COLUMNS.indexOf('track_id'),
);
/** Columns describing the track of the row. */
export const TRACK_CSV_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('track_id'));

/** Whether `name` is a column of the catalog CSV. */
export function isCsvColumn(name: string): name is CsvColumn {
  return (CSV_COLUMNS as readonly string[]).includes(name);
}

/** A contributor as written in a cell: strings, checked later by the draft parser. */
export interface ContributorCell {
  readonly name: string;
  readonly roles: readonly string[];
  readonly isni: string | null;
  readonly ipi: string | null;
  readonly instrument: string | null;
}

const ENTRY_SEPARATOR = ' ; ';

function escapeText(value: string): string {
  return value.replace(/[\\|;]/g, (char) => `\\${char}`);
}

/**
 * The contributors cell: entries `Name|role;role|isni|ipi|instrument` joined by ` ; ` (a semicolon
 * with whitespace on both sides), trailing empty parts left out, e.g.
 * `Aurora Lane|main-artist;composer|0000000121251077 ; Sam Reed|performer|||Piano`. In names and
 * instruments a backslash escapes `\`, `|` and `;`. Roles are the model's kebab-case role names.
 */
export function formatContributors(contributors: readonly Contributor[]): string {
  return contributors
    .map((contributor) => {
      const parts = [
        escapeText(contributor.name),
        contributor.roles.join(';'),
        contributor.isni ?? '',
        contributor.ipi ?? '',
        escapeText(contributor.instrument ?? ''),
      ];
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts.join('|');
    })
    .join(ENTRY_SEPARATOR);
}

/** Reads a contributors cell written as {@link formatContributors} describes; empty entries are skipped. */
export function parseContributors(cell: string): ContributorCell[] {
  const entries: string[][] = [];
  let parts: string[] = [''];
  const append = (text: string): void => {
    parts[parts.length - 1] += text;
  };
  for (let index = 0; index < cell.length; index++) {
    const char = cell.charAt(index);
    if (char === '\\' && index + 1 < cell.length) {
      append(cell.charAt(index + 1));
      index++;
    } else if (char === '|') {
      parts.push('');
    } else if (char === ';' && /\s/.test(cell.charAt(index - 1)) && /\s/.test(cell.charAt(index + 1))) {
      entries.push(parts);
      parts = [''];
    } else {
      append(char);
    }
  }
  entries.push(parts);
  return entries
    .map((entry) => entry.map((part) => part.trim()))
    .filter((entry) => entry.some((part) => part !== ''))
    .map(([name = '', roles = '', isni = '', ipi = '', instrument = '']) => ({
      name,
      roles: roles
        .split(';')
        .map((role) => role.trim())
        .filter((role) => role !== ''),
      isni: isni === '' ? null : isni,
      ipi: ipi === '' ? null : ipi,
      instrument: instrument === '' ? null : instrument,
    }));
}

/** The export's rows of one release: one per track, in the draft's order, or one without a track. */
export function releaseCsvRows(releaseId: string, draft: ReleaseDraft): Record<CsvColumn, string>[] {
  const release = {
    release_id: releaseId,
    upc: draft.upc ?? '',
    release_type: draft.type,
    release_title: draft.title.text,
    release_version: draft.versionTitle ?? '',
    release_display_artist: draft.displayArtist,
    catalog_number: draft.catalogNumber ?? '',
    label: draft.labelName ?? '',
    genre: draft.genre ?? '',
    subgenre: draft.subgenre ?? '',
    parental_warning: draft.parentalWarning,
    languages: draft.languages.join(';'),
    p_line_year: draft.pLine === null ? '' : String(draft.pLine.year),
    p_line_owner: draft.pLine?.owner ?? '',
    c_line_year: draft.cLine === null ? '' : String(draft.cLine.year),
    c_line_owner: draft.cLine?.owner ?? '',
    original_release_date: draft.originalReleaseDate ?? '',
    release_contributors: formatContributors(draft.contributors),
  };
  const noTrack = Object.fromEntries(TRACK_CSV_COLUMNS.map((column) => [column, ''])) as Record<
    (typeof TRACK_CSV_COLUMNS)[number],
    string
  >;
  if (draft.tracks.length === 0) return [{ ...release, ...noTrack }];
  const perDisc = new Map<number, number>();
  return draft.tracks.map((track: TrackDraft) => {
    const number = (perDisc.get(track.disc) ?? 0) + 1;
    perDisc.set(track.disc, number);
    return {
      ...release,
      track_id: track.trackId,
      disc: String(track.disc),
      track_number: String(number),
      isrc: track.isrc ?? '',
      iswc: track.iswc ?? '',
      track_title: track.title.text,
      track_version: track.versionTitle ?? '',
      track_display_artist: track.displayArtist,
      duration_ms: track.durationMs === null ? '' : String(track.durationMs),
      track_genre: track.genre ?? '',
      track_parental_warning: track.parentalWarning,
      track_language: track.language ?? '',
      contributors: formatContributors(track.contributors),
    };
  });
}
