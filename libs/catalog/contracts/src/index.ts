export * from './lib/catalog.contracts';
export * from './lib/catalog-model';
export * from './lib/catalog-api';
export * from './lib/catalog-errors';
export * from './lib/catalog-events';
export * from './lib/catalog-format';
