import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobDispatcher } from './job-dispatcher.service';
import { JobLedger } from './job-ledger.service';
import { JobQueues } from './job-queues.service';
import { JobReconciler } from './job-reconciler.service';
import { JobRunner } from './job-runner.service';
import { JobScheduler } from './job-scheduler.service';
import { JobWorkers } from './job-workers.service';
import { QUEUE_DEPTH_SOURCE } from '../ops/queue-depth-source';
import { JobsOverview } from './jobs-overview.service';
import { DEFAULT_JOBS_SETTINGS, JOBS_SETTINGS, type JobsSettings } from './jobs.settings';

/**
 * The kernel's jobs area (see docs/contexts/kernel.md): {@link JobScheduler} for every process,
 * {@link JobsOverview} for the operational view, and in the worker the dispatcher, the reconciler
 * and one BullMQ worker per `@JobProcessor`. Global, so that every context can schedule jobs.
 * Needs the kernel core (KernelDatabase, CommitNotifier) and, for anything touching Redis,
 * QueuesModule in the same process.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobQueues,
    JobLedger,
    JobRunner,
    JobScheduler,
    JobWorkers,
    JobDispatcher,
    JobReconciler,
    JobsOverview,
    // The operational view reads queue depths through this token (ops/queue-depth-source.ts).
    { provide: QUEUE_DEPTH_SOURCE, useExisting: JobsOverview },
  ],
  exports: [JobScheduler, JobsOverview, JobQueues, QUEUE_DEPTH_SOURCE],
})
export class JobsModule {
  /** The module with other timings than {@link DEFAULT_JOBS_SETTINGS} (tests shorten them). */
  static withSettings(settings: Partial<JobsSettings>): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_SETTINGS, useValue: { ...DEFAULT_JOBS_SETTINGS, ...settings } }],
    };
  }
}
