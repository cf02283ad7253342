export * from './lib/testing/test-http-app';
