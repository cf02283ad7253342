import { Migration } from '@mikro-orm/migrations';

/**
 * Read models of artists and releases, kept inline by their streams' events: catalog.artists,
 * catalog.releases (the draft, the newest published version and the schedule), catalog.release_tracks
 * (the draft's tracks), catalog.release_versions, the identifier owners that keep UPCs and ISRCs
 * unique across the platform, and catalog.release_availability (when a release is visible where).
 */
export class Migration20261122000100_create_catalog_releases extends Migration {
  override up(): void {
    this.addSql(`
      create table catalog.artists (
        artist_id text primary key,
        org_id text not null,
        name jsonb not null,
        name_text text not null,
        isni text,
        ipi text,
        country text,
        bio text,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    this.addSql('create index artists_org_idx on catalog.artists (org_id, name_text, artist_id)');
    this.addSql(`
      create table catalog.releases (
        release_id text primary key,
        org_id text not null,
        status text not null check (status in ('draft', 'scheduled', 'released', 'taken-down')),
        status_before_takedown text,
        type text not null,
        title text not null,
        display_artist text not null,
        upc text,
        artist_ids text[] not null,
        revision integer not null,
        version integer not null default 0,
        published_revision integer not null default 0,
        has_draft_changes boolean not null,
        draft jsonb not null,
        published jsonb,
        schedule jsonb,
        release_at timestamptz,
        released_at timestamptz,
        takedown_reason text,
        artwork_asset_id text,
        track_count integer not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    this.addSql(
      'create index releases_org_updated_idx on catalog.releases (org_id, updated_at desc, release_id)',
    );
    this.addSql('create index releases_org_status_idx on catalog.releases (org_id, status)');
    this.addSql('create index releases_org_upc_idx on catalog.releases (org_id, upc) where upc is not null');
    this.addSql(
      'create index releases_release_at_idx on catalog.releases (org_id, release_at) where release_at is not null',
    );
    this.addSql('create index releases_artists_idx on catalog.releases using gin (artist_ids)');
    // The public side reads the newest published version: its artwork and its artists.
    this.addSql(
      `create index releases_published_artwork_idx on catalog.releases ((published->>'artworkAssetId'))
        where published is not null`,
    );
    this.addSql(
      `create index releases_published_artists_idx on catalog.releases using gin ((published->'artistIds'))
        where published is not null`,
    );
    // The draft's tracks, one row each, in order: the track list and batch edits read them.
    this.addSql(`
      create table catalog.release_tracks (
        track_id text primary key,
        release_id text not null references catalog.releases (release_id) on delete cascade,
        org_id text not null,
        position integer not null,
        disc integer not null,
        title text not null,
        title_json jsonb not null,
        version_title text,
        display_artist text not null,
        isrc text,
        iswc text,
        duration_ms integer,
        genre text,
        parental_warning text not null,
        language text
      )`);
    this.addSql('create index release_tracks_release_idx on catalog.release_tracks (release_id, position)');
    this.addSql('create index release_tracks_org_idx on catalog.release_tracks (org_id, track_id)');
    this.addSql(
      'create index release_tracks_isrc_idx on catalog.release_tracks (isrc) where isrc is not null',
    );
    this.addSql(`
      create table catalog.release_versions (
        release_id text not null references catalog.releases (release_id) on delete cascade,
        version integer not null,
        revision integer not null,
        published_at timestamptz not null,
        published_by text not null,
        note text,
        draft jsonb not null,
        primary key (release_id, version)
      )`);
    // An ISRC belongs to one organisation (its recordings may appear on several of its releases); a
    // UPC to one release. The projection claims them with insert … on conflict do nothing and then
    // checks the owner: a concurrent claim by another organisation waits on the primary key and loses.
    this.addSql(`
      create table catalog.isrc_owners (
        isrc text primary key,
        org_id text not null,
        claimed_at timestamptz not null
      )`);
    this.addSql(`
      create table catalog.upc_owners (
        upc text primary key,
        org_id text not null,
        release_id text not null,
        claimed_at timestamptz not null
      )`);
    // When a scheduled or released release is visible where: territory '*' covers every territory
    // without rows of its own; opens_at 'infinity' marks a territory where it is never visible.
    this.addSql(`
      create table catalog.release_availability (
        release_id text not null references catalog.releases (release_id) on delete cascade,
        territory text not null,
        opens_at timestamptz not null,
        closes_at timestamptz,
        primary key (release_id, territory, opens_at)
      )`);
    this.addSql(
      'create index release_availability_opens_idx on catalog.release_availability (territory, opens_at)',
    );
  }
}
