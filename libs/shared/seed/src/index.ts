export * from './lib/rng';
export * from './lib/seed-contributor';
export * from './lib/seed-order';
export * from './lib/seed-runner';
