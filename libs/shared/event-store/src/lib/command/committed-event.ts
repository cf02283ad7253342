import { filter, type OperatorFunction } from 'rxjs';
import { type EventMetadata, type StoredEvent } from '../store/event';

/**
 * A stored event as the command path publishes it on the `@nestjs/cqrs` EventBus, once its
 * transaction has committed. A class, because the EventBus routes by class: subscribe with
 * `@EventsHandler(CommittedEvent)` and look at `type`, or filter a saga with {@link ofCommittedType}.
 * In-process and at most once (lost if the process dies after the commit): reactions that must
 * happen belong in a processor, which reads the durable log.
 */
export class CommittedEvent<Type extends string = string, Data = unknown> implements StoredEvent<Type, Data> {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;

  constructor(event: StoredEvent<Type, Data>) {
    this.transactionId = event.transactionId;
    this.globalPosition = event.globalPosition;
    this.streamId = event.streamId;
    this.streamVersion = event.streamVersion;
    this.eventId = event.eventId;
    this.type = event.type;
    this.schemaVersion = event.schemaVersion;
    this.data = event.data;
    this.metadata = event.metadata;
    this.recordedAt = event.recordedAt;
  }
}

/** Keeps the committed events of the given types, for sagas on the EventBus. */
export function ofCommittedType<Type extends string>(
  ...types: readonly Type[]
): OperatorFunction<unknown, CommittedEvent<Type>> {
  const wanted = new Set<string>(types);
  const isCommitted = (event: unknown): event is CommittedEvent => event instanceof CommittedEvent;
  return filter((event): event is CommittedEvent<Type> => isCommitted(event) && wanted.has(event.type));
}
