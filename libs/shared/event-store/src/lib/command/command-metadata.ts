import { type Actor, type EventMetadata, type StoredEvent } from '../store/event';

/** Who runs a command and why: recorded as the metadata of every event the command appends. */
export interface CommandMetadata {
  /** Shared by everything one request or flow causes; a processor passes on its event's. */
  readonly correlationId: string;
  /** The event (id) or request that caused this command; null when nothing did. */
  readonly causationId?: string | null;
  readonly actor: Actor;
  readonly tenantId?: string | null;
  /** Anything else worth keeping with the events (request id, client, import batch…). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The event metadata a command's events carry. */
export function toEventMetadata(metadata: CommandMetadata): EventMetadata {
  return {
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    actor: metadata.actor,
    tenantId: metadata.tenantId ?? null,
    ...(metadata.extra === undefined ? {} : { extra: metadata.extra }),
  };
}

/**
 * The metadata of a command that `event` causes (a processor's command): same correlation and
 * tenant, the event as its cause, and the processor as its actor.
 */
export function causedBy(
  event: StoredEvent,
  actor: Actor,
  extra?: Readonly<Record<string, unknown>>,
): CommandMetadata {
  return {
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    actor,
    tenantId: event.metadata.tenantId,
    ...(extra === undefined ? {} : { extra }),
  };
}
