import { DomainError, KERNEL_OPERATIONS_ERROR_CODES } from '@bandstand/shared/contracts';

/** No subscription of that name: it never ran in this environment, or the name is misspelt. */
export class UnknownSubscription extends DomainError {
  constructor(name: string) {
    super(KERNEL_OPERATIONS_ERROR_CODES.unknownSubscription, `There is no subscription named "${name}"`, {
      status: 404,
    });
  }
}

/** The subscription has parked no event at that position (or it was retried successfully since). */
export class UnknownParkedEvent extends DomainError {
  constructor(name: string, position: string) {
    super(
      KERNEL_OPERATIONS_ERROR_CODES.unknownParkedEvent,
      `Subscription "${name}" has no parked event at global position ${position}`,
      { status: 404 },
    );
  }
}

/** Only a stopped or failed subscriber can be resumed. */
export class SubscriptionNotResumable extends DomainError {
  constructor(name: string, status: string) {
    super(
      KERNEL_OPERATIONS_ERROR_CODES.notResumable,
      `Subscription "${name}" is ${status}: only a stopped or failed subscriber can be resumed`,
      { status: 409 },
    );
  }
}

/**
 * Only projections are rebuilt: replaying a processor would execute its commands a second time, and
 * the kernel's own subscribers rebuild themselves.
 */
export class SubscriptionNotRebuildable extends DomainError {
  constructor(name: string, kind: string) {
    super(
      KERNEL_OPERATIONS_ERROR_CODES.notRebuildable,
      `Subscription "${name}" is a ${kind}: only projections can be rebuilt (a replayed processor would run its commands again)`,
      { status: 409 },
    );
  }
}

/** The cursor is not one this api handed out. */
export class InvalidCursor extends DomainError {
  constructor() {
    super(KERNEL_OPERATIONS_ERROR_CODES.invalidCursor, 'The cursor is not valid: start again without one', {
      status: 400,
      field: 'cursor',
    });
  }
}
