export * from './lib/catalog.routes';
