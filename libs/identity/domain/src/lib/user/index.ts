export * from './user.decider';
export * from './user.errors';
