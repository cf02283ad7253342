import { DomainError } from '@bandstand/shared/contracts';

/** A job could not be scheduled as asked (no cause, data that is not JSON); nothing was written. */
export class InvalidJobSchedule extends DomainError {
  constructor(queue: string, detail: string, field: string) {
    super('KERNEL.INVALID_JOB_SCHEDULE', `Job on ${queue}: ${detail}`, { status: 400, field });
  }
}

/**
 * The job was completed by another run while this one worked: the work given to `completeWith`
 * was rolled back, and the run is acknowledged without doing anything twice.
 */
export class JobAlreadyCompleted extends DomainError {
  constructor(
    readonly queue: string,
    readonly jobId: string,
  ) {
    super('KERNEL.JOB_ALREADY_COMPLETED', `Job ${jobId} on ${queue} is already completed`, { status: 409 });
  }
}

/**
 * This run no longer holds the job (its claim expired and another run took it over): its work was
 * rolled back, and the job is looked at again later.
 */
export class JobRunSuperseded extends DomainError {
  constructor(
    readonly queue: string,
    readonly jobId: string,
  ) {
    super('KERNEL.JOB_RUN_SUPERSEDED', `This run of job ${jobId} on ${queue} was taken over by another`, {
      status: 409,
    });
  }
}
