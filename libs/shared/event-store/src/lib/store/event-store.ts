import { randomUUID } from 'node:crypto';
import { type CommitNotifier } from '../notify/commit-notifier';
import { type KernelDatabase, type SqlRunner } from '../sql/kernel-database';
import { canonicalJson } from './canonical-json';
import {
  type AppendResult,
  categoryOf,
  type EventMetadata,
  type LogPosition,
  type NewEvent,
  type StoredEvent,
} from './event';
import { type EventHasher } from './event-hasher';
import { InvalidAppend, StreamVersionConflict } from './event-store.errors';
import { type ExpectedVersion } from './expected-version';
import { type EventSchemaRegistry } from './upcasters';

/** How an append is made: what the caller expects of the stream, who did it, and when. */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly metadata: EventMetadata;
  /** The time recorded with the events; the command path passes its clock's time. */
  readonly recordedAt?: Date;
}

/** A stream as read: its events in order and its version (0 when it does not exist). */
export interface ReadStreamResult<Type extends string = string> {
  readonly version: number;
  readonly events: readonly StoredEvent<Type>[];
}

/** The columns every read of events selects, in the shape {@link toStoredEvent} maps. */
export const EVENT_COLUMNS = `global_position, transaction_id, stream_id, stream_version, event_id, event_type,
  schema_version, data, metadata, correlation_id, causation_id, actor, tenant_id, recorded_at`;

/** A row of kernel.events as `pg` returns it. */
export interface EventRow {
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
}

/** The metadata of a stored row, in the shape that was hashed when it was appended. */
export function metadataOf(row: EventRow): EventMetadata {
  return {
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    tenantId: row.tenant_id,
    extra: row.metadata,
  };
}

// One statement per expected-version mode; each yields the version the stream had before the append,
// or no row when the expectation does not hold, in which case the insert below writes nothing.
const BUMP: Record<'exact' | 'no_stream' | 'any' | 'exists', string> = {
  exact: `update kernel.streams s set version = s.version + p.n, updated_at = p.at from p
    where s.stream_id = p.stream_id and s.version = p.expected returning s.version - p.n as from_version`,
  no_stream: `insert into kernel.streams (stream_id, category, version, tenant_id, created_at, updated_at)
    select stream_id, category, n, tenant_id, at, at from p
    on conflict (stream_id) do nothing returning 0::bigint as from_version`,
  any: `insert into kernel.streams as s (stream_id, category, version, tenant_id, created_at, updated_at)
    select stream_id, category, n, tenant_id, at, at from p
    on conflict (stream_id) do update set version = s.version + excluded.version, updated_at = excluded.updated_at
    returning s.version - $3::bigint as from_version`,
  exists: `update kernel.streams s set version = s.version + p.n, updated_at = p.at from p
    where s.stream_id = p.stream_id returning s.version - p.n as from_version`,
};

// Global positions are drawn after sorting by the events' order in the append (volatile functions in
// a target list run after ORDER BY), so within a transaction they follow stream versions. The HMAC is
// finished here, where version and position become known: sha256(outer ‖ sha256(inner ‖ message)).
function appendSql(mode: keyof typeof BUMP): string {
  return `with p as (
      select $1::text as stream_id, $2::text as category, $3::bigint as n, $4::text as tenant_id,
        $5::timestamptz as at, $6::bigint as expected, $11::jsonb as metadata, $13::text as correlation_id,
        $14::text as causation_id, $15::text as actor, $16::bytea as inner_key, $17::bytea as outer_key
    ),
    bumped as (${BUMP[mode]}),
    placed as (
      select e.*, b.from_version + e.ord as stream_version, nextval('kernel.events_global_position_seq') as global_position
      from bumped b cross join unnest($7::uuid[], $8::text[], $9::int[], $10::text[], $12::bytea[])
        with ordinality as e(event_id, event_type, schema_version, data, digest, ord)
      order by e.ord
    )
    insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
      data, metadata, correlation_id, causation_id, actor, tenant_id, recorded_at, hash)
    select x.global_position, p.stream_id, x.stream_version, x.event_id, x.event_type, x.schema_version, x.data::jsonb,
      p.metadata, p.correlation_id, p.causation_id, p.actor, p.tenant_id, p.at,
      sha256(p.outer_key || sha256(p.inner_key || x.digest || int8send(x.stream_version) || int8send(x.global_position)))
    from placed x cross join p order by x.ord
    returning global_position, stream_version, event_id`;
}

const APPEND_SQL = {
  exact: appendSql('exact'),
  no_stream: appendSql('no_stream'),
  any: appendSql('any'),
  exists: appendSql('exists'),
};

const STREAM_ID = /^[a-z][a-zA-Z0-9]*-\S+$/;

/**
 * The event store on PostgreSQL (docs/contexts/kernel.md). An append is one SQL statement: it
 * checks the expected version, bumps the stream and inserts the events with their HMACs, in the
 * caller's transaction when there is one (so inline projections and idempotency records commit with
 * it) or on its own otherwise.
 */
