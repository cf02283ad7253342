export * from './lib/load-config';
export * from './lib/schemas';
export * from './lib/config.module';
