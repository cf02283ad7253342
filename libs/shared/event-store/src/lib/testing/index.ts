export * from './kernel-test-harness';
export * from './fixed-kernel-clock';
export * from './projection-specification';
export * from './fixtures/counter.decider';
export * from './fixtures/counter.persistence';
export * from './fixtures/counter.projection';
