import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type AssetKind } from '@bandstand/catalog/contracts';

/** catalog.assets: one stored artwork or audio file (read model of its `catalog-asset-<id>` stream). */
@Entity({ schema: 'catalog', tableName: 'assets' })
export class AssetRecord {
  @PrimaryKey({ type: t.text, fieldName: 'asset_id' })
  assetId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.text })
  kind!: AssetKind;

  @Property({ type: t.text, fieldName: 'content_type' })
  contentType!: string;

  @Property({ type: t.bigint })
  bytes!: string;

  @Property({ type: t.text })
  sha256!: string;

  @Property({ type: t.integer, nullable: true })
  width!: number | null;

  @Property({ type: t.integer, nullable: true })
  height!: number | null;

  @Property({ type: t.bigint, fieldName: 'duration_ms', nullable: true })
  durationMs!: string | null;

  @Property({ type: t.text, fieldName: 'storage_key' })
  storageKey!: string;

  @Property({ type: t.text, fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;
}
