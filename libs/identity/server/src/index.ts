export * from './lib/identity.module';
export * from './lib/infrastructure/identity.persistence';
