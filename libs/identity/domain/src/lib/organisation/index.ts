export * from './organisation.decider';
export * from './organisation.errors';
