import { Inject, Injectable } from '@nestjs/common';
import { type Page } from '@bandstand/shared/contracts';
import { decodeCursor, encodeCursor, keysetPage } from '@bandstand/shared/http';
import { EventStore, KernelDatabase, type StoredEvent } from '@bandstand/shared/event-store';
import {
  type CalendarEntry,
  CATALOG_ERROR_CODES,
  type LocalizedText,
  type ParentalWarning,
  type ReleaseComparison,
  type ReleaseDetail,
  type ReleaseDraft,
  type ReleaseHistoryEntry,
  type ReleaseRef,
  type ReleaseSchedule,
  type ReleaseStatus,
  type ReleaseSummary,
  type ReleaseType,
  type ReleaseVersion,
  type ReleaseVersionSummary,
  type RevisionSource,
  type TrackSummary,
} from '@bandstand/catalog/contracts';
import { CatalogError, compareDrafts, type ReleaseEvent } from '@bandstand/catalog/domain';
import { exactUtc, isoUtc, likeLiteral } from './catalog-sql';
import { releaseNotFound, releaseStreamId } from './release-stream';

/** Longest calendar range one request may ask for. */
export const MAX_CALENDAR_DAYS = 366;

interface SummaryRow {
  readonly release_id: string;
  readonly org_id: string;
  readonly type: ReleaseType;
  readonly title_json: LocalizedText;
  readonly display_artist: string;
  readonly upc: string | null;
  readonly status: ReleaseStatus;
  readonly release_at: string | null;
  readonly track_count: number;
  readonly revision: number;
  readonly version: number;
  readonly has_draft_changes: boolean;
  readonly artwork_asset_id: string | null;
  readonly updated_at: string;
  readonly cursor_at: string;
}

interface DetailRow extends SummaryRow {
  readonly draft: ReleaseDraft;
  readonly schedule: ReleaseSchedule | null;
  readonly takedown_reason: string | null;
  readonly created_at: string;
}

interface VersionRow {
  readonly version: number;
  readonly revision: number;
  readonly published_at: string;
  readonly published_by: string;
  readonly note: string | null;
}

interface TrackRow {
  readonly track_id: string;
  readonly release_id: string;
  readonly release_title: string;
  readonly release_status: ReleaseStatus;
  readonly position: number;
  readonly disc: number;
  readonly title_json: LocalizedText;
  readonly version_title: string | null;
  readonly display_artist: string;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly duration_ms: number | null;
  readonly genre: string | null;
  readonly parental_warning: ParentalWarning;
  readonly language: string | null;
}

function summaryColumns(alias: string): string {
  return `${alias}.release_id, ${alias}.org_id, ${alias}.type, ${alias}.draft->'title' as title_json,
    ${alias}.display_artist, ${alias}.upc, ${alias}.status, ${isoUtc(`${alias}.release_at`)} as release_at,
    ${alias}.track_count, ${alias}.revision, ${alias}.version, ${alias}.has_draft_changes,
    ${alias}.artwork_asset_id, ${isoUtc(`${alias}.updated_at`)} as updated_at,
    ${exactUtc(`${alias}.updated_at`)} as cursor_at`;
}

function toSummary(row: SummaryRow): ReleaseSummary {
  return {
    releaseId: row.release_id,
    orgId: row.org_id,
    type: row.type,
    title: row.title_json,
    displayArtist: row.display_artist,
    upc: row.upc,
    status: row.status,
    releaseAt: row.release_at,
    trackCount: row.track_count,
    revision: row.revision,
    version: row.version,
    hasDraftChanges: row.has_draft_changes,
    artworkAssetId: row.artwork_asset_id,
    updatedAt: row.updated_at,
  };
}

function toVersionSummary(row: VersionRow): ReleaseVersionSummary {
  return {
    version: row.version,
    revision: row.revision,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    note: row.note,
  };
}

const HISTORY_TYPES: Record<ReleaseEvent['type'], ReleaseHistoryEntry['type']> = {
  ReleaseCreated: 'created',
  ReleaseDraftRevised: 'revised',
  ReleaseVersionPublished: 'published',
  ReleaseScheduled: 'scheduled',
  ReleaseUnscheduled: 'unscheduled',
  ReleaseReleased: 'released',
  ReleaseTakenDown: 'taken-down',
  ReleaseReinstated: 'reinstated',
  ReleaseDeleted: 'deleted',
};

