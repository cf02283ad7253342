import { Logger } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { type Processor, Queue, type QueueOptions, Worker, type WorkerOptions } from 'bullmq';
import { isRedisConnectionProblem } from './redis-problem';

const logger = new Logger('Queues');

/**
 * Where BullMQ's 'error' events go. Without a listener BullMQ prints every one to the console,
 * once per reconnection attempt while Redis is down. Lost connections are the readiness monitor's
 * to report (once per outage); anything else is a real error and is logged.
 */
export function reportQueueError(source: string, error: unknown): void {
  if (isRedisConnectionProblem(error)) {
    logger.debug(
      `${source}: Redis connection problem (${error instanceof Error ? error.message : String(error)})`,
    );
    return;
  }
  logger.error(
    `${source}: ${error instanceof Error ? error.message : String(error)}`,
    error instanceof Error ? error.stack : undefined,
  );
}

/** BullMQ's Queue with its errors reported through {@link reportQueueError}. */
export class ReportingQueue extends Queue {
  // Spelled out: ConstructorParameters of BullMQ's overloaded, generic constructors resolve to never.
  constructor(name: string, opts?: QueueOptions) {
    super(name, opts);
    this.on('error', (error: Error) => reportQueueError(`queue ${this.name}`, error));
  }
}

/**
 * BullMQ's Worker with its errors reported through {@link reportQueueError}, and a shutdown that
 * cannot hang: a graceful close waits for Redis to finish the current fetch, forever if Redis is
 * gone, so without Redis the worker closes at once (its jobs were not running anyway).
 */
export class ReportingWorker extends Worker {
  private redisUp = false;

  constructor(name: string, processor?: string | URL | null | Processor, opts?: WorkerOptions) {
    super(name, processor, opts);
    this.on('error', (error: Error) => {
      if (isRedisConnectionProblem(error)) this.redisUp = false;
      reportQueueError(`worker ${this.name}`, error);
    });
    this.getBackend().on('ready', () => {
      this.redisUp = true;
    });
  }

  override close(force = false): Promise<void> {
    return super.close(force || !this.redisUp);
  }
}

/** Makes @nestjs/bullmq build our reporting classes; called before any queue or worker exists. */
export function useReportingClasses(): void {
  BullModule.queueClass = ReportingQueue;
  BullModule.workerClass = ReportingWorker;
}
