import { DomainError } from '@bandstand/shared/contracts';

/** No seal has been written yet (the worker's sealer has not run, or the store is empty). */
export class NoSealYet extends DomainError {
  constructor() {
    super(
      'KERNEL.NO_SEAL_YET',
      'The event store has no seal yet: the worker seals the global log about once a second once events exist',
      { status: 404 },
    );
  }
}

/** A verification is already running in this process; they are heavy, so one at a time. */
export class VerificationInProgress extends DomainError {
  constructor() {
    super(
      'KERNEL.VERIFICATION_IN_PROGRESS',
      'A verification of the event store is already running in this process: wait for its report',
      { status: 409 },
    );
  }
}
