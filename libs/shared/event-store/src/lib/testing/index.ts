export * from './kernel-test-harness';
