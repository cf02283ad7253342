import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log.service';

/**
 * The kernel's audit log (docs/contexts/kernel.md, "Audit"): stored events for staff auditors, over
 * HTTP (served by the api; the worker has no HTTP routes). Its database comes from the global
 * KernelCoreModule.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
