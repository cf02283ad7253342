import { type FieldError } from '@bandstand/shared/contracts';
import {
  type AssetKind,
  type Contributor,
  type CopyrightLine,
  type FieldChange,
  type LocalizedText,
  type LocalizedTextInput,
  type ParentalWarning,
  type ReleaseDraft,
  type ReleaseDraftInput,
  type ReleaseSchedule,
  type ReleaseStatus,
  type ReleaseType,
  type RevisionSource,
} from './catalog-model';

/** An organisation's catalog, for its team: `/api/v1/orgs/:orgId/catalog/...`. */
export function orgCatalogPath(orgId: string): string {
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/catalog`;
}
/** The public catalog fans browse (released, visible in the viewer's territory). */
export const PUBLIC_CATALOG_PATH = '/api/v1/catalog';

/**
 * Request header carrying the viewer's territory (ISO 3166-1 alpha-2), set by the edge from the
 * client's address. The api trusts it only as far as `CATALOG_TERRITORY_HEADER` says; see catalog.md.
 */
export const TERRITORY_HEADER = 'x-bandstand-territory';

/** Most ids a batch edit may select. */
export const MAX_BATCH_ITEMS = 20_000;
/** Largest import (all files together), in bytes. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Largest artwork and audio uploads, in bytes. */
export const MAX_ARTWORK_BYTES = 20 * 1024 * 1024;
export const MAX_AUDIO_BYTES = 500 * 1024 * 1024;
/** Smallest artwork edge in pixels (square artwork only). */
export const MIN_ARTWORK_EDGE = 1400;

// ----- artists -----

/** A catalog artist: an artist profile under an organisation (a label has many). */
export interface Artist {
  readonly artistId: string;
  readonly orgId: string;
  readonly name: LocalizedText;
  readonly isni: string | null;
  readonly ipi: string | null;
  /** ISO 3166-1 alpha-2 of where the artist is from. */
  readonly country: string | null;
  readonly bio: string | null;
  readonly releaseCount: number;
  readonly createdAt: string;
}

/** POST /orgs/:orgId/catalog/artists and PATCH …/artists/:artistId (all fields, replacing). */
export interface ArtistInput {
  readonly name: LocalizedTextInput;
  readonly isni?: string | null;
  readonly ipi?: string | null;
  readonly country?: string | null;
  readonly bio?: string | null;
}

// ----- releases -----

/** A release in an organisation's lists. */
export interface ReleaseSummary {
  readonly releaseId: string;
  readonly orgId: string;
  readonly type: ReleaseType;
  readonly title: LocalizedText;
  readonly displayArtist: string;
  readonly upc: string | null;
  readonly status: ReleaseStatus;
  /** The schedule's release moment, null until scheduled. */
  readonly releaseAt: string | null;
  readonly trackCount: number;
  /** Draft revision: 1 at creation, +1 per edit. */
  readonly revision: number;
  /** Newest published version, 0 before the first. */
  readonly version: number;
  /** The draft differs from the newest published version. */
  readonly hasDraftChanges: boolean;
  readonly artworkAssetId: string | null;
  readonly updatedAt: string;
}

/** GET /orgs/:orgId/catalog/releases/:releaseId. */
export interface ReleaseDetail extends ReleaseSummary {
  readonly draft: ReleaseDraft;
  readonly schedule: ReleaseSchedule | null;
  readonly versions: readonly ReleaseVersionSummary[];
  readonly takedownReason: string | null;
  readonly createdAt: string;
}

/** Query of GET /orgs/:orgId/catalog/releases. */
export interface ReleaseListQuery {
  readonly status?: ReleaseStatus;
  readonly artistId?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** POST /orgs/:orgId/catalog/releases: a new draft. */
export interface CreateReleaseRequest {
  readonly draft: ReleaseDraftInput;
}

/** PUT /orgs/:orgId/catalog/releases/:releaseId/draft: the whole draft, replacing it. */
export interface ReviseDraftRequest {
  /** The revision the client edited; another writer's change since then answers CATALOG.STALE_REVISION. */
  readonly expectedRevision: number;
  readonly draft: ReleaseDraftInput;
}

/** POST /orgs/:orgId/catalog/releases/:releaseId/versions: publish the draft as the next version. */
export interface PublishVersionRequest {
  readonly expectedRevision: number;
  /** Optional note kept with the version ("Fixed composer credit"). */
  readonly note?: string | null;
}

/** A published version in lists. */
export interface ReleaseVersionSummary {
  readonly version: number;
  /** The draft revision it was published from. */
  readonly revision: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly note: string | null;
}

/** GET …/releases/:releaseId/versions/:version. */
export interface ReleaseVersion extends ReleaseVersionSummary {
  readonly releaseId: string;
  readonly draft: ReleaseDraft;
}

/** PUT …/releases/:releaseId/schedule: instants with an offset; the server stores them in UTC. */
export interface ScheduleReleaseRequest {
  readonly releaseAt: string;
  readonly territories?: readonly string[];
  readonly excludedTerritories?: readonly string[];
  readonly territoryReleases?: readonly { readonly territory: string; readonly releaseAt: string }[];
  readonly embargoes?: readonly {
    readonly territory: string;
    readonly from: string;
    readonly until: string;
    readonly reason?: string | null;
  }[];
}

/** POST …/releases/:releaseId/takedown. */
export interface TakeDownRequest {
  readonly reason: string;
}

/** One entry of a release's history, newest first: every event of its stream. */
export interface ReleaseHistoryEntry {
  /** The event's version in the release's stream. */
  readonly sequence: number;
  readonly type:
    | 'created'
    | 'revised'
    | 'published'
    | 'scheduled'
    | 'unscheduled'
    | 'released'
    | 'taken-down'
    | 'reinstated'
    | 'deleted';
  readonly at: string;
  /** `user:<id>`, `job:<name>`, `processor:<name>`. */
  readonly actor: string;
  /** Draft revision after this event. */
  readonly revision: number;
  /** Set on `published`. */
  readonly version: number | null;
  readonly source: RevisionSource | null;
  /** The change plan (batch edit or import) that made this revision. */
  readonly planId: string | null;
  /** For `created`/`revised`: what changed against the previous revision; else empty. */
  readonly changes: readonly FieldChange[];
  readonly note: string | null;
}

/**
 * A side of GET …/releases/:releaseId/compare?from=…&to=…: `draft` (now), `v<N>` (published version
 * N) or `r<N>` (draft revision N).
 */
export type ReleaseRef = 'draft' | `v${number}` | `r${number}`;

/** GET …/releases/:releaseId/compare. */
export interface ReleaseComparison {
  readonly from: ReleaseRef;
  readonly to: ReleaseRef;
  readonly changes: readonly FieldChange[];
}

// ----- tracks -----

/** A track in an organisation's track list (for batch editing). */
export interface TrackSummary {
  readonly trackId: string;
  readonly releaseId: string;
  readonly releaseTitle: string;
  readonly releaseStatus: ReleaseStatus;
  readonly position: number;
  readonly disc: number;
  readonly title: LocalizedText;
  readonly versionTitle: string | null;
  readonly displayArtist: string;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly durationMs: number | null;
  readonly genre: string | null;
  readonly parentalWarning: ParentalWarning;
  readonly language: string | null;
}

/** Query of GET /orgs/:orgId/catalog/tracks. */
export interface TrackListQuery {
  readonly releaseId?: string;
  readonly q?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

// ----- calendar -----

/** One entry of the release calendar. */
export interface CalendarEntry {
  readonly releaseId: string;
  readonly title: string;
  readonly displayArtist: string;
  readonly status: ReleaseStatus;
  /** `release`: the release moment; `territory-release`: a territory's own moment; `embargo`: a window. */
  readonly kind: 'release' | 'territory-release' | 'embargo';
  readonly territory: string | null;
  readonly at: string;
  /** End of an embargo window (excluded); null otherwise. */
  readonly until: string | null;
}

/** Query of GET /orgs/:orgId/catalog/calendar: entries touching [from, to). */
export interface CalendarQuery {
  readonly from: string;
  readonly to: string;
}

// ----- change plans: batch edits and imports -----

/** What a batch edit may set on every selected track. */
export interface TrackBatchFields {
  readonly genre?: string | null;
  readonly parentalWarning?: ParentalWarning;
  readonly language?: string | null;
  readonly displayArtist?: string;
  /** Credits added to each track (kept when already there). */
  readonly addContributors?: readonly Contributor[];
}

/** What a batch edit may set on every selected release. */
export interface ReleaseBatchFields {
  readonly genre?: string | null;
  readonly subgenre?: string | null;
  readonly parentalWarning?: ParentalWarning;
  readonly labelName?: string | null;
  readonly languages?: readonly string[];
  readonly pLine?: CopyrightLine | null;
  readonly cLine?: CopyrightLine | null;
  readonly displayArtist?: string;
}

/** POST /orgs/:orgId/catalog/batch-edits: preview a change to many tracks or releases. */
export type BatchEditRequest =
  | { readonly target: 'tracks'; readonly ids: readonly string[]; readonly set: TrackBatchFields }
  | { readonly target: 'releases'; readonly ids: readonly string[]; readonly set: ReleaseBatchFields };

/** One file of POST /orgs/:orgId/catalog/imports. */
export interface ImportFile {
  readonly name: string;
  /** The file's text (UTF-8). */
  readonly content: string;
}

/** POST /orgs/:orgId/catalog/imports: preview a CSV or DDEX ERN import. */
export interface ImportRequest {
  readonly format: 'csv' | 'ern';
  readonly files: readonly ImportFile[];
}

/** Kinds of change plan. */
export type ChangePlanKind = 'batch' | 'csv' | 'ern';
/** A plan is open until applied, discarded or expired (after an hour). */
export type ChangePlanStatus = 'open' | 'applied' | 'discarded' | 'expired';

/** What one plan item does to one release. */
export interface ChangePlanItem {
  readonly index: number;
  readonly action: 'create' | 'update' | 'unchanged';
  readonly releaseId: string;
  readonly title: string;
  readonly upc: string | null;
  /** Where it came from: `rows 2–14` of a CSV, a file name and element path of an ERN. */
  readonly source: string | null;
  readonly changes: readonly FieldChange[];
}

/**
 * A previewed batch edit or import: what applying it would create and change, and every row or
 * element error (with `field` as `rows.<n>.<column>` for CSV, `<file>:/<element path>` for ERN).
 */
export interface ChangePlan {
  readonly planId: string;
  readonly orgId: string;
  readonly kind: ChangePlanKind;
  readonly status: ChangePlanStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly appliedAt: string | null;
  readonly summary: {
    readonly creates: number;
    readonly updates: number;
    readonly unchanged: number;
    readonly tracksChanged: number;
    readonly errors: number;
  };
  /** The first page of items; GET …/plans/:planId/items pages through the rest. */
  readonly items: readonly ChangePlanItem[];
  /** The cursor of the items after {@link items}, null when they are all. */
  readonly itemsNextCursor: string | null;
  readonly errors: readonly FieldError[];
}

// ----- assets -----

/** A stored artwork or audio file. */
export interface Asset {
  readonly assetId: string;
  readonly orgId: string;
  readonly kind: AssetKind;
  readonly contentType: string;
  readonly bytes: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  readonly width: number | null;
  readonly height: number | null;
  /** Length of an audio file, read from its header (FLAC STREAMINFO, WAV fmt/data). */
  readonly durationMs: number | null;
  readonly createdAt: string;
}

// ----- search -----

/** One search result, best first. */
export interface SearchHit {
  readonly kind: 'release' | 'track' | 'artist';
  /** The release, track or artist id. */
  readonly id: string;
  /** The release a track is on (the release itself for a release; null for an artist). */
  readonly releaseId: string | null;
  readonly title: string;
  /** Artist line for releases and tracks; country for artists. */
  readonly subtitle: string;
  /** UPC, ISRC, ISWC, ISNI of the hit. */
  readonly identifiers: readonly string[];
  /** 0–1, higher is better. */
  readonly score: number;
}

/** Query of GET …/search: 1–200 characters. */
export interface SearchQuery {
  readonly q: string;
  readonly kind?: SearchHit['kind'];
  readonly limit?: number;
}

// ----- public (fan) -----

/** A track as fans see it. */
export interface PublicTrack {
  readonly trackId: string;
  readonly position: number;
  readonly disc: number;
  readonly title: LocalizedText;
  readonly versionTitle: string | null;
  readonly displayArtist: string;
  readonly isrc: string | null;
  readonly durationMs: number | null;
  readonly parentalWarning: ParentalWarning;
  readonly contributors: readonly Contributor[];
}

/** A release as fans see it: its newest published version, when visible in their territory. */
export interface PublicRelease {
  readonly releaseId: string;
  readonly type: ReleaseType;
  readonly title: LocalizedText;
  readonly versionTitle: string | null;
  readonly displayArtist: string;
  readonly artists: readonly { readonly artistId: string; readonly name: LocalizedText }[];
  readonly upc: string | null;
  readonly labelName: string | null;
  readonly genre: string | null;
  readonly parentalWarning: ParentalWarning;
  readonly languages: readonly string[];
  readonly pLine: CopyrightLine | null;
  readonly cLine: CopyrightLine | null;
  /** The release moment in the viewer's territory. */
  readonly releaseDate: string;
  /** Where the release is distributed: `['WW']` or territory codes, minus `excludedTerritories`. */
  readonly territories: readonly string[];
  readonly excludedTerritories: readonly string[];
  /** The territory the answer was computed for. */
  readonly territory: string;
  /** Path of the artwork's content, or null. */
  readonly artworkUrl: string | null;
  readonly contributors: readonly Contributor[];
  readonly tracks: readonly PublicTrack[];
}

/** A release in public lists. */
export interface PublicReleaseSummary {
  readonly releaseId: string;
  readonly type: ReleaseType;
  readonly title: LocalizedText;
  readonly displayArtist: string;
  readonly releaseDate: string;
  readonly artworkUrl: string | null;
  readonly trackCount: number;
}

/** An artist as fans see it, with the releases visible in their territory. */
export interface PublicArtist {
  readonly artistId: string;
  readonly name: LocalizedText;
  readonly country: string | null;
  readonly bio: string | null;
  readonly releases: readonly PublicReleaseSummary[];
}
