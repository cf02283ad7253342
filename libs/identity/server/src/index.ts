export * from './lib/identity.module';
export * from './lib/infrastructure/identity.persistence';
export * from './lib/application/demo/identity-demo.seed';
