export * from './lib/testing/test-principal.resolver';
