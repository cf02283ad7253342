import { type EntityClass } from '@mikro-orm/core';
import { type Migration } from '@mikro-orm/migrations';

/** A migration class as compiled into the bundle; MikroORM constructs it with its driver and config. */
export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

/** One migration of a context, named explicitly so that bundling cannot change the recorded name. */
export interface ContextMigration {
  readonly name: string;
  readonly class: MigrationClass;
}

/**
 * What a bounded context brings to the database: its own PostgreSQL schema, the entities mapped
 * into it and its migrations in the order they must run.
 */
export interface ContextPersistence {
  readonly context: string;
  readonly schema: string;
  readonly entities: readonly EntityClass[];
  readonly migrations: readonly ContextMigration[];
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** Rejects descriptors that would collide or produce unsafe identifiers, before anything touches the database. */
export function validateContexts(contexts: readonly ContextPersistence[]): void {
  const schemas = new Map<string, string>();
  for (const descriptor of contexts) {
    if (!IDENTIFIER.test(descriptor.schema)) {
      throw new Error(
        `Context "${descriptor.context}" uses schema "${descriptor.schema}": a schema name must be lower-case letters, digits and underscores, starting with a letter`,
      );
    }
    const owner = schemas.get(descriptor.schema);
    if (owner !== undefined) {
      throw new Error(
        `Contexts "${owner}" and "${descriptor.context}" both claim schema "${descriptor.schema}"`,
      );
    }
    schemas.set(descriptor.schema, descriptor.context);
    const names = new Set<string>();
    for (const migration of descriptor.migrations) {
      if (names.has(migration.name)) {
        throw new Error(`Context "${descriptor.context}" lists migration "${migration.name}" twice`);
      }
      names.add(migration.name);
    }
  }
}
