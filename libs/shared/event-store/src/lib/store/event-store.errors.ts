import { DomainError } from '@bandstand/shared/contracts';
import { describeExpectedVersion, type ExpectedVersion } from './expected-version';

/** The stream was not at the version the append expected; nothing was written. */
export class StreamVersionConflict extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      'KERNEL.STREAM_VERSION_CONFLICT',
      `Stream ${streamId} was expected at ${describeExpectedVersion(expected)} but is at version ${actual}`,
      { status: 409 },
    );
  }
}

/** An append was malformed (no events, bad stream id, data that is not JSON); nothing was written. */
export class InvalidAppend extends DomainError {
  constructor(message: string, field: string) {
    super('KERNEL.INVALID_APPEND', message, { status: 400, field });
  }
}

/** An event's stored schema version is newer than this code knows, or no upcaster bridges the gap. */
export class UnknownEventSchema extends DomainError {
  constructor(type: string, version: number, detail: string) {
    super('KERNEL.UNKNOWN_EVENT_SCHEMA', `Event ${type} v${version}: ${detail}`, { status: 500 });
  }
}

/**
 * A newer transaction appended to the stream after this transaction had started writing: appending
 * now would put the stream's events out of order in the global log. Nothing was written; the whole
 * transaction must be retried (the command path and the subscription runner do so).
 */
export class ConcurrentAppend extends DomainError {
  constructor(readonly streamId: string) {
    super(
      'KERNEL.CONCURRENT_APPEND',
      `Stream ${streamId} was changed by a newer transaction meanwhile; retry the request`,
      { status: 409 },
    );
  }
}
