import { type ErrorCode } from './error-code';

/** Where the kernel's audit log is served (staff holding `staff.audit.read`). */
export const KERNEL_EVENTS_PATH = '/api/v1/kernel/events';

/** Where a verification of the event store is run (staff holding `staff.audit.verify`); answers an `IntegrityReport`. */
export const KERNEL_INTEGRITY_VERIFICATIONS_PATH = '/api/v1/kernel/integrity/verifications';

/** Longest value a text filter of the audit log accepts. */
export const AUDIT_FILTER_MAX_LENGTH = 200;

/** Stable codes of the audit log's errors (validation failures use the `VALIDATION.*` codes). */
export const AUDIT_ERROR_CODES = {
  /** The filters contradict each other (a time range ending before it starts); the field is named. */
  queryInvalid: 'KERNEL.AUDIT_QUERY_INVALID',
  /** The cursor is not one the api handed out. */
  invalidCursor: 'KERNEL.INVALID_CURSOR',
} as const satisfies Record<string, ErrorCode>;

/**
 * Query of `GET /api/v1/kernel/events`: every filter given must hold (AND); the list is newest
 * first, a cursor page at a time.
 */
export interface AuditEventQuery {
  /** Exactly this stream, e.g. `identity-user-7f3c…`. */
  readonly streamId?: string;
  /** Streams whose id starts with this, e.g. `identity-org-` for every organisation. */
  readonly streamPrefix?: string;
  /** Who caused the events, exactly: `user:<id>`, `system`, `processor:<name>`. */
  readonly actor?: string;
  /** The tenant the events belong to (an organisation or a user id), exactly. */
  readonly tenantId?: string;
  /** The event type, exactly (PascalCase, e.g. `StaffRoleGranted`). */
  readonly type?: string;
  /** ISO 8601: events recorded at or after this moment. */
  readonly from?: string;
  /** ISO 8601: events recorded before this moment. */
  readonly to?: string;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1 to `MAX_PAGE_LIMIT`; `DEFAULT_PAGE_LIMIT` when absent. */
  readonly limit?: number;
}

/** The filters of an {@link AuditEventQuery}, without its page position. */
export type AuditEventFilter = Omit<AuditEventQuery, 'cursor' | 'limit'>;

/** One stored event as an auditor sees it: exactly as stored, with its position, metadata and HMAC. */
export interface AuditEvent {
  /** Place in the global log (64-bit, a decimal string). */
  readonly globalPosition: string;
  /** The PostgreSQL transaction that wrote it (xid8, a decimal string). */
  readonly transactionId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  /** The schema version the data was written at (shown as stored, not upcast). */
  readonly schemaVersion: number;
  /** The event's data as stored (JSON). Sealed personal fields stay sealed. */
  readonly data: unknown;
  /** Metadata beyond the fixed fields (request id, client, import batch…). */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Who caused it: `user:<id>`, `system`, `processor:<name>`. */
  readonly actor: string;
  readonly tenantId: string | null;
  /** ISO 8601 time it was recorded. */
  readonly recordedAt: string;
  /** Its HMAC-SHA256 under the event store key, hex (what the integrity verifier checks). */
  readonly hash: string;
}
