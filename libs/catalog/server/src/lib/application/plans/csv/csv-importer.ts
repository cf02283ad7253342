import { Inject, Injectable } from '@nestjs/common';
import { type ErrorCode, type FieldError } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import {
  CATALOG_ERROR_CODES,
  type Contributor,
  type ImportFile,
  type LocalizedText,
  type ReleaseDraft,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import { CatalogError, checkGtin, checkIsrc, parseReleaseDraft } from '@bandstand/catalog/domain';
import { type CatalogImporter, type PlanDraft, type PlanProposal } from '../plan-proposal';
import {
  type CsvColumn,
  CSV_COLUMNS,
  isCsvColumn,
  parseContributors,
  RELEASE_CSV_COLUMNS,
  REQUIRED_CSV_COLUMNS,
  TRACK_CSV_COLUMNS,
} from './catalog-csv.format';
import { parseCsv } from './rfc4180';

/** A data row of the file: its line (header = 1) and its cells by column (absent columns missing). */
interface CsvRow {
  readonly line: number;
  /** Its place among the data records (a record may span lines: quoted line breaks). */
  readonly ordinal: number;
  readonly cells: Partial<Record<CsvColumn, string>>;
}

interface ExistingRelease {
  readonly releaseId: string;
  readonly revision: number;
  readonly draft: ReleaseDraft;
}

/** The rows of one release, as grouped by release id, UPC, or (new, without UPC) type, title and artist. */
interface RowGroup {
  readonly existing: ExistingRelease | null;
  readonly rows: CsvRow[];
}

/** Records a problem of a row (and column): `rows.<line>.<column>`. */
type RowErrorSink = (line: number, column: CsvColumn | null, code: ErrorCode, message: string) => void;

// Where a draft path's first segment is written in the file.
const RELEASE_FIELD_COLUMNS: Readonly<Record<string, CsvColumn>> = {
  type: 'release_type',
  title: 'release_title',
  versionTitle: 'release_version',
  displayArtist: 'release_display_artist',
  artistIds: 'release_display_artist',
  upc: 'upc',
  catalogNumber: 'catalog_number',
  labelName: 'label',
  genre: 'genre',
  subgenre: 'subgenre',
  parentalWarning: 'parental_warning',
  languages: 'languages',
  originalReleaseDate: 'original_release_date',
  contributors: 'release_contributors',
  tracks: 'track_title',
};
const TRACK_FIELD_COLUMNS: Readonly<Record<string, CsvColumn>> = {
  trackId: 'track_id',
  title: 'track_title',
  versionTitle: 'track_version',
  isrc: 'isrc',
  iswc: 'iswc',
  durationMs: 'duration_ms',
  displayArtist: 'track_display_artist',
  contributors: 'contributors',
  genre: 'track_genre',
  parentalWarning: 'track_parental_warning',
  language: 'track_language',
  disc: 'disc',
};

function invalidCsv(errors: readonly FieldError[]): CatalogError {
  const first = errors[0];
  return new CatalogError(
    CATALOG_ERROR_CODES.invalidCsv,
    first === undefined ? 'The file is not a catalog CSV' : first.message,
    { status: 422, errors },
  );
}

/** `rows 2–4, 7`: the lines a release came from (runs of consecutive records as ranges), for the preview. */
function linesLabel(rows: readonly CsvRow[]): string {
  const sorted = [...rows].sort((a, b) => a.ordinal - b.ordinal);
  const ranges: string[] = [];
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]?.ordinal === (sorted[end]?.ordinal ?? 0) + 1) end++;
    const from = sorted[start]?.line ?? 0;
    const to = sorted[end]?.line ?? 0;
    ranges.push(from === to ? String(from) : `${from}–${to}`);
    start = end + 1;
  }
  return `${sorted.length === 1 ? 'row' : 'rows'} ${ranges.join(', ')}`;
}

/**
 * Reads the catalog CSV (see `CSV_COLUMNS`) into a plan: rows are grouped into releases, laid over
 * the organisation's existing drafts (so what the file leaves out is kept) and parsed like any draft;
 * every problem is reported by row and column, `rows.<line>.<column>`.
 */
