export * from './lib/testing/dom-queries';
