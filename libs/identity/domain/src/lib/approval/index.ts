export * from './approval.decider';
export * from './approval.errors';
