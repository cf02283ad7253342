export * from './staff-role.decider';
export * from './staff-role.errors';
