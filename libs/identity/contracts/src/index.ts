export * from './lib/identity.contracts';
export * from './lib/identity-api';
export * from './lib/identity-errors';
export * from './lib/identity-events';
