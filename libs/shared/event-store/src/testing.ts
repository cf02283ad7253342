export * from './lib/testing/index';