@Injectable()
export class CsvImporter implements CatalogImporter {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /**
   * A plan for one CSV file; CATALOG.INVALID_CSV (422) when the file is not RFC 4180, lacks a
   * required column or has no rows. Row problems are the plan's errors.
   */
  async plan(orgId: string, files: readonly ImportFile[]): Promise<PlanDraft> {
    const file = files[0];
    if (file === undefined || files.length > 1) {
      throw invalidCsv([
        { field: 'files', code: CATALOG_ERROR_CODES.invalidCsv, message: 'Send exactly one CSV file' },
      ]);
    }
    const { columns, rows } = this.read(file.content);
    const errors: FieldError[] = [];
    const rowError: RowErrorSink = (line, column, code, message) => {
      errors.push({ field: column === null ? `rows.${line}` : `rows.${line}.${column}`, code, message });
    };
    const fitting = rows.flatMap(({ line, cells }, ordinal): CsvRow[] => {
      if (cells !== null) return [{ line, ordinal, cells }];
      rowError(
        line,
        null,
        CATALOG_ERROR_CODES.invalidCsv,
        `The row does not have the header's ${columns.length} fields`,
      );
      return [];
    });
    const groups = await this.group(orgId, fitting, rowError);
    const artists = await this.artistsByName(orgId, groups);
    const planned: { proposal: PlanProposal; group: RowGroup }[] = [];
    const upcs = new Map<string, number>();
    for (const group of groups) {
      const proposal = this.proposal(group, columns, artists, rowError);
      if (proposal === null) continue;
      const upc = proposal.draft.upc;
      const firstLine = group.rows[0]?.line ?? 2;
      if (upc !== null) {
        const earlier = upcs.get(upc);
        if (earlier !== undefined) {
          rowError(
            firstLine,
            'upc',
            CATALOG_ERROR_CODES.duplicateUpc,
            `Row ${earlier} gives another release this UPC`,
          );
          continue;
        }
        upcs.set(upc, firstLine);
      }
      planned.push({ proposal, group });
    }
    await this.checkOwners(orgId, planned, rowError);
    errors.sort((a, b) => lineOf(a.field) - lineOf(b.field));
    return { proposals: planned.map(({ proposal }) => proposal), newArtists: [], errors };
  }

  // The header and the rows; a file that is not CSV, or lacks columns or rows, is refused outright.
  private read(content: string): {
    columns: readonly CsvColumn[];
    rows: { line: number; cells: CsvRow['cells'] | null }[];
  } {
    const parsed = parseCsv(content);
    if (!parsed.ok) {
      const header = parsed.records[0]?.fields ?? [];
      const name = parsed.error.line > 1 ? header[parsed.error.field - 1]?.trim() : undefined;
      throw invalidCsv([
        {
          field: `rows.${parsed.error.line}.${name ?? parsed.error.field}`,
          code: CATALOG_ERROR_CODES.invalidCsv,
          message: parsed.error.message,
        },
      ]);
    }
    const [header, ...records] = parsed.records;
    if (header === undefined) {
      throw invalidCsv([
        { field: 'rows.1', code: CATALOG_ERROR_CODES.invalidCsv, message: 'The file is empty' },
      ]);
    }
    const names = header.fields.map((name) => name.trim());
    const errors: FieldError[] = [];
    names.forEach((name, index) => {
      if (!isCsvColumn(name)) {
        errors.push({
          field: `rows.1.${name === '' ? index + 1 : name}`,
          code: CATALOG_ERROR_CODES.invalidCsv,
          message: `Unknown column "${name}"; the columns are ${CSV_COLUMNS.join(', ')}`,
        });
      } else if (names.indexOf(name) !== index) {
        errors.push({
          field: `rows.1.${name}`,
          code: CATALOG_ERROR_CODES.invalidCsv,
          message: `Column ${name} appears twice`,
        });
      }
    });
    for (const required of REQUIRED_CSV_COLUMNS) {
      if (!names.includes(required)) {
        errors.push({
          field: `rows.1.${required}`,
          code: CATALOG_ERROR_CODES.invalidCsv,
          message: `Column ${required} is missing`,
        });
      }
    }
    if (errors.length === 0 && records.length === 0) {
      errors.push({ field: 'rows.2', code: CATALOG_ERROR_CODES.invalidCsv, message: 'The file has no rows' });
    }
    if (errors.length > 0) throw invalidCsv(errors);
    const columns = names.filter(isCsvColumn);
    const rows = records.map((record) => ({
      line: record.line,
      cells:
        record.fields.length === columns.length
          ? (Object.fromEntries(
              columns.map((column, index) => [column, (record.fields[index] ?? '').trim()]),
            ) as CsvRow['cells'])
          : null,
    }));
    return { columns, rows };
  }

