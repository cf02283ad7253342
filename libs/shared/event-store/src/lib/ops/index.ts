export * from './operations.errors';
export * from './operations.service';
export * from './operations.metrics';
export * from './operations.controller';
export * from './operations.module';
export * from './queue-depth-source';
