export * from './lib/test-database';
export * from './lib/test-redis';
export * from './lib/processes';
export * from './lib/api-stack';
export * from './lib/eventually';
export * from './lib/mail-outbox';
