import { Module } from '@nestjs/common';
import { OperationsController } from './operations.controller';
import { OperationsMetrics } from './operations.metrics';
import { OperationsService } from './operations.service';

/**
 * The kernel's operational view (docs/contexts/kernel.md, "Operational view"): the HTTP API the
 * staff console shows (served by the api) and the Prometheus gauges (registered by the worker).
 * Queue depths come from an optional QUEUE_DEPTH_SOURCE the app provides in a global module.
 */
@Module({
  controllers: [OperationsController],
  providers: [OperationsService, OperationsMetrics],
  exports: [OperationsService],
})
export class OperationsModule {}
