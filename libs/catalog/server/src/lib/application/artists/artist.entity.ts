import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type LocalizedText } from '@bandstand/catalog/contracts';

/** catalog.artists: one row per catalog artist (read model of its stream). */
@Entity({ schema: 'catalog', tableName: 'artists' })
export class ArtistRecord {
  @PrimaryKey({ type: t.text, fieldName: 'artist_id' })
  artistId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.json, columnType: 'jsonb' })
  name!: LocalizedText;

  @Property({ type: t.text, fieldName: 'name_text' })
  nameText!: string;

  @Property({ type: t.text, nullable: true })
  isni!: string | null;

  @Property({ type: t.text, nullable: true })
  ipi!: string | null;

  @Property({ type: t.text, nullable: true })
  country!: string | null;

  @Property({ type: t.text, nullable: true })
  bio!: string | null;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'updated_at' })
  updatedAt!: Date;
}
