import { Injectable } from '@nestjs/common';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { type FieldError } from '@bandstand/shared/contracts';
import { CATALOG_ERROR_CODES, type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import {
  availabilityWindows,
  CatalogError,
  draftsEqual,
  RELEASE_EVENT_TYPES,
  type ReleaseEvent,
} from '@bandstand/catalog/domain';
import { releaseIdOfStream } from './release-stream';

/** Where a draft sits in request bodies: conflicts are reported under it (`draft.tracks.2.isrc`). */
export const DRAFT_FIELD = 'draft';

interface CurrentRow {
  readonly org_id: string;
  readonly draft: ReleaseDraft;
  readonly published: ReleaseDraft | null;
  readonly schedule: ReleaseSchedule | null;
  readonly version: number;
}

function isrcsOf(draft: ReleaseDraft | null): string[] {
  if (draft === null) return [];
  return draft.tracks.flatMap((track) => (track.isrc === null ? [] : [track.isrc]));
}

// Claims are taken in one order everywhere (sorted), so that two writers never wait on each other in a cycle.
function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * catalog.releases, release_tracks, release_versions, release_availability and the identifier owners,
 * kept inside each release command's transaction. The owners make UPCs and ISRCs unique platform-wide
 * without a race: a claim is an insert on the identifier's primary key, so a concurrent claim of the
 * same identifier waits for the first transaction and then sees its owner (and the command fails), or
 * takes it when the first one rolled back.
 */
@Injectable()
@InlineProjection({ name: 'catalog.releases', eventTypes: RELEASE_EVENT_TYPES })
export class ReleasesProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) await this.apply(stored, tx);
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query(
      `truncate catalog.release_availability, catalog.release_versions, catalog.release_tracks,
         catalog.releases, catalog.isrc_owners, catalog.upc_owners`,
    );
  }

  private async apply(stored: StoredEvent, tx: KernelTransaction): Promise<void> {
    const releaseId = releaseIdOfStream(stored.streamId);
    const at = stored.recordedAt;
    const event = { type: stored.type, data: stored.data } as ReleaseEvent;
    switch (event.type) {
      case 'ReleaseCreated': {
        const { draft, orgId } = event.data;
        await tx.query(
          `insert into catalog.releases (release_id, org_id, status, type, title, display_artist, upc, artist_ids,
             revision, version, published_revision, has_draft_changes, draft, artwork_asset_id, track_count,
             created_at, updated_at)
           values ($1, $2, 'draft', $3, $4, $5, $6, $7, 1, 0, 0, true, $8, $9, $10, $11, $11)
           on conflict (release_id) do nothing`,
          [
            releaseId,
            orgId,
            draft.type,
            draft.title.text,
            draft.displayArtist,
            draft.upc,
            draft.artistIds,
            JSON.stringify(draft),
            draft.artworkAssetId,
            draft.tracks.length,
            at,
          ],
        );
        await this.writeDraft(tx, orgId, releaseId, null, draft, at);
        return;
      }
      case 'ReleaseDraftRevised': {
        const row = await this.current(tx, releaseId);
        const { draft } = event.data;
        await tx.query(
          `update catalog.releases set type = $2, title = $3, display_artist = $4, upc = $5, artist_ids = $6,
             revision = $7, has_draft_changes = $8, draft = $9, artwork_asset_id = $10, track_count = $11,
             updated_at = $12
           where release_id = $1`,
          [
            releaseId,
            draft.type,
            draft.title.text,
            draft.displayArtist,
            draft.upc,
            draft.artistIds,
            event.data.revision,
            row.published === null || !draftsEqual(draft, row.published),
            JSON.stringify(draft),
            draft.artworkAssetId,
            draft.tracks.length,
            at,
          ],
        );
        await this.writeDraft(tx, row.org_id, releaseId, row.draft, draft, at);
        return;
      }
      case 'ReleaseVersionPublished': {
        const row = await this.current(tx, releaseId);
        const { draft, version, revision, note } = event.data;
        await tx.query(
          `insert into catalog.release_versions (release_id, version, revision, published_at, published_by, note, draft)
           values ($1, $2, $3, $4, $5, $6, $7) on conflict (release_id, version) do nothing`,
          [releaseId, version, revision, at, stored.metadata.actor, note, JSON.stringify(draft)],
        );
        await tx.query(
          `update catalog.releases set published = $2, version = $3, published_revision = $4,
             has_draft_changes = $5, updated_at = $6
           where release_id = $1`,
          [releaseId, JSON.stringify(draft), version, revision, !draftsEqual(row.draft, draft), at],
        );
        await this.releaseUnusedClaims(tx, row.org_id, releaseId, isrcsOf(row.published));
        if (row.schedule !== null) await this.writeAvailability(tx, releaseId, row.schedule);
        return;
      }
      case 'ReleaseScheduled': {
        const { schedule } = event.data;
        const rows = await tx.query<{ version: number }>(
          `update catalog.releases set schedule = $2, release_at = $3,
             status = case when status = 'draft' then 'scheduled' else status end, updated_at = $4
           where release_id = $1 returning version`,
          [releaseId, JSON.stringify(schedule), schedule.releaseAt, at],
        );
        // Fans only ever see a published version: without one there is nothing to make visible.
        if ((rows[0]?.version ?? 0) > 0) await this.writeAvailability(tx, releaseId, schedule);
        return;
      }
      case 'ReleaseUnscheduled':
        await tx.query(
          `update catalog.releases set schedule = null, release_at = null, status = 'draft', updated_at = $2
           where release_id = $1`,
          [releaseId, at],
        );
        await tx.query('delete from catalog.release_availability where release_id = $1', [releaseId]);
        return;
      case 'ReleaseReleased':
        await tx.query(
          `update catalog.releases set status = 'released', released_at = $2, updated_at = $3 where release_id = $1`,
          [releaseId, event.data.releasedAt, at],
        );
        return;
      case 'ReleaseTakenDown':
        // The availability rows stay: the status hides the release, and a reinstatement restores it as it was.
        await tx.query(
          `update catalog.releases set status_before_takedown = status, status = 'taken-down',
             takedown_reason = $2, updated_at = $3
           where release_id = $1`,
          [releaseId, event.data.reason, at],
        );
        return;
      case 'ReleaseReinstated':
        await tx.query(
          `update catalog.releases set status = coalesce(status_before_takedown, 'released'),
             status_before_takedown = null, takedown_reason = null, updated_at = $2
           where release_id = $1`,
          [releaseId, at],
        );
        return;
      case 'ReleaseDeleted': {
        const row = await this.current(tx, releaseId);
        // Tracks, versions and availability go with the release (on delete cascade).
        await tx.query('delete from catalog.releases where release_id = $1', [releaseId]);
        await this.releaseUnusedClaims(tx, row.org_id, releaseId, [
          ...isrcsOf(row.draft),
          ...isrcsOf(row.published),
        ]);
        return;
      }
    }
  }

  private async current(tx: KernelTransaction, releaseId: string): Promise<CurrentRow> {
    const rows = await tx.query<CurrentRow>(
      'select org_id, draft, published, schedule, version from catalog.releases where release_id = $1',
      [releaseId],
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`catalog.releases has no row for release ${releaseId}`);
    return row;
  }

  /** Claims the draft's identifiers, replaces its track rows, and lets go of identifiers it dropped. */
  private async writeDraft(
    tx: KernelTransaction,
    orgId: string,
    releaseId: string,
    previous: ReleaseDraft | null,
    draft: ReleaseDraft,
    at: Date,
  ): Promise<void> {
    await this.claimIsrcs(tx, orgId, draft, at);
    await this.claimUpc(tx, orgId, releaseId, draft, at);
    await tx.query('delete from catalog.release_tracks where release_id = $1', [releaseId]);
    if (draft.tracks.length > 0) {
      await tx.query(
        `insert into catalog.release_tracks (track_id, release_id, org_id, position, disc, title, title_json,
           version_title, display_artist, isrc, iswc, duration_ms, genre, parental_warning, language)
         select t.track_id, $1, $2, t.position, t.disc, t.title_json->>'text', t.title_json, t.version_title,
                t.display_artist, t.isrc, t.iswc, t.duration_ms, t.genre, t.parental_warning, t.language
           from jsonb_to_recordset($3::jsonb) as t(track_id text, position integer, disc integer, title_json jsonb,
                version_title text, display_artist text, isrc text, iswc text, duration_ms integer, genre text,
                parental_warning text, language text)`,
        [
          releaseId,
          orgId,
          JSON.stringify(
            draft.tracks.map((track, index) => ({
              track_id: track.trackId,
              position: index + 1,
              disc: track.disc,
              title_json: track.title,
              version_title: track.versionTitle,
              display_artist: track.displayArtist,
              isrc: track.isrc,
              iswc: track.iswc,
              duration_ms: track.durationMs,
              genre: track.genre,
              parental_warning: track.parentalWarning,
              language: track.language,
            })),
          ),
        ],
      );
    }
    const dropped = isrcsOf(previous).filter((isrc) => !isrcsOf(draft).includes(isrc));
    await this.releaseUnusedClaims(tx, orgId, releaseId, dropped);
  }

  private async claimIsrcs(
    tx: KernelTransaction,
    orgId: string,
    draft: ReleaseDraft,
    at: Date,
  ): Promise<void> {
    const isrcs = sortedUnique(isrcsOf(draft));
    if (isrcs.length === 0) return;
    await tx.query(
      `insert into catalog.isrc_owners (isrc, org_id, claimed_at)
       select isrc, $2, $3 from unnest($1::text[]) with ordinality as claim(isrc, n) order by n
       on conflict (isrc) do nothing`,
      [isrcs, orgId, at],
    );
    const taken = await tx.query<{ isrc: string }>(
      'select isrc from catalog.isrc_owners where isrc = any($1::text[]) and org_id <> $2',
      [isrcs, orgId],
    );
    if (taken.length === 0) return;
    const takenSet = new Set(taken.map((row) => row.isrc));
    const errors: FieldError[] = draft.tracks.flatMap((track, index) =>
      track.isrc !== null && takenSet.has(track.isrc)
        ? [
            {
              field: `${DRAFT_FIELD}.tracks.${index}.isrc`,
              code: CATALOG_ERROR_CODES.duplicateIsrc,
              message: `ISRC ${track.isrc} belongs to another organisation's recording`,
            },
          ]
        : [],
    );
    throw new CatalogError(
      CATALOG_ERROR_CODES.duplicateIsrc,
      `${errors.length === 1 ? 'An ISRC' : 'ISRCs'} of this release belong to another organisation`,
      { status: 409, ...(errors[0] === undefined ? {} : { field: errors[0].field }), errors },
    );
  }

  private async claimUpc(
    tx: KernelTransaction,
    orgId: string,
    releaseId: string,
    draft: ReleaseDraft,
    at: Date,
  ): Promise<void> {
    if (draft.upc === null) return;
    await tx.query(
      `insert into catalog.upc_owners (upc, org_id, release_id, claimed_at) values ($1, $2, $3, $4)
       on conflict (upc) do nothing`,
      [draft.upc, orgId, releaseId, at],
    );
    const owners = await tx.query<{ release_id: string }>(
      'select release_id from catalog.upc_owners where upc = $1',
      [draft.upc],
    );
    if (owners[0] !== undefined && owners[0].release_id !== releaseId) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.duplicateUpc,
        `UPC ${draft.upc} belongs to another release`,
        { status: 409, field: `${DRAFT_FIELD}.upc` },
      );
    }
  }

  /**
   * Lets go of identifiers the release no longer uses: its UPC claim unless its draft or newest version
   * carries it, and those of `candidates` (ISRCs it dropped) that no draft or newest version of the
   * organisation uses any more.
   */
  private async releaseUnusedClaims(
    tx: KernelTransaction,
    orgId: string,
    releaseId: string,
    candidates: readonly string[],
  ): Promise<void> {
    await tx.query(
      `delete from catalog.upc_owners o where o.release_id = $1
         and not exists (select 1 from catalog.releases r where r.release_id = $1
                          and (r.draft->>'upc' = o.upc or r.published->>'upc' = o.upc))`,
      [releaseId],
    );
    const unique = sortedUnique(candidates);
    if (unique.length === 0) return;
    await tx.query(
      `delete from catalog.isrc_owners o where o.org_id = $1 and o.isrc = any($2::text[])
         and not exists (select 1 from catalog.release_tracks t where t.isrc = o.isrc and t.org_id = $1)
         and not exists (select 1 from catalog.releases r where r.org_id = $1
                          and r.published @> jsonb_build_object('tracks', jsonb_build_array(jsonb_build_object('isrc', o.isrc))))`,
      [orgId, unique],
    );
  }

  /** Replaces the release's availability windows with those of `schedule`. */
  private async writeAvailability(
    tx: KernelTransaction,
    releaseId: string,
    schedule: ReleaseSchedule,
  ): Promise<void> {
    await tx.query('delete from catalog.release_availability where release_id = $1', [releaseId]);
    const windows = availabilityWindows(schedule);
    if (windows.length === 0) return;
    await tx.query(
      `insert into catalog.release_availability (release_id, territory, opens_at, closes_at)
       select $1, w.territory, coalesce(w.opens_at, 'infinity'), w.closes_at
         from jsonb_to_recordset($2::jsonb) as w(territory text, opens_at timestamptz, closes_at timestamptz)
       on conflict (release_id, territory, opens_at) do nothing`,
      [
        releaseId,
        JSON.stringify(
          windows.map((window) => ({
            territory: window.territory,
            opens_at: window.opensAt,
            closes_at: window.closesAt,
          })),
        ),
      ],
    );
  }
}
