import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type JobDefinition, ReportingWorker } from '@bandstand/shared/queues';
import { type JobHandler, JobProcessorMarker } from './job-processor.decorator';
import { JobQueues } from './job-queues.service';
import { JobRunner } from './job-runner.service';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';

/** A job handler found in the process, with its definition. */
export interface RegisteredJobHandler {
  readonly definition: JobDefinition;
  readonly handler: JobHandler<unknown>;
}

/**
 * The process's job handlers (providers marked with `@JobProcessor`), and in the worker one BullMQ
 * worker per definition, running each job through {@link JobRunner}. Two handlers of one queue are
 * refused at start-up: the queue would run each job on either, at random.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers: ReportingWorker[] = [];
  private found: readonly RegisteredJobHandler[] | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly runner: JobRunner,
    private readonly queues: JobQueues,
    @Optional() @Inject(KERNEL_ROLE) private readonly role?: KernelRole,
  ) {}

  /** Every handler in the process, whatever its role. */
  handlers(): readonly RegisteredJobHandler[] {
    if (this.found === undefined) {
      const found: RegisteredJobHandler[] = [];
      for (const wrapper of this.discovery.getProviders({ metadataKey: JobProcessorMarker.KEY })) {
        const definition = this.discovery.getMetadataByDecorator(JobProcessorMarker, wrapper);
        if (definition === undefined || wrapper.instance === undefined || wrapper.instance === null) continue;
        const other = found.find((each) => each.definition.name === definition.name);
        if (other !== undefined) {
          throw new Error(
            `Queue ${definition.name} has two job processors (${other.handler.constructor.name} and ${wrapper.name}): keep one`,
          );
        }
        found.push({ definition, handler: wrapper.instance as JobHandler<unknown> });
      }
      this.found = found;
    }
    return this.found;
  }

  /** Whether this process runs BullMQ workers. */
  get running(): boolean {
    return this.workers.length > 0;
  }

  onApplicationBootstrap(): void {
    const handlers = this.handlers();
    if (this.role !== 'worker' || handlers.length === 0) return;
    if (!this.queues.configured) {
      throw new Error(
        `Job processors of ${handlers.map((h) => h.definition.name).join(', ')} need Redis: import QueuesModule.forRoot(config) in the worker`,
      );
    }
    for (const { definition, handler } of handlers) {
      this.workers.push(
        new ReportingWorker(definition.name, this.runner.processor(handler), {
          ...this.queues.workerOptions(),
          concurrency: definition.concurrency,
        }),
      );
    }
    this.logger.log(`Running jobs of ${handlers.map((h) => h.definition.name).join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.close()));
  }
}
