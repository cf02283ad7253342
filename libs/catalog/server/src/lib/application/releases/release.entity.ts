import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import {
  type ReleaseDraft,
  type ReleaseSchedule,
  type ReleaseStatus,
  type ReleaseType,
} from '@bandstand/catalog/contracts';

/** catalog.releases: one row per release (read model of its stream): draft, newest version, schedule. */
@Entity({ schema: 'catalog', tableName: 'releases' })
export class ReleaseRecord {
  @PrimaryKey({ type: t.text, fieldName: 'release_id' })
  releaseId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.text })
  status!: ReleaseStatus;

  @Property({ type: t.text, fieldName: 'status_before_takedown', nullable: true })
  statusBeforeTakedown!: ReleaseStatus | null;

  @Property({ type: t.text })
  type!: ReleaseType;

  @Property({ type: t.text })
  title!: string;

  @Property({ type: t.text, fieldName: 'display_artist' })
  displayArtist!: string;

  @Property({ type: t.text, nullable: true })
  upc!: string | null;

  @Property({ type: t.array, columnType: 'text[]', fieldName: 'artist_ids' })
  artistIds!: string[];

  @Property({ type: t.integer })
  revision!: number;

  @Property({ type: t.integer })
  version!: number;

  @Property({ type: t.integer, fieldName: 'published_revision' })
  publishedRevision!: number;

  @Property({ type: t.boolean, fieldName: 'has_draft_changes' })
  hasDraftChanges!: boolean;

  @Property({ type: t.json, columnType: 'jsonb' })
  draft!: ReleaseDraft;

  @Property({ type: t.json, columnType: 'jsonb', nullable: true })
  published!: ReleaseDraft | null;

  @Property({ type: t.json, columnType: 'jsonb', nullable: true })
  schedule!: ReleaseSchedule | null;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'release_at', nullable: true })
  releaseAt!: Date | null;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'released_at', nullable: true })
  releasedAt!: Date | null;

  @Property({ type: t.text, fieldName: 'takedown_reason', nullable: true })
  takedownReason!: string | null;

  @Property({ type: t.text, fieldName: 'artwork_asset_id', nullable: true })
  artworkAssetId!: string | null;

  @Property({ type: t.integer, fieldName: 'track_count' })
  trackCount!: number;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'updated_at' })
  updatedAt!: Date;
}

/** catalog.release_tracks: the draft's tracks, one row each, in order. */
@Entity({ schema: 'catalog', tableName: 'release_tracks' })
export class ReleaseTrackRecord {
  @PrimaryKey({ type: t.text, fieldName: 'track_id' })
  trackId!: string;

  @Property({ type: t.text, fieldName: 'release_id' })
  releaseId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.integer })
  position!: number;

  @Property({ type: t.integer })
  disc!: number;

  @Property({ type: t.text })
  title!: string;

  @Property({ type: t.json, columnType: 'jsonb', fieldName: 'title_json' })
  titleJson!: unknown;

  @Property({ type: t.text, fieldName: 'version_title', nullable: true })
  versionTitle!: string | null;

  @Property({ type: t.text, fieldName: 'display_artist' })
  displayArtist!: string;

  @Property({ type: t.text, nullable: true })
  isrc!: string | null;

  @Property({ type: t.text, nullable: true })
  iswc!: string | null;

  @Property({ type: t.integer, fieldName: 'duration_ms', nullable: true })
  durationMs!: number | null;

  @Property({ type: t.text, nullable: true })
  genre!: string | null;

  @Property({ type: t.text, fieldName: 'parental_warning' })
  parentalWarning!: string;

  @Property({ type: t.text, nullable: true })
  language!: string | null;
}

/** catalog.release_versions: every published version with its metadata. */
@Entity({ schema: 'catalog', tableName: 'release_versions' })
export class ReleaseVersionRecord {
  @PrimaryKey({ type: t.text, fieldName: 'release_id' })
  releaseId!: string;

  @PrimaryKey({ type: t.integer })
  version!: number;

  @Property({ type: t.integer })
  revision!: number;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'published_at' })
  publishedAt!: Date;

  @Property({ type: t.text, fieldName: 'published_by' })
  publishedBy!: string;

  @Property({ type: t.text, nullable: true })
  note!: string | null;

  @Property({ type: t.json, columnType: 'jsonb' })
  draft!: ReleaseDraft;
}

/** catalog.isrc_owners: the organisation each ISRC belongs to, platform-wide. */
@Entity({ schema: 'catalog', tableName: 'isrc_owners' })
export class IsrcOwnerRecord {
  @PrimaryKey({ type: t.text })
  isrc!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'claimed_at' })
  claimedAt!: Date;
}

/** catalog.upc_owners: the release each UPC belongs to, platform-wide. */
@Entity({ schema: 'catalog', tableName: 'upc_owners' })
export class UpcOwnerRecord {
  @PrimaryKey({ type: t.text })
  upc!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.text, fieldName: 'release_id' })
  releaseId!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'claimed_at' })
  claimedAt!: Date;
}

/** catalog.release_availability: when a scheduled release is visible in which territory. */
@Entity({ schema: 'catalog', tableName: 'release_availability' })
export class ReleaseAvailabilityRecord {
  @PrimaryKey({ type: t.text, fieldName: 'release_id' })
  releaseId!: string;

  @PrimaryKey({ type: t.text })
  territory!: string;

  @PrimaryKey({ type: t.datetime, columnType: 'timestamptz', fieldName: 'opens_at' })
  opensAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'closes_at', nullable: true })
  closesAt!: Date | null;
}
