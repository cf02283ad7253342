import { type ContextPersistence } from '@bandstand/shared/persistence';

/** One area's share of the identity schema: its entities and its migrations in order. */
export interface IdentityTables {
  readonly entities: ContextPersistence['entities'];
  readonly migrations: ContextPersistence['migrations'];
}
