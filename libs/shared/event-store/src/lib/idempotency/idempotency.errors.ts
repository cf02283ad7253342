import { DomainError } from '@bandstand/shared/contracts';

/** The request header carrying a client's idempotency key (IETF draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The response header marking an answer that was stored earlier and is sent again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** The Idempotency-Key header is not 1–255 visible ASCII characters; nothing ran. */
export class IdempotencyKeyInvalid extends DomainError {
  constructor() {
    super(
      'KERNEL.IDEMPOTENCY_KEY_INVALID',
      `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters (a UUID is a good choice)`,
      { status: 400, field: IDEMPOTENCY_KEY_HEADER },
    );
  }
}

/** The route moves money or credits and refuses to run without an Idempotency-Key; nothing ran. */
export class IdempotencyKeyRequired extends DomainError {
  constructor() {
    super(
      'KERNEL.IDEMPOTENCY_KEY_REQUIRED',
      `This request must carry an ${IDEMPOTENCY_KEY_HEADER} header, so that retrying it cannot run it twice`,
      { status: 428, field: IDEMPOTENCY_KEY_HEADER },
    );
  }
}

/** The key was already used for another request (other body, path or query); nothing ran. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(
      'KERNEL.IDEMPOTENCY_KEY_REUSED',
      `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request: use a new key for a new request`,
      { status: 422, field: IDEMPOTENCY_KEY_HEADER },
    );
  }
}

/** A request with the same key is still running and did not finish within the wait; nothing ran. */
export class IdempotencyRequestInProgress extends DomainError {
  constructor() {
    super(
      'KERNEL.IDEMPOTENCY_REQUEST_IN_PROGRESS',
      `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed: retry it shortly to get its answer`,
      { status: 409 },
    );
  }
}