/** A release's history, oldest first: every event as an entry, revisions diffed against the one before. */
export function historyOf(events: readonly StoredEvent[]): ReleaseHistoryEntry[] {
  let revision = 0;
  let previous: ReleaseDraft | null = null;
  return events.map((stored) => {
    const event = { type: stored.type, data: stored.data } as ReleaseEvent;
    let changes: ReleaseHistoryEntry['changes'] = [];
    let source: RevisionSource | null = null;
    let planId: string | null = null;
    let version: number | null = null;
    let note: string | null = null;
    switch (event.type) {
      case 'ReleaseCreated':
        revision = 1;
        changes = compareDrafts(null, event.data.draft);
        previous = event.data.draft;
        source = event.data.source;
        planId = event.data.planId;
        break;
      case 'ReleaseDraftRevised':
        revision = event.data.revision;
        changes = compareDrafts(previous, event.data.draft);
        previous = event.data.draft;
        source = event.data.source;
        planId = event.data.planId;
        break;
      case 'ReleaseVersionPublished':
        version = event.data.version;
        note = event.data.note;
        break;
      case 'ReleaseTakenDown':
        note = event.data.reason;
        break;
      default:
        break;
    }
    return {
      sequence: stored.streamVersion,
      type: HISTORY_TYPES[event.type],
      at: stored.recordedAt.toISOString(),
      actor: stored.metadata.actor,
      revision,
      version,
      source,
      planId,
      changes,
      note,
    };
  });
}

/** The draft at each revision, from a release's events. */
function draftsByRevision(events: readonly StoredEvent[]): Map<number, ReleaseDraft> {
  const drafts = new Map<number, ReleaseDraft>();
  for (const stored of events) {
    const event = { type: stored.type, data: stored.data } as ReleaseEvent;
    if (event.type === 'ReleaseCreated') drafts.set(1, event.data.draft);
    if (event.type === 'ReleaseDraftRevised') drafts.set(event.data.revision, event.data.draft);
  }
  return drafts;
}

function parseRef(ref: string, field: string): { kind: 'draft' } | { kind: 'v' | 'r'; n: number } {
  if (ref === 'draft') return { kind: 'draft' };
  const match = /^([vr])([1-9][0-9]{0,8})$/.exec(ref);
  const kind = match?.[1];
  const n = match?.[2];
  if ((kind !== 'v' && kind !== 'r') || n === undefined) {
    throw new CatalogError(
      CATALOG_ERROR_CODES.versionNotFound,
      `${field} must be "draft", "v<version>" or "r<revision>"`,
      { status: 400, field },
    );
  }
  return { kind, n: Number(n) };
}

function versionNotFound(field: string, ref: string): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.versionNotFound, `The release has no ${ref}`, {
    status: 404,
    field,
  });
}

function calendarEntries(row: {
  readonly release_id: string;
  readonly title: string;
  readonly display_artist: string;
  readonly status: ReleaseStatus;
  readonly schedule: ReleaseSchedule;
}): CalendarEntry[] {
  const base = {
    releaseId: row.release_id,
    title: row.title,
    displayArtist: row.display_artist,
    status: row.status,
  };
  return [
    { ...base, kind: 'release', territory: null, at: row.schedule.releaseAt, until: null },
    ...row.schedule.territoryReleases.map((each): CalendarEntry => ({
      ...base,
      kind: 'territory-release',
      territory: each.territory,
      at: each.releaseAt,
      until: null,
    })),
    ...row.schedule.embargoes.map((each): CalendarEntry => ({
      ...base,
      kind: 'embargo',
      territory: each.territory,
      at: each.from,
      until: each.until,
    })),
  ];
}

/** Filters of {@link ReleasesQueries.list}. */
export interface ReleaseListFilter {
  readonly status?: ReleaseStatus;
  readonly artistId?: string;
}

/** Filters of {@link ReleasesQueries.tracks}. */
export interface TrackListFilter {
  readonly releaseId?: string;
  readonly q?: string;
}

/**
 * The releases area's read side for an organisation's team: releases, versions, history, comparisons,
 * tracks and the calendar, from the inline read models and the release streams. Every lookup is scoped
 * to the organisation: another organisation's ids are not found.
 */
