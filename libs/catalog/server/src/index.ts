export * from './lib/catalog.module';
export * from './lib/infrastructure/catalog.persistence';
export * from './lib/seed/catalog-demo.seed';

