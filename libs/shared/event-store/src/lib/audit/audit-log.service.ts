import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditEvent,
  type AuditEventFilter,
  type AuditEventQuery,
  type Page,
  pageLimit,
} from '@bandstand/shared/contracts';
import { KernelDatabase } from '../sql/kernel-database';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { AuditQueryInvalid } from './audit.errors';
import { canonicalTimestamp } from './iso-timestamp';

/** A statement with its bound parameters. */
export interface AuditStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** A row of the audit query as `pg` returns it. */
interface AuditRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly actor: string;
  readonly tenant_id: string | null;
  readonly recorded_at: Date | string;
  readonly hash: string;
}

/** `%`, `_` and the escape character itself, escaped so that a prefix is matched literally by LIKE. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The audit query for validated filters: newest first, below the cursor's position, every filter
 * ANDed. Each filter has an index led by its column (migration add_audit_indexes_to_events), and the
 * statement is never prepared under a name: a generic plan could not use the prefix's index.
 */
export function auditStatement(
  query: AuditEventFilter,
  before: string | null,
  limit: number,
): AuditStatement {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  if (before !== null) where.push(`global_position < ${bind(before, '::bigint')}`);
  if (query.streamId !== undefined) where.push(`stream_id = ${bind(query.streamId)}`);
  if (query.streamPrefix !== undefined) where.push(`stream_id like ${bind(likePrefix(query.streamPrefix))}`);
  if (query.actor !== undefined) where.push(`actor = ${bind(query.actor)}`);
  if (query.tenantId !== undefined) where.push(`tenant_id = ${bind(query.tenantId)}`);
  if (query.type !== undefined) where.push(`event_type = ${bind(query.type)}`);
  if (query.from !== undefined)
    where.push(`recorded_at >= ${bind(canonicalTimestamp(query.from), '::timestamptz')}`);
  if (query.to !== undefined)
    where.push(`recorded_at < ${bind(canonicalTimestamp(query.to), '::timestamptz')}`);
  const text = `select global_position, transaction_id, stream_id, stream_version, event_id, event_type,
      schema_version, data, metadata, correlation_id, causation_id, actor, tenant_id, recorded_at,
      encode(hash, 'hex') as hash
    from kernel.events
    ${where.length === 0 ? '' : `where ${where.join(' and ')}`}
    order by global_position desc
    limit ${bind(limit, '::int')}`;
  return { text, params };
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    extra: row.metadata,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    tenantId: row.tenant_id,
    recordedAt: (row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at)).toISOString(),
    hash: row.hash,
  };
}

/**
 * The event log as auditors browse it (docs/contexts/kernel.md, "Audit"): stored events newest
 * first, filtered by stream, actor, tenant, type and time, a page at a time. Events are shown as
 * stored — data at the schema version it was written in, not upcast — because that is what the
 * HMAC covers.
 */
@Injectable()
export class AuditLog {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  async events(query: AuditEventQuery = {}): Promise<Page<AuditEvent>> {
    const before = query.cursor === undefined ? null : decodeAuditCursor(query.cursor);
    if (
      query.from !== undefined &&
      query.to !== undefined &&
      Date.parse(query.to) <= Date.parse(query.from)
    ) {
      throw new AuditQueryInvalid('to', '"to" must be later than "from": the range holds no moment');
    }
    const limit = pageLimit(query.limit);
    // One row more than the page says whether another page follows, so the last page has no cursor.
    const statement = auditStatement(query, before, limit + 1);
    const rows = await this.db.queryOnPool<AuditRow>(statement.text, statement.params);
    const items = rows.slice(0, limit).map(toAuditEvent);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeAuditCursor(last.globalPosition) : null,
    };
  }
}
