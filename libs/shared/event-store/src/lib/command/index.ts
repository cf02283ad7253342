export * from './command-metadata';
export * from './command.module';
export * from './committed-event';
export * from './decider-command-runner';
export * from './decider-command.handler';
export * from './event-schemas.module';
export * from './inline-projections';
export * from './kernel-clock';
