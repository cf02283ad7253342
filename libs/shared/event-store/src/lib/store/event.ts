/** Who caused an event: `user:<id>`, `staff:<id>`, `system:<process>`, `processor:<name>`. */
export type Actor = string;

/** Metadata recorded with every event (ARCHITECTURE.md §4). */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly tenantId: string | null;
  /** Anything else worth keeping with the event (request id, client, import batch…). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** An event to append: a past-tense type, its data, and optionally an id and schema version. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Defaults to a fresh UUID. */
  readonly eventId?: string;
  /** Defaults to the version registered for the type, or 1. */
  readonly schemaVersion?: number;
}

/** A position in the global log in commit order. */
export interface LogPosition {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

/** The position before the first event. */
export const LOG_START: LogPosition = { transactionId: 0n, globalPosition: 0n };

/** Orders two log positions as the readers of the global log do. */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

/** An event as stored, after upcasting to the newest schema version of its type. */
export interface StoredEvent<Type extends string = string, Data = unknown> extends LogPosition {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** What an append wrote. */
export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: the number of events it holds. */
  readonly nextVersion: number;
  readonly events: readonly {
    readonly eventId: string;
    readonly globalPosition: bigint;
    readonly streamVersion: number;
  }[];
}

/** Stream ids are `<category>-<id>`; the category is what comes before the first dash. */
export function streamId(category: string, id: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(category)) {
    throw new TypeError(`Stream category "${category}" must be a letter followed by letters and digits`);
  }
  return `${category}-${id}`;
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
