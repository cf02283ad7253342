export * from './wallet.decider';
