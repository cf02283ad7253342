export * from './lib/catalog.module';
export * from './lib/infrastructure/catalog.persistence';
export * from './lib/seed/catalog-demo.seed';

// What the benchmarks (tools/bench) drive directly, without HTTP.
export { ChangePlans } from './lib/application/plans/change-plans.service';
export { BatchEdits } from './lib/application/plans/batch-edits.service';
export { CatalogImports } from './lib/application/plans/catalog-imports.service';
export { ReleaseStream, userActor, type CatalogActor } from './lib/application/releases/release-stream';
export { buildNewReleaseMessage } from './lib/application/ern/ern-message.builder';
export * from './lib/application/search/search.api';
