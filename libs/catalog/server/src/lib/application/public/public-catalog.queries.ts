import { Inject, Injectable } from '@nestjs/common';
import {
  CATALOG_ERROR_CODES,
  type LocalizedText,
  PUBLIC_CATALOG_PATH,
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  type PublicTrack,
  type ReleaseDraft,
  type ReleaseSchedule,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { type Page } from '@bandstand/shared/contracts';
import { keysetPage } from '@bandstand/shared/http';
import { KERNEL_CLOCK, type KernelClock, KernelDatabase } from '@bandstand/shared/event-store';
import { visibleReleaseCondition } from '../releases/release-visibility.sql';

/** Most releases an artist page lists (newest first); the contract has no paging for them. */
export const MAX_ARTIST_RELEASES = 200;

/** The path fans load an artwork from; the api checks its release is visible to them. */
export function publicArtworkUrl(assetId: string | null): string | null {
  return assetId === null ? null : `${PUBLIC_CATALOG_PATH}/artwork/${encodeURIComponent(assetId)}`;
}

/** A cursor of the public release list: the previous page's last release date (ms) and id. */
export interface PublicReleaseCursor {
  readonly releaseMs: number;
  readonly releaseId: string;
}

/** The shape a cursor of the public release list has (`<epoch ms>.<release id>`). */
export const PUBLIC_RELEASE_CURSOR_PATTERN = /^[0-9]{1,15}\.[A-Za-z0-9_-]{1,100}$/;

/** The cursor of the page that follows the release `cursor` names. */
export function encodeReleaseCursor(cursor: PublicReleaseCursor): string {
  return `${cursor.releaseMs}.${cursor.releaseId}`;
}

/** A cursor handed out by {@link encodeReleaseCursor}; the DTO has checked its shape. */
export function decodeReleaseCursor(cursor: string): PublicReleaseCursor {
  const dot = cursor.indexOf('.');
  return { releaseMs: Number(cursor.slice(0, dot)), releaseId: cursor.slice(dot + 1) };
}

function iso(expression: string): string {
  return `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * SQL for the release moment of release `alias` in territory `$territory`: the territory's own
 * release moment when the schedule has one, else the schedule's (as `releaseMomentIn` decides it).
 */
function releaseDateSql(alias: string, territory: string): string {
  return `coalesce(
    (select (own_release->>'releaseAt')::timestamptz
       from jsonb_array_elements(coalesce(${alias}.schedule->'territoryReleases', '[]'::jsonb)) own_release
      where own_release->>'territory' = ${territory}::text limit 1),
    (${alias}.schedule->>'releaseAt')::timestamptz,
    ${alias}.released_at)`;
}

interface SummaryRow {
  readonly release_id: string;
  readonly published: ReleaseDraft;
  readonly release_date: string;
  readonly release_ms: string;
}

interface ReleaseRow {
  readonly release_id: string;
  readonly org_id: string;
  readonly published: ReleaseDraft;
  readonly schedule: ReleaseSchedule;
  readonly release_date: string;
}

interface ArtistRow {
  readonly artist_id: string;
  readonly org_id: string;
  readonly name: LocalizedText;
  readonly country: string | null;
  readonly bio: string | null;
}

function summaryOf(row: SummaryRow): PublicReleaseSummary {
  return {
    releaseId: row.release_id,
    type: row.published.type,
    title: row.published.title,
    displayArtist: row.published.displayArtist,
    releaseDate: row.release_date,
    artworkUrl: publicArtworkUrl(row.published.artworkAssetId),
    trackCount: row.published.tracks.length,
  };
}

/** The tracks in play order (disc by disc, keeping their order in the version), numbered per disc. */
function publicTracks(tracks: readonly TrackDraft[]): PublicTrack[] {
  const ordered = tracks
    .map((track, index) => ({ track, index }))
    .sort((a, b) => a.track.disc - b.track.disc || a.index - b.index);
  const numbers = new Map<number, number>();
  return ordered.map(({ track }) => {
    const position = (numbers.get(track.disc) ?? 0) + 1;
    numbers.set(track.disc, position);
    return {
      trackId: track.trackId,
      position,
      disc: track.disc,
      title: track.title,
      versionTitle: track.versionTitle,
      displayArtist: track.displayArtist,
      isrc: track.isrc,
      durationMs: track.durationMs,
      parentalWarning: track.parentalWarning,
      contributors: track.contributors,
    };
  });
}

function releaseNotVisible(): CatalogError {
  // The same answer as for an id that never existed: an embargo must not reveal that a release is coming.
  return new CatalogError(CATALOG_ERROR_CODES.releaseNotFound, 'No such release', { status: 404 });
}

/**
 * The public catalog fans browse: only releases visible in the viewer's territory at the kernel
 * clock's now (`visibleReleaseCondition`), and of those only the newest published version — drafts
 * never leave the organisation.
 */
@Injectable()
export class PublicCatalogQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** Visible releases, newest release date (in `territory`) first, a cursor page at a time. */
  async releases(
    territory: string,
    cursor: PublicReleaseCursor | null,
    limit: number,
  ): Promise<Page<PublicReleaseSummary>> {
    const rows = await this.summaries(territory, { after: cursor, limit: limit + 1 });
    return keysetPage(rows, limit, summaryOf, (last) =>
      encodeReleaseCursor({ releaseMs: Number(last.release_ms), releaseId: last.release_id }),
    );
  }

  /** One visible release as fans see it in `territory`; 404 when it is not visible (or not there). */
  async release(releaseId: string, territory: string): Promise<PublicRelease> {
    const rows = await this.db.query<ReleaseRow>(
      `select r.release_id, r.org_id, r.published, r.schedule, ${iso(releaseDateSql('r', '$1'))} as release_date
         from catalog.releases r
        where r.release_id = $3 and ${visibleReleaseCondition('r', '$1', '$2')}`,
      [territory, this.now(), releaseId],
    );
    const row = rows[0];
    if (row === undefined) throw releaseNotVisible();
    const published = row.published;
    const artists = await this.db.query<{ artist_id: string; name: LocalizedText }>(
      'select artist_id, name from catalog.artists where org_id = $1 and artist_id = any($2::text[])',
      [row.org_id, published.artistIds],
    );
    const names = new Map(artists.map((artist) => [artist.artist_id, artist.name]));
    return {
      releaseId: row.release_id,
      type: published.type,
      title: published.title,
      versionTitle: published.versionTitle,
      displayArtist: published.displayArtist,
      artists: published.artistIds.flatMap((artistId) => {
        const name = names.get(artistId);
        return name === undefined ? [] : [{ artistId, name }];
      }),
      upc: published.upc,
      labelName: published.labelName,
      genre: published.genre,
      parentalWarning: published.parentalWarning,
      languages: published.languages,
      pLine: published.pLine,
      cLine: published.cLine,
      releaseDate: row.release_date,
      territories: row.schedule.territories,
      excludedTerritories: row.schedule.excludedTerritories,
      territory,
      artworkUrl: publicArtworkUrl(published.artworkAssetId),
      contributors: published.contributors,
      tracks: publicTracks(published.tracks),
    };
  }

  /**
   * An artist with the releases visible in `territory` that name them as a main artist (newest
   * first, at most {@link MAX_ARTIST_RELEASES}). An artist with none is 404, like an unknown one:
   * a profile set up for a release still under embargo must not announce it.
   */
  async artist(artistId: string, territory: string): Promise<PublicArtist> {
    const artists = await this.db.query<ArtistRow>(
      'select artist_id, org_id, name, country, bio from catalog.artists where artist_id = $1',
      [artistId],
    );
    const artist = artists[0];
    const releases =
      artist === undefined
        ? []
        : await this.summaries(territory, {
            after: null,
            limit: MAX_ARTIST_RELEASES,
            releaseFilter: `r.org_id = $5 and r.published->'artistIds' @> jsonb_build_array($6::text)`,
            params: [artist.org_id, artist.artist_id],
          });
    if (artist === undefined || releases.length === 0) {
      throw new CatalogError(CATALOG_ERROR_CODES.artistNotFound, 'No such artist', { status: 404 });
    }
    return {
      artistId: artist.artist_id,
      name: artist.name,
      country: artist.country,
      bio: artist.bio,
      releases: releases.map(summaryOf),
    };
  }

  /**
   * Whether `assetId` is the artwork of the published version of a release visible in `territory`:
   * only then may fans load it (an upload for a coming release, or a draft's new cover, stays private).
   */
  async isVisibleArtwork(assetId: string, territory: string): Promise<boolean> {
    const rows = await this.db.query<{ found: number }>(
      `select 1 as found from catalog.releases r
        where r.published->>'artworkAssetId' = $3 and ${visibleReleaseCondition('r', '$1', '$2')}
        limit 1`,
      [territory, this.now(), assetId],
    );
    return rows.length > 0;
  }

  /**
   * Visible releases in `territory` newest first, after `after`; `releaseFilter` narrows them with SQL
   * on the release row `r` whose parameters (`params`) are numbered from $5.
   */
  private summaries(
    territory: string,
    options: {
      readonly after: PublicReleaseCursor | null;
      readonly limit: number;
      readonly releaseFilter?: string;
      readonly params?: readonly unknown[];
    },
  ): Promise<SummaryRow[]> {
    return this.db.query<SummaryRow>(
      `select v.release_id, v.published, ${iso('v.release_date')} as release_date, v.release_ms::text as release_ms
         from (
           select r.release_id, r.published, dated.release_date,
                  floor(extract(epoch from dated.release_date) * 1000)::bigint as release_ms
             from catalog.releases r
             cross join lateral (select ${releaseDateSql('r', '$1')} as release_date) dated
            where ${visibleReleaseCondition('r', '$1', '$2')} and (${options.releaseFilter ?? 'true'})
         ) v
        where $3::bigint is null or (v.release_ms, v.release_id) < ($3::bigint, $4::text)
        order by v.release_ms desc, v.release_id desc
        limit ${options.limit}`,
      [
        territory,
        this.now(),
        options.after?.releaseMs ?? null,
        options.after?.releaseId ?? null,
        ...(options.params ?? []),
      ],
    );
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
