export * from './audit.controller';
export * from './audit.errors';
export * from './audit.module';
export * from './audit-cursor';
export * from './audit-event.response.dto';
export * from './audit-events.query.dto';
export * from './audit-log.service';
