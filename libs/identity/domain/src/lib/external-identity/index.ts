export * from './external-identity.decider';
