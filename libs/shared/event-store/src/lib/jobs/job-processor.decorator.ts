import { type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type JobDefinition } from '@bandstand/shared/queues';
import { type Job } from 'bullmq';
import { type KernelTransaction } from '../sql/kernel-database';

/** What a job's handler gets besides the job itself. */
export interface JobContext {
  /** Which run of the job this is, counted in PostgreSQL across retries and redeliveries (1 for the first). */
  readonly attempt: number;
  /** Aborted when this run lost its claim on the job (another run took it over) or the worker is closing. */
  readonly signal: AbortSignal;
  /** Reports `done` of `total` units (optionally in a named stage), for the consoles' progress bars. */
  progress(done: number, total: number, stage?: string): Promise<void>;
  /**
   * Runs `work` in a transaction that also records the job as completed: a PostgreSQL effect
   * (events appended, rows written) commits with the record, so it happens exactly once, even
   * when the job is delivered again. The value `work` returns is kept as the job's result.
   */
  completeWith<T>(work: (tx: KernelTransaction) => Promise<T>): Promise<T>;
}

/**
 * Runs the jobs of one {@link JobDefinition}. What `handle` returns is kept as the job's result
 * (JSON); what it throws fails the run, retried with the definition's backoff. A run is recorded
 * in PostgreSQL, and a job already completed is acknowledged without calling `handle` again.
 * Effects outside PostgreSQL (a file written, an e-mail sent) should still be safe to repeat, keyed
 * by the job id: a run that crashes after its effect and before its record is run again.
 */
export interface JobHandler<Data> {
  handle(job: Job<Data>, context: JobContext): Promise<unknown>;
}

/** Marker read by the worker's discovery; use {@link JobProcessor} instead. */
export const JobProcessorMarker = DiscoveryService.createDecorator<JobDefinition>();

/**
 * Marks a provider as the handler of a job definition's queue; the worker runs one BullMQ worker
 * per definition with the definition's concurrency:
 *
 *     @JobProcessor(statementJob)
 *     @Injectable()
 *     export class StatementProcessor implements JobHandler<StatementJobData> { … }
 */
export function JobProcessor<Data>(
  definition: JobDefinition<Data>,
): (target: Type<JobHandler<Data>>) => void {
  const mark = JobProcessorMarker(definition);
  return (target) => {
    mark(target);
  };
}