@Injectable()
export class ReleasesQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  /** The organisation's releases, most recently changed first, a cursor page at a time. */
  async list(
    orgId: string,
    filter: ReleaseListFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ReleaseSummary>> {
    const params: unknown[] = [orgId];
    const where = ['r.org_id = $1'];
    if (filter.status !== undefined) {
      params.push(filter.status);
      where.push(`r.status = $${params.length}`);
    }
    if (filter.artistId !== undefined) {
      params.push([filter.artistId]);
      where.push(`r.artist_ids @> $${params.length}::text[]`);
    }
    if (cursor !== undefined) {
      const [at, releaseId] = decodeCursor(cursor, ['s', 's'] as const);
      params.push(at, releaseId);
      where.push(
        `(r.updated_at < $${params.length - 1}::timestamptz
          or (r.updated_at = $${params.length - 1}::timestamptz and r.release_id > $${params.length}))`,
      );
    }
    params.push(limit + 1);
    const rows = await this.db.query<SummaryRow>(
      `select ${summaryColumns('r')} from catalog.releases r where ${where.join(' and ')}
        order by r.updated_at desc, r.release_id limit $${params.length}`,
      params,
    );
    return keysetPage(rows, limit, toSummary, (last) => encodeCursor([last.cursor_at, last.release_id]));
  }

  /** One release of the organisation with its draft, schedule and versions; 404 otherwise. */
  async detail(orgId: string, releaseId: string): Promise<ReleaseDetail> {
    const rows = await this.db.query<DetailRow>(
      `select ${summaryColumns('r')}, r.draft, r.schedule, r.takedown_reason, ${isoUtc('r.created_at')} as created_at
         from catalog.releases r where r.org_id = $1 and r.release_id = $2`,
      [orgId, releaseId],
    );
    const row = rows[0];
    if (row === undefined) throw releaseNotFound();
    return {
      ...toSummary(row),
      draft: row.draft,
      schedule: row.schedule,
      versions: await this.versionRows(releaseId),
      takedownReason: row.takedown_reason,
      createdAt: row.created_at,
    };
  }

  /** The release's published versions, newest first. */
  async versions(orgId: string, releaseId: string): Promise<ReleaseVersionSummary[]> {
    await this.ensureRelease(orgId, releaseId);
    return this.versionRows(releaseId);
  }

  /** One published version with its metadata; CATALOG.VERSION_NOT_FOUND (404) otherwise. */
  async version(orgId: string, releaseId: string, version: number): Promise<ReleaseVersion> {
    await this.ensureRelease(orgId, releaseId);
    const rows = await this.db.query<VersionRow & { draft: ReleaseDraft }>(
      `select version, revision, ${isoUtc('published_at')} as published_at, published_by, note, draft
         from catalog.release_versions where release_id = $1 and version = $2`,
      [releaseId, version],
    );
    const row = rows[0];
    if (row === undefined) throw versionNotFound('version', `version ${version}`);
    return { ...toVersionSummary(row), releaseId, draft: row.draft };
  }

  /** Every event of the release as a history entry, newest first, a cursor page at a time. */
  async history(
    orgId: string,
    releaseId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ReleaseHistoryEntry>> {
    await this.ensureRelease(orgId, releaseId);
    const before = cursor === undefined ? Number.POSITIVE_INFINITY : decodeCursor(cursor, ['n'] as const)[0];
    const { events } = await this.store.readStream(releaseStreamId(releaseId));
    const newestFirst = historyOf(events)
      .reverse()
      .filter((entry) => entry.sequence < before);
    return keysetPage(
      newestFirst,
      limit,
      (entry) => entry,
      (last) => encodeCursor([last.sequence]),
    );
  }

  /** What changed between two states of the release (`draft`, `v<N>`, `r<N>`). */
  async compare(orgId: string, releaseId: string, from: string, to: string): Promise<ReleaseComparison> {
    const fromRef = parseRef(from, 'from');
    const toRef = parseRef(to, 'to');
    const current = await this.db.query<{ draft: ReleaseDraft }>(
      'select draft from catalog.releases where org_id = $1 and release_id = $2',
      [orgId, releaseId],
    );
    const draft = current[0]?.draft;
    if (draft === undefined) throw releaseNotFound();
    let revisions: Map<number, ReleaseDraft> | undefined;
    const resolve = async (
      ref: ReturnType<typeof parseRef>,
      field: string,
      text: string,
    ): Promise<ReleaseDraft> => {
      if (ref.kind === 'draft') return draft;
      if (ref.kind === 'v') {
        const rows = await this.db.query<{ draft: ReleaseDraft }>(
          'select draft from catalog.release_versions where release_id = $1 and version = $2',
          [releaseId, ref.n],
        );
        const found = rows[0]?.draft;
        if (found === undefined) throw versionNotFound(field, `version ${ref.n}`);
        return found;
      }
      revisions ??= draftsByRevision((await this.store.readStream(releaseStreamId(releaseId))).events);
      const found = revisions.get(ref.n);
      if (found === undefined) throw versionNotFound(field, `revision ${text.slice(1)}`);
      return found;
    };
    const before = await resolve(fromRef, 'from', from);
    const after = await resolve(toRef, 'to', to);
    return { from: from as ReleaseRef, to: to as ReleaseRef, changes: compareDrafts(before, after) };
  }

  /** The organisation's tracks (of drafts), by release title, release and position, a cursor page at a time. */
  async tracks(
    orgId: string,
    filter: TrackListFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<TrackSummary>> {
    const params: unknown[] = [orgId];
    const where = ['t.org_id = $1'];
    if (filter.releaseId !== undefined) {
      params.push(filter.releaseId);
      where.push(`t.release_id = $${params.length}`);
    }
    const q = filter.q?.trim();
    if (q !== undefined && q !== '') {
      params.push(`%${likeLiteral(q)}%`, q.replace(/[-\s]/g, '').toUpperCase());
      const pattern = `$${params.length - 1}`;
      where.push(
        `(t.title ilike ${pattern} or t.display_artist ilike ${pattern} or t.version_title ilike ${pattern}
          or t.isrc = $${params.length})`,
      );
    }
    if (cursor !== undefined) {
      const [title, releaseId, position] = decodeCursor(cursor, ['s', 's', 'n'] as const);
      params.push(title, releaseId, position);
      where.push(
        `(r.title, t.release_id, t.position) > ($${params.length - 2}, $${params.length - 1}, $${params.length})`,
      );
    }
    params.push(limit + 1);
    const rows = await this.db.query<TrackRow>(
      `select t.track_id, t.release_id, r.title as release_title, r.status as release_status, t.position, t.disc,
              t.title_json, t.version_title, t.display_artist, t.isrc, t.iswc, t.duration_ms, t.genre,
              t.parental_warning, t.language
         from catalog.release_tracks t join catalog.releases r using (release_id)
        where ${where.join(' and ')}
        order by r.title, t.release_id, t.position limit $${params.length}`,
      params,
    );
    return keysetPage(
      rows,
      limit,
      (row) => ({
        trackId: row.track_id,
        releaseId: row.release_id,
        releaseTitle: row.release_title,
        releaseStatus: row.release_status,
        position: row.position,
        disc: row.disc,
        title: row.title_json,
        versionTitle: row.version_title,
        displayArtist: row.display_artist,
        isrc: row.isrc,
        iswc: row.iswc,
        durationMs: row.duration_ms,
        genre: row.genre,
        parentalWarning: row.parental_warning,
        language: row.language,
      }),
      (last) => encodeCursor([last.release_title, last.release_id, last.position]),
    );
  }

  /**
   * The release calendar: release moments, territories' own moments and embargo windows of the
   * organisation's scheduled releases touching [from, to), in time order. At most a year at once.
   */
  async calendar(orgId: string, from: string, to: string): Promise<CalendarEntry[]> {
    const start = new Date(from).getTime();
    const end = new Date(to).getTime();
    if (!(end > start)) {
      throw new CatalogError(CATALOG_ERROR_CODES.invalidQuery, 'to must be after from', {
        status: 400,
        field: 'to',
      });
    }
    if (end - start > MAX_CALENDAR_DAYS * 86_400_000) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.invalidQuery,
        `The calendar shows at most ${MAX_CALENDAR_DAYS} days at once`,
        {
          status: 400,
          field: 'to',
        },
      );
    }
    const rows = await this.db.query<{
      release_id: string;
      title: string;
      display_artist: string;
      status: ReleaseStatus;
      schedule: ReleaseSchedule;
    }>(
      `select release_id, title, display_artist, status, schedule from catalog.releases
        where org_id = $1 and schedule is not null`,
      [orgId],
    );
    const touches = (entry: CalendarEntry): boolean => {
      const at = new Date(entry.at).getTime();
      const until = entry.until === null ? at : new Date(entry.until).getTime();
      return entry.until === null ? at >= start && at < end : at < end && until > start;
    };
    return rows
      .flatMap(calendarEntries)
      .filter(touches)
      .sort(
        (a, b) =>
          new Date(a.at).getTime() - new Date(b.at).getTime() ||
          (a.releaseId < b.releaseId ? -1 : a.releaseId > b.releaseId ? 1 : 0),
      );
  }

  private async ensureRelease(orgId: string, releaseId: string): Promise<void> {
    const rows = await this.db.query<{ release_id: string }>(
      'select release_id from catalog.releases where org_id = $1 and release_id = $2',
      [orgId, releaseId],
    );
    if (rows.length === 0) throw releaseNotFound();
  }

  private async versionRows(releaseId: string): Promise<ReleaseVersionSummary[]> {
    const rows = await this.db.query<VersionRow>(
      `select version, revision, ${isoUtc('published_at')} as published_at, published_by, note
         from catalog.release_versions where release_id = $1 order by version desc`,
      [releaseId],
    );
    return rows.map(toVersionSummary);
  }
}
