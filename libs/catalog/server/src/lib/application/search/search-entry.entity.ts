import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** What a search entry is about. */
export type SearchEntryKind = 'release' | 'track' | 'artist';

/** Whose view an entry indexes: the organisation's drafts, or what fans may see once visible. */
export type SearchScope = 'org' | 'public';

/**
 * catalog.search_entries: one row per release, track and artist in each scope (read model of the
 * release and artist streams, kept by the search projection).
 */
@Entity({ schema: 'catalog', tableName: 'search_entries' })
export class SearchEntryRecord {
  @PrimaryKey({ type: t.bigint, fieldName: 'entry_id', autoincrement: true })
  entryId!: string;

  @Property({ type: t.text })
  scope!: SearchScope;

  @Property({ type: t.text })
  kind!: SearchEntryKind;

  @Property({ type: t.text, fieldName: 'entity_id' })
  entityId!: string;

  @Property({ type: t.text, fieldName: 'release_id', nullable: true })
  releaseId!: string | null;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.text })
  title!: string;

  @Property({ type: t.text })
  subtitle!: string;

  @Property({ type: t.array, columnType: 'text[]' })
  identifiers!: string[];

  /** The title's renderings, normalised, for exact matches. */
  @Property({ type: t.array, columnType: 'text[]' })
  titles!: string[];

  /** Normalised search words (see search-text.ts), with a space at both ends. */
  @Property({ type: t.text })
  document!: string;

  @Property({ type: t.array, columnType: 'text[]', fieldName: 'artist_ids' })
  artistIds!: string[];

  /** Breaks ties between equally good hits (releases and artists before tracks). */
  @Property({ type: t.float, columnType: 'real' })
  weight!: number;
}

/** catalog.search_terms: the words of the catalog that typo correction may suggest. */
@Entity({ schema: 'catalog', tableName: 'search_terms' })
export class SearchTermRecord {
  @PrimaryKey({ type: t.text })
  term!: string;
}
