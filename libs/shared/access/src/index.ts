export * from './lib/access-policy';
export * from './lib/principal';
export * from './lib/access.errors';
export * from './lib/access.guard';
export * from './lib/access.module';
export * from './lib/route-inventory';
