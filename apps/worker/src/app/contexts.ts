import { type DynamicModule, type Type } from '@nestjs/common';
import { catalogDemoSeed, catalogPersistence, CatalogModule } from '@bandstand/catalog/server';
import { identityDemoSeed, identityPersistence, IdentityModule } from '@bandstand/identity/server';
import { kernelPersistence } from '@bandstand/shared/event-store';
import { type ContextPersistence, platformPersistence } from '@bandstand/shared/persistence';
import { type SeedContributor } from '@bandstand/shared/seed';

/**
 * Every bounded context's persistence, in the order its migrations run: the platform's own schema
 * first, the kernel's (event store, subscriptions) second, then each context as it joins (append, never reorder: a context's migrations may read
 * what an earlier context created).
 */
export const persistenceContexts: readonly ContextPersistence[] = [
  platformPersistence,
  kernelPersistence,
  identityPersistence,
  catalogPersistence,
];

/** Every context's demo-data contributor; `db:seed` orders them by their `after` lists. */
export const seedContributors: readonly SeedContributor[] = [identityDemoSeed, catalogDemoSeed()];

/** Every context's worker module (its processors, projections and queues). */
export const contextModules: readonly (Type | DynamicModule)[] = [
  IdentityModule.forRoot('worker'),
  CatalogModule.forRoot('worker'),
];