  private async group(orgId: string, rows: readonly CsvRow[], rowError: RowErrorSink): Promise<RowGroup[]> {
    const releaseIds = [...new Set(rows.map((row) => row.cells.release_id ?? '').filter((id) => id !== ''))];
    const upcOf = new Map<CsvRow, string>();
    for (const row of rows) {
      const raw = row.cells.upc ?? '';
      if ((row.cells.release_id ?? '') !== '' || raw === '') continue;
      const checked = checkGtin(raw);
      if (checked.ok) upcOf.set(row, checked.value);
      else rowError(row.line, 'upc', checked.code, checked.message);
    }
    const existing = await this.releases(orgId, releaseIds, [...new Set(upcOf.values())]);
    const groups = new Map<string, RowGroup>();
    const add = (key: string, release: ExistingRelease | null, row: CsvRow): void => {
      const group = groups.get(key) ?? { existing: release, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    };
    for (const row of rows) {
      const releaseId = row.cells.release_id ?? '';
      if (releaseId !== '') {
        const release = existing.byId.get(releaseId);
        if (release === undefined) {
          rowError(
            row.line,
            'release_id',
            CATALOG_ERROR_CODES.releaseNotFound,
            'No such release in this organisation',
          );
        } else {
          add(`id:${releaseId}`, release, row);
        }
        continue;
      }
      if ((row.cells.upc ?? '') !== '') {
        const upc = upcOf.get(row);
        if (upc === undefined) continue;
        const release = existing.byUpc.get(upc);
        add(release === undefined ? `upc:${upc}` : `id:${release.releaseId}`, release ?? null, row);
        continue;
      }
      const cells = row.cells;
      add(
        `new:${JSON.stringify([cells.release_type, cells.release_title, cells.release_display_artist])}`,
        null,
        row,
      );
    }
    return [...groups.values()];
  }

  private async releases(
    orgId: string,
    releaseIds: readonly string[],
    upcs: readonly string[],
  ): Promise<{ byId: Map<string, ExistingRelease>; byUpc: Map<string, ExistingRelease> }> {
    const byId = new Map<string, ExistingRelease>();
    const byUpc = new Map<string, ExistingRelease>();
    if (releaseIds.length === 0 && upcs.length === 0) return { byId, byUpc };
    const rows = await this.db.query<{
      release_id: string;
      revision: number;
      upc: string | null;
      draft: ReleaseDraft;
    }>(
      `select release_id, revision, upc, draft from catalog.releases
        where org_id = $1 and (release_id = any($2::text[]) or upc = any($3::text[]))`,
      [orgId, releaseIds, upcs],
    );
    for (const row of rows) {
      const release = { releaseId: row.release_id, revision: row.revision, draft: row.draft };
      byId.set(row.release_id, release);
      if (row.upc !== null) byUpc.set(row.upc, release);
    }
    return { byId, byUpc };
  }

  // New releases are linked to the organisation's artist whose name is exactly the artist line, when one is.
  private async artistsByName(
    orgId: string,
    groups: readonly RowGroup[],
  ): Promise<ReadonlyMap<string, string>> {
    const names = new Set(
      groups
        .filter((group) => group.existing === null)
        .map((group) => (group.rows[0]?.cells.release_display_artist ?? '').toLowerCase())
        .filter((name) => name !== ''),
    );
    if (names.size === 0) return new Map();
    const rows = await this.db.query<{ name: string; artist_ids: string[] }>(
      `select lower(name_text) as name, array_agg(artist_id order by artist_id) as artist_ids from catalog.artists
        where org_id = $1 and lower(name_text) = any($2::text[]) group by lower(name_text)`,
      [orgId, [...names]],
    );
    return new Map(
      rows.flatMap((row) =>
        row.artist_ids.length === 1 && row.artist_ids[0] !== undefined ? [[row.name, row.artist_ids[0]]] : [],
      ),
    );
  }

  private proposal(
    group: RowGroup,
    columns: readonly CsvColumn[],
    artists: ReadonlyMap<string, string>,
    rowError: RowErrorSink,
  ): PlanProposal | null {
    const [first] = group.rows;
    if (first === undefined) return null;
    const problems = new RowProblems(rowError);
    for (const row of group.rows.slice(1)) {
      for (const column of RELEASE_CSV_COLUMNS) {
        if (column !== 'release_id' && row.cells[column] !== first.cells[column]) {
          problems.fail(row.line, column, `Differs from row ${first.line}, which describes the same release`);
        }
      }
    }
    const base = group.existing?.draft ?? null;
    const input = releaseInput(first, base, columns, problems);
    if (base === null) {
      const artistId = artists.get((first.cells.release_display_artist ?? '').toLowerCase());
      input['artistIds'] = artistId === undefined ? [] : [artistId];
    }
    const placed = placeTracks(group.rows, problems);
    const previous = matchTracks(placed, base, problems);
    const releaseArtist = first.cells.release_display_artist ?? base?.displayArtist ?? '';
    input['tracks'] = placed.map(({ row, disc }, index) =>
      trackInput(row, disc, previous[index] ?? null, releaseArtist),
    );
    if (problems.failed) return null;

    const parsed = parseReleaseDraft(input, { previous: base, newId: () => this.clock.newId() });
    if (!parsed.ok) {
      const trackLines = placed.map(({ row }) => row.line);
      for (const error of parsed.errors) {
        const { line, column } = locate(error.field, first.line, trackLines);
        rowError(line, column, error.code, error.message);
      }
      return null;
    }
    return {
      releaseId: group.existing?.releaseId ?? null,
      expectedRevision: group.existing?.revision ?? null,
      draft: parsed.value,
      source: linesLabel(group.rows),
    };
  }

  // Identifiers another organisation (or, for a UPC, another release) holds are reported at preview time.
  private async checkOwners(
    orgId: string,
    planned: readonly { readonly proposal: PlanProposal; readonly group: RowGroup }[],
    rowError: RowErrorSink,
  ): Promise<void> {
    const proposals = planned.map(({ proposal }) => proposal);
    const upcs = proposals.flatMap((proposal) => (proposal.draft.upc === null ? [] : [proposal.draft.upc]));
    const isrcs = [
      ...new Set(
        proposals.flatMap((proposal) =>
          proposal.draft.tracks.flatMap((track) => (track.isrc === null ? [] : [track.isrc])),
        ),
      ),
    ];
    if (upcs.length === 0 && isrcs.length === 0) return;
    const upcOwners = new Map(
      (
        await this.db.query<{ upc: string; release_id: string }>(
          'select upc, release_id from catalog.upc_owners where upc = any($1::text[])',
          [upcs],
        )
      ).map((row) => [row.upc, row.release_id]),
    );
    const foreignIsrcs = new Set(
      (
        await this.db.query<{ isrc: string }>(
          'select isrc from catalog.isrc_owners where isrc = any($1::text[]) and org_id <> $2',
          [isrcs, orgId],
        )
      ).map((row) => row.isrc),
    );
    for (const { proposal, group } of planned) {
      const rows = group.rows;
      const owner = proposal.draft.upc === null ? undefined : upcOwners.get(proposal.draft.upc);
      if (owner !== undefined && owner !== proposal.releaseId) {
        rowError(rows[0]?.line ?? 2, 'upc', CATALOG_ERROR_CODES.duplicateUpc, 'Another release has this UPC');
      }
      for (const row of rows) {
        const isrc = row.cells.isrc ?? '';
        const checked = isrc === '' ? null : checkIsrc(isrc);
        if (checked?.ok === true && foreignIsrcs.has(checked.value)) {
          rowError(
            row.line,
            'isrc',
            CATALOG_ERROR_CODES.duplicateIsrc,
            'Another organisation owns this ISRC',
          );
        }
      }
    }
  }
}

/** The problems found in one release's rows, and the cell readers that find them. */
class RowProblems {
  failed = false;

