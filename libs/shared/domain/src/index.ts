export * from './lib/decider';
