import { Injectable } from '@nestjs/common';
import { type CausePart, type JobDefinition, jobIdFrom } from '@bandstand/shared/queues';
import { CommitNotifier } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { InvalidJobSchedule } from './jobs.errors';
import { type OutboxJobOptions } from './outbox-job';

/** How a job is scheduled besides its data. */
export interface ScheduleOptions {
  /**
   * What caused the job: its id is derived from these parts (`jobIdFrom`), so scheduling the same
   * cause again is a no-op. E.g. `['statement', payeeId, period]` or `[event.eventId]`.
   */
  readonly cause: CausePart | readonly CausePart[];
  /** Not before this time: BullMQ holds the job back until then. */
  readonly runAt?: Date;
  /** BullMQ priority (1 runs first); none by default. */
  readonly priority?: number;
}

/** What {@link JobScheduler.schedule} did. */
export interface ScheduledJob {
  readonly queue: string;
  readonly jobId: string;
  /** False when the same cause was already scheduled: nothing was added. */
  readonly created: boolean;
}

function isCauseList(cause: CausePart | readonly CausePart[]): cause is readonly CausePart[] {
  return Array.isArray(cause);
}

function jsonOf(value: unknown, queue: string, field: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidJobSchedule(queue, `${field} is not JSON (${String(error)})`, field);
  }
  if (text === undefined) throw new InvalidJobSchedule(queue, `${field} is not JSON`, field);
  return text;
}

/**
 * Schedules jobs through the kernel's job outbox: the job is a row written in the caller's
 * transaction (the ambient one, as a command or a processor runs in, or its own), so it exists if
 * and only if the events or checkpoint it goes with commit. The worker's dispatcher hands it to
 * BullMQ after the commit.
 */
@Injectable()
export class JobScheduler {
  constructor(
    private readonly db: KernelDatabase,
    private readonly notifier: CommitNotifier,
  ) {}

  async schedule<Data>(
    definition: JobDefinition<Data>,
    data: Data,
    options: ScheduleOptions,
  ): Promise<ScheduledJob> {
    const cause = isCauseList(options.cause) ? options.cause : [options.cause];
    let jobId: string;
    try {
      jobId = jobIdFrom(...cause);
    } catch (error) {
      throw new InvalidJobSchedule(
        definition.name,
        error instanceof Error ? error.message : String(error),
        'cause',
      );
    }
    if (options.runAt !== undefined && Number.isNaN(options.runAt.getTime())) {
      throw new InvalidJobSchedule(definition.name, 'runAt is an invalid date', 'runAt');
    }
    const jobOptions: OutboxJobOptions = {
      attempts: definition.attempts,
      backoff: { ...definition.backoff },
      ...(definition.defaultJobOptions.removeOnComplete === undefined
        ? {}
        : { removeOnComplete: definition.defaultJobOptions.removeOnComplete }),
      ...(definition.defaultJobOptions.removeOnFail === undefined
        ? {}
        : { removeOnFail: definition.defaultJobOptions.removeOnFail }),
      ...(options.priority === undefined ? {} : { priority: options.priority }),
    };
    const rows = await this.db.query<{ id: string }>(
      `insert into kernel.job_outbox (queue, job_id, job_name, data, options, cause, run_at)
       values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7)
       on conflict (queue, job_id) do nothing
       returning id`,
      [
        definition.name,
        jobId,
        definition.name,
        jsonOf(data, definition.name, 'data'),
        JSON.stringify(jobOptions),
        jsonOf(cause, definition.name, 'cause'),
        options.runAt ?? null,
      ],
    );
    const created = rows.length > 0;
    if (created) this.announce();
    return { queue: definition.name, jobId, created };
  }

  private announce(): void {
    const tx = this.db.currentTransaction;
    if (tx === undefined) this.notifier.signal();
    else tx.afterCommit(() => this.notifier.signal());
  }
}