  constructor(private readonly sink: RowErrorSink) {}

  fail(
    line: number,
    column: CsvColumn | null,
    message: string,
    code: ErrorCode = CATALOG_ERROR_CODES.invalidCsv,
  ): void {
    this.failed = true;
    this.sink(line, column, code, message);
  }

  /** A whole-number cell: undefined when the column is absent, null when empty or not a number. */
  integer(row: CsvRow, column: CsvColumn): number | null | undefined {
    const cell = row.cells[column];
    if (cell === undefined) return undefined;
    if (cell === '') return null;
    if (/^[0-9]{1,9}$/.test(cell)) return Number(cell);
    this.fail(row.line, column, 'Expected a whole number');
    return null;
  }
}

/** The release's draft input: the existing draft (if any) with the first row's release cells laid over it. */
function releaseInput(
  first: CsvRow,
  base: ReleaseDraft | null,
  columns: readonly CsvColumn[],
  problems: RowProblems,
): Record<string, unknown> {
  const input: Record<string, unknown> = base === null ? {} : { ...base };
  const cell = (column: CsvColumn): string | undefined => first.cells[column];
  const set = (field: string, column: CsvColumn, value: (text: string) => unknown): void => {
    const text = cell(column);
    if (text !== undefined) input[field] = value(text);
  };
  const orNull = (text: string): string | null => (text === '' ? null : text);
  set('type', 'release_type', (text) => text);
  set('title', 'release_title', (text) => localized(text, base?.title ?? null));
  set('versionTitle', 'release_version', orNull);
  set('displayArtist', 'release_display_artist', (text) => text);
  set('upc', 'upc', orNull);
  set('catalogNumber', 'catalog_number', orNull);
  set('labelName', 'label', orNull);
  set('genre', 'genre', orNull);
  set('subgenre', 'subgenre', orNull);
  set('originalReleaseDate', 'original_release_date', orNull);
  set('languages', 'languages', (text) =>
    text
      .split(';')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
  );
  set('contributors', 'release_contributors', (text) => contributorsInput(text, base?.contributors ?? []));
  // An empty advisory is the parser's default.
  if (cell('parental_warning') === '') delete input['parentalWarning'];
  else set('parentalWarning', 'parental_warning', (text) => text);
  for (const [field, yearColumn, ownerColumn] of [
    ['pLine', 'p_line_year', 'p_line_owner'],
    ['cLine', 'c_line_year', 'c_line_owner'],
  ] as const) {
    if (!columns.includes(yearColumn) && !columns.includes(ownerColumn)) continue;
    const previous = base?.[field] ?? null;
    const year = problems.integer(first, yearColumn);
    const owner = cell(ownerColumn);
    const line = {
      year: year === undefined ? previous?.year : year,
      owner: owner === undefined ? previous?.owner : owner,
    };
    const empty =
      (line.year === null || line.year === undefined) && (line.owner === '' || line.owner === undefined);
    input[field] = empty ? null : line;
  }
  return input;
}

/** A track row with its disc and number. */
interface PlacedTrack {
  readonly row: CsvRow;
  readonly disc: number;
}

/**
 * The rows holding a track (any track cell filled), in disc and track-number order; rows without a
 * number keep their order after the numbered ones of their disc. The same disc and number twice is a problem.
 */
function placeTracks(rows: readonly CsvRow[], problems: RowProblems): PlacedTrack[] {
  const unnumbered = Number.MAX_SAFE_INTEGER;
  const placed = rows
    .filter((row) => TRACK_CSV_COLUMNS.some((column) => (row.cells[column] ?? '') !== ''))
    .map((row, order) => {
      const disc = problems.integer(row, 'disc');
      // A disc that is not a number is reported once; its row is not compared with the others.
      const discKnown = disc !== null || (row.cells.disc ?? '') === '';
      return {
        row,
        disc: disc ?? 1,
        discKnown,
        number: problems.integer(row, 'track_number') ?? unnumbered,
        order,
      };
    });
  placed.sort((a, b) => a.disc - b.disc || a.number - b.number || a.order - b.order);
  const seen = new Map<string, number>();
  for (const { row, disc, discKnown, number } of placed) {
    if (number === unnumbered || !discKnown) continue;
    const earlier = seen.get(`${disc}/${number}`);
    if (earlier === undefined) seen.set(`${disc}/${number}`, row.line);
    else problems.fail(row.line, 'track_number', `Row ${earlier} has the same disc and track number`);
  }
  return placed.map(({ row, disc }) => ({ row, disc }));
}

/**
 * The existing track each row continues: the one its track_id names, else (for a row without one) the
 * release's unclaimed track with the same ISRC, so that its id, history and audio carry on.
 */
function matchTracks(
  placed: readonly PlacedTrack[],
  base: ReleaseDraft | null,
  problems: RowProblems,
): (TrackDraft | undefined)[] {
  const tracks = new Map((base?.tracks ?? []).map((track) => [track.trackId, track]));
  const claimed = new Set<string>();
  // Named tracks are claimed first, so that an ISRC match never takes a track another row names.
  const named = placed.map(({ row }) => {
    const trackId = row.cells.track_id ?? '';
    if (trackId === '') return undefined;
    const track = tracks.get(trackId);
    if (track === undefined) {
      problems.fail(row.line, 'track_id', 'No such track on this release', CATALOG_ERROR_CODES.trackNotFound);
    } else if (claimed.has(trackId)) {
      problems.fail(row.line, 'track_id', 'Another row has this track already');
    } else {
      claimed.add(trackId);
    }
    return track;
  });
  return placed.map(({ row }, index) => {
    if ((row.cells.track_id ?? '') !== '') return named[index];
    const isrc = row.cells.isrc ?? '';
    const checked = isrc === '' ? null : checkIsrc(isrc);
    if (checked?.ok !== true) return undefined;
    const track = [...tracks.values()].find(
      (each) => each.isrc === checked.value && !claimed.has(each.trackId),
    );
    if (track !== undefined) claimed.add(track.trackId);
    return track;
  });
}

/** The line a `rows.<line>…` field names, for sorting errors by row. */
function lineOf(field: string): number {
  const match = /^rows\.([0-9]+)/.exec(field);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/** A text cell as a LocalizedText: the existing one when its text is unchanged (keeping language and translations). */
function localized(text: string, previous: LocalizedText | null): LocalizedText | string {
  if (previous === null) return text;
  if (previous.text === text) return previous;
  return { text, language: previous.language, translations: [] };
}

/** Contributors from a cell, keeping each one's catalog artist link from the existing credit of the same name. */
function contributorsInput(cell: string, previous: readonly Contributor[]): unknown[] {
  return parseContributors(cell).map((contributor) => {
    const match = previous.find((each) => each.name === contributor.name);
    return { ...contributor, artistId: match?.artistId ?? null };
  });
}

/** A track's draft input: the existing track (if any) with the row's cells laid over it. */
function trackInput(
  row: CsvRow,
  disc: number,
  previous: TrackDraft | null,
  releaseArtist: string,
): Record<string, unknown> {
  const input: Record<string, unknown> = previous === null ? {} : { ...previous };
  const cells = row.cells;
  const orNull = (text: string): string | null => (text === '' ? null : text);
  const set = (field: string, column: CsvColumn, value: (text: string) => unknown): void => {
    const text = cells[column];
    if (text !== undefined) input[field] = value(text);
  };
  input['disc'] = disc;
  set('title', 'track_title', (text) => localized(text, previous?.title ?? null));
  set('versionTitle', 'track_version', orNull);
  set('isrc', 'isrc', orNull);
  set('iswc', 'iswc', orNull);
  set('durationMs', 'duration_ms', (text) =>
    text === '' ? null : /^[0-9]+$/.test(text) ? Number(text) : text,
  );
  set('genre', 'track_genre', orNull);
  set('language', 'track_language', orNull);
  set('contributors', 'contributors', (text) => contributorsInput(text, previous?.contributors ?? []));
  // An empty (or, on a new track, missing) artist line is the release's; an empty advisory the parser's default.
  const artist = cells.track_display_artist;
  if (artist !== undefined && artist !== '') input['displayArtist'] = artist;
  else if (previous === null || artist !== undefined) input['displayArtist'] = releaseArtist;
  if ((cells.track_parental_warning ?? '') !== '') input['parentalWarning'] = cells.track_parental_warning;
  else if (cells.track_parental_warning !== undefined) delete input['parentalWarning'];
  return input;
}

/** The row and column of a draft error path (`tracks.2.isrc`, `pLine.year`, `upc`). */
function locate(
  path: string,
  firstLine: number,
  trackLines: readonly number[],
): { line: number; column: CsvColumn | null } {
  const [head = '', second = '', third = ''] = path.split('.');
  if (head === 'tracks' && /^[0-9]+$/.test(second)) {
    return {
      line: trackLines[Number(second)] ?? firstLine,
      column: TRACK_FIELD_COLUMNS[third] ?? 'track_title',
    };
  }
  if (head === 'pLine' || head === 'cLine') {
    const prefix = head === 'pLine' ? 'p_line' : 'c_line';
    return { line: firstLine, column: second === 'owner' ? `${prefix}_owner` : `${prefix}_year` };
  }
  return { line: firstLine, column: RELEASE_FIELD_COLUMNS[head] ?? null };
}
