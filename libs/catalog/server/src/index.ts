export * from './lib/catalog.module';
export * from './lib/infrastructure/catalog.persistence';
