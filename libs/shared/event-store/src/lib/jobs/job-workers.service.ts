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

/** How long a busy worker's running jobs may take to finish when the process stops. */
export const SHUTDOWN_GRACE_MS = 25_000;

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
  /** Jobs running now, by queue: a worker with none is closed without waiting for Redis. */
  private readonly running = new Map<string, number>();
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
  get active(): boolean {
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
      const process = this.runner.processor(handler);
      const counted: typeof process = async (...args) => {
        this.running.set(definition.name, (this.running.get(definition.name) ?? 0) + 1);
        try {
          return await process(...args);
        } finally {
          this.running.set(definition.name, (this.running.get(definition.name) ?? 1) - 1);
        }
      };
      this.workers.push(
        new ReportingWorker(definition.name, counted, {
          ...this.queues.workerOptions(),
          concurrency: definition.concurrency,
        }),
      );
    }
    this.logger.log(`Running jobs of ${handlers.map((h) => h.definition.name).join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => this.close(worker)));
  }

  // An idle worker is closed at once: a graceful close also waits for its blocking Redis call, which
  // after a lost connection may never return. A busy one gets SHUTDOWN_GRACE_MS to finish its jobs;
  // a job cut short is retried (stalled), and the job ledger keeps it from running twice.
  private async close(worker: ReportingWorker): Promise<void> {
    if ((this.running.get(worker.name) ?? 0) === 0) {
      await worker.close(true);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), SHUTDOWN_GRACE_MS);
    });
    const outcome = await Promise.race([worker.close().then(() => 'closed' as const), expired]);
    clearTimeout(timer);
    if (outcome === 'expired') {
      this.logger.warn(`Jobs of ${worker.name} still running after ${SHUTDOWN_GRACE_MS} ms; stopping them`);
      await worker.close(true);
    }
  }
}
