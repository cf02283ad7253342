import { Migration } from '@mikro-orm/migrations';

/**
 * catalog.assets: every stored artwork and audio file of an organisation, kept inline by the
 * `AssetStored` events of `catalog-asset-<assetId>` streams. The bytes are in the asset store under
 * `storage_key`; the hash is the content's ETag.
 */
export class Migration20261122000300_create_catalog_assets extends Migration {
  override up(): void {
    this.addSql(`
      create table catalog.assets (
        asset_id text primary key,
        org_id text not null,
        kind text not null check (kind in ('artwork', 'audio')),
        content_type text not null,
        bytes bigint not null check (bytes > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        width integer,
        height integer,
        duration_ms bigint,
        storage_key text not null unique,
        created_by text not null,
        created_at timestamptz not null
      )`);
    this.addSql('create index assets_org_idx on catalog.assets (org_id, created_at desc, asset_id)');
  }

  override down(): void {
    this.addSql('drop table catalog.assets');
  }
}
