import { Migration } from '@mikro-orm/migrations';

/**
 * Search: catalog.search_entries (one row per release, track and artist, once as the organisation
 * sees it — the draft — and once as fans see it — the newest published version) and
 * catalog.search_terms (the words typo correction may suggest).
 *
 * pg_trgm and fuzzystrmatch are trusted extensions (PostgreSQL 13+): the migrating role needs CREATE
 * on the database, not superuser. They go into `public` so that their operators and functions resolve
 * for every connection whatever schema a migration runs in.
 */
export class Migration20261122000400_create_catalog_search extends Migration {
  override up(): void {
    this.addSql('create extension if not exists pg_trgm with schema public');
    this.addSql('create extension if not exists fuzzystrmatch with schema public');
    this.addSql(`
      create table catalog.search_entries (
        entry_id bigint generated always as identity primary key,
        scope text not null check (scope in ('org', 'public')),
        kind text not null check (kind in ('release', 'track', 'artist')),
        entity_id text not null,
        release_id text,
        org_id text not null,
        title text not null,
        subtitle text not null,
        identifiers text[] not null,
        titles text[] not null,
        document text not null,
        artist_ids text[] not null,
        weight real not null,
        check ((kind = 'artist') = (release_id is null))
      )`);
    // One trigram index per scope: every query names its scope, and each index is half the size.
    // A small pending list (256 kB rather than 4 MB): every search scans the rows not yet merged into
    // the index, and a full default list costs tens of milliseconds per search until the next vacuum;
    // without one (fastupdate off) a large import takes three times as long.
    this.addSql(`create index search_entries_org_document_idx on catalog.search_entries
      using gin (document public.gin_trgm_ops) with (gin_pending_list_limit = 256) where scope = 'org'`);
    this.addSql(`create index search_entries_public_document_idx on catalog.search_entries
      using gin (document public.gin_trgm_ops) with (gin_pending_list_limit = 256) where scope = 'public'`);
    this.addSql(
      'create index search_entries_identifiers_idx on catalog.search_entries using gin (identifiers) with (gin_pending_list_limit = 256)',
    );
    this.addSql(
      'create index search_entries_titles_idx on catalog.search_entries using gin (titles) with (gin_pending_list_limit = 256)',
    );
    // Which published releases credit an artist: a public artist is found only through a visible one.
    this.addSql(`create index search_entries_public_artists_idx on catalog.search_entries
      using gin (artist_ids) with (gin_pending_list_limit = 256) where scope = 'public' and kind = 'release'`);
    this.addSql('create index search_entries_release_idx on catalog.search_entries (release_id, scope)');
    this.addSql('create index search_entries_entity_idx on catalog.search_entries (entity_id, kind, scope)');
    this.addSql('create index search_entries_org_idx on catalog.search_entries (org_id, scope)');
    this.addSql(`
      create table catalog.search_terms (
        term text primary key
      )`);
    this.addSql(
      'create index search_terms_trgm_idx on catalog.search_terms using gin (term public.gin_trgm_ops)',
    );
  }
}
