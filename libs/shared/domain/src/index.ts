export * from './lib/decider';
export * from './lib/decider-specification';
export * from './lib/fixed-decision-context';
export * from './lib/structural-diff';