export class EventStore {
  constructor(
    private readonly db: KernelDatabase,
    private readonly hasher: EventHasher,
    readonly schemas: EventSchemaRegistry,
    private readonly notifier: CommitNotifier,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (!STREAM_ID.test(stream) || stream.length > 200) {
      throw new InvalidAppend(`"${stream}" is not a stream id of the form <category>-<id>`, 'streamId');
    }
    if (events.length === 0) throw new InvalidAppend('An append needs at least one event', 'events');
    const expected = options.expectedVersion;
    if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
      throw new InvalidAppend(`Expected version ${expected} is not a whole number ≥ 0`, 'expectedVersion');
    }
    const mode = typeof expected === 'number' ? (expected === 0 ? 'no_stream' : 'exact') : expected;
    const recordedAt = options.recordedAt ?? this.clock();
    const metadata: EventMetadata = { ...options.metadata, extra: options.metadata.extra ?? {} };

    const ids: string[] = [];
    const types: string[] = [];
    const versions: number[] = [];
    const data: string[] = [];
    const digests: Buffer[] = [];
    events.forEach((event, index) => {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(event.type)) {
        throw new InvalidAppend(`Event type "${event.type}" must be PascalCase`, `events[${index}].type`);
      }
      const eventId = event.eventId ?? randomUUID();
      const schemaVersion = event.schemaVersion ?? this.schemas.currentVersion(event.type);
      let json: string;
      let normalized: unknown;
      try {
        json = canonicalJson(event.data);
        normalized = JSON.parse(json);
      } catch (error) {
        throw new InvalidAppend(`Event data is not JSON: ${String(error)}`, `events[${index}].data`);
      }
      if (json.includes('\\u0000')) {
        throw new InvalidAppend('Event data must not contain NUL characters', `events[${index}].data`);
      }
      ids.push(eventId);
      types.push(event.type);
      versions.push(schemaVersion);
      data.push(json);
      digests.push(
        this.hasher.digest({
          streamId: stream,
          eventId,
          type: event.type,
          schemaVersion,
          data: normalized,
          metadata,
          recordedAt,
        }),
      );
    });

    const params = [
      stream,
      categoryOf(stream),
      events.length,
      metadata.tenantId,
      recordedAt,
      typeof expected === 'number' ? expected : null,
      ids,
      types,
      versions,
      data,
      JSON.stringify(metadata.extra),
      digests,
      metadata.correlationId,
      metadata.causationId,
      metadata.actor,
      this.hasher.innerKey,
      this.hasher.outerKey,
    ];
    const tx = this.db.currentTransaction;
    const rows = await (tx ?? this.db).query<{
      global_position: string;
      stream_version: string;
      event_id: string;
    }>(APPEND_SQL[mode], params);
    if (rows.length === 0) {
      throw new StreamVersionConflict(stream, expected, await this.streamVersion(stream, tx ?? this.db));
    }
    if (tx) tx.afterCommit(() => this.notifier.signal());
    else this.notifier.signal();
    const appended = rows.map((row) => ({
      eventId: row.event_id,
      globalPosition: BigInt(row.global_position),
      streamVersion: Number(row.stream_version),
    }));
    return {
      streamId: stream,
      nextVersion: appended[appended.length - 1]?.streamVersion ?? 0,
      events: appended,
    };
  }

  /** A stream's events in order, upcast to their newest schema versions. */
  async readStream<Type extends string = string>(
    stream: string,
    fromVersion = 0,
  ): Promise<ReadStreamResult<Type>> {
    const rows = await this.db.query<EventRow>(
      `select ${EVENT_COLUMNS} from kernel.events where stream_id = $1 and stream_version > $2 order by stream_version`,
      [stream, fromVersion],
    );
    const events = rows.map((row) => this.toStoredEvent<Type>(row));
    return { version: events[events.length - 1]?.streamVersion ?? fromVersion, events };
  }

  /**
   * Events after `after` in commit order, stopping below the oldest transaction still running: an
   * event whose transaction commits later can only appear above that horizon, so none is skipped.
   */
  async readAll(after: LogPosition, limit: number, runner: SqlRunner = this.db): Promise<StoredEvent[]> {
    const rows = await runner.query<EventRow>(
      `select ${EVENT_COLUMNS} from kernel.events
       where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       order by transaction_id, global_position limit $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), limit],
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  /** The current version of a stream, 0 when it does not exist. */
  async streamVersion(stream: string, runner: SqlRunner = this.db): Promise<number> {
    const rows = await runner.query<{ version: string }>(
      'select version from kernel.streams where stream_id = $1',
      [stream],
    );
    return rows[0] ? Number(rows[0].version) : 0;
  }

  toStoredEvent<Type extends string = string>(row: EventRow): StoredEvent<Type> {
    const { version, data } = this.schemas.upcast(row.event_type, row.schema_version, row.data);
    return {
      transactionId: BigInt(row.transaction_id),
      globalPosition: BigInt(row.global_position),
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      eventId: row.event_id,
      type: row.event_type as Type,
      schemaVersion: version,
      data,
      metadata: metadataOf(row),
      recordedAt: new Date(row.recorded_at),
    };
  }
}
