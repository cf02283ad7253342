import { type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { type ContextPersistence } from '@bandstand/shared/persistence';

/**
 * One area of the catalog context (releases, plans, ERN, assets, search, the public catalog). The
 * context is one Nest module made of its areas' providers, so that areas use each other's services
 * without an import graph.
 */
export interface CatalogArea {
  readonly providers: readonly Provider[];
  /** HTTP controllers; mounted in the api only. */
  readonly controllers?: readonly Type[];
  /** Other Nest modules the area needs (e.g. EventSchemasModule.forFeature). */
  readonly imports?: readonly (Type | DynamicModule)[];
}

/** One area's share of the catalog schema: its entities and its migrations in order. */
export interface CatalogTables {
  readonly entities: ContextPersistence['entities'];
  readonly migrations: ContextPersistence['migrations'];
}
