import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@bandstand/shared/contracts';
import {
  type DeciderCommandResult,
  type JobContext,
  type JobHandler,
  JobProcessor,
  JobScheduler,
  KERNEL_CLOCK,
  type KernelClock,
} from '@bandstand/shared/event-store';
import { defineJob } from '@bandstand/shared/queues';
import { earliestReleaseAt, type ReleaseEvent } from '@bandstand/catalog/domain';
import { type Job } from 'bullmq';
import { type CatalogActor, ReleaseStream } from './release-stream';

/** What the release-due job needs: which release of which organisation. */
export interface ReleaseDueData {
  readonly orgId: string;
  readonly releaseId: string;
  /** The earliest release moment of the schedule the job was made for (ISO 8601). */
  readonly dueAt: string;
}

/** The actor of the events the release-due job appends. */
export const RELEASE_DUE_ACTOR = 'job:catalog.release-due';

/** Releases a scheduled release when its earliest release moment has come. */
export const releaseDueJob = defineJob<ReleaseDueData>({
  name: 'catalog.release-due',
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
});

/**
 * Schedules the release-due job for every `ReleaseScheduled` a command appended, in the caller's
 * transaction (so the job exists exactly when the schedule does). The job's cause is the event's place
 * in the stream: a new schedule is a new job, and the job of a superseded schedule finds nothing due.
 */
@Injectable()
export class ReleaseDueScheduler {
  constructor(@Inject(JobScheduler) private readonly jobs: JobScheduler) {}

  async scheduleFor(orgId: string, result: DeciderCommandResult<ReleaseEvent>): Promise<void> {
    for (const event of result.events) {
      if (event.type !== 'ReleaseScheduled') continue;
      const { releaseId, schedule } = event.data;
      const dueAt = earliestReleaseAt(schedule);
      await this.jobs.schedule(
        releaseDueJob,
        { orgId, releaseId, dueAt },
        { cause: ['release-due', releaseId, event.streamVersion], runAt: new Date(dueAt) },
      );
    }
  }
}

/** A delivery ahead of the release moment (clocks differ between Redis and the api): retried later. */
export class ReleaseNotDueYet extends Error {
  constructor(releaseId: string, dueAt: string) {
    super(`Release ${releaseId} is due at ${dueAt}, not yet`);
    this.name = 'ReleaseNotDueYet';
  }
}

/**
 * Runs `ReleaseIfDue` on the release, together with the job's completion record. A release that is no
 * longer there (deleted) or no longer scheduled is a finished job, not a failure to retry: the domain
 * error is kept as the job's result. Delivered before its time, the job fails and BullMQ retries it.
 */
@JobProcessor(releaseDueJob)
@Injectable()
export class ReleaseDueProcessor implements JobHandler<ReleaseDueData> {
  constructor(
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async handle(job: Job<ReleaseDueData>, context: JobContext): Promise<unknown> {
    const { orgId, releaseId, dueAt } = job.data;
    if (this.clock.now().getTime() < new Date(dueAt).getTime()) throw new ReleaseNotDueYet(releaseId, dueAt);
    const actor: CatalogActor = {
      actor: RELEASE_DUE_ACTOR,
      correlationId: job.id ?? `release-due-${releaseId}`,
    };
    return context.completeWith(async () => {
      try {
        const result = await this.releases.run(orgId, releaseId, actor, { kind: 'ReleaseIfDue' });
        return { released: result.events.some((event) => event.type === 'ReleaseReleased') };
      } catch (error) {
        if (error instanceof DomainError && error.status < 500 && error.status !== 409) {
          return { released: false, refused: error.code };
        }
        throw error;
      }
    });
  }
}
