import { randomUUID } from 'node:crypto';
import { type CommitNotifier } from '../notify/commit-notifier';
import { type KernelDatabase, type SqlRunner } from '../sql/kernel-database';
import { canonicalJson } from './canonical-json';
import {
  type AppendResult,
  type EventMetadata,
  type LogPosition,
  type NewEvent,
  type StoredEvent,
} from './event';
import { type EventHasher } from './event-hasher';
import { ConcurrentAppend, InvalidAppend, StreamVersionConflict } from './event-store.errors';
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

interface AppendedRow {
  readonly global_position: string;
  readonly stream_version: string;
  readonly event_id: string;
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
// A transaction may only append after an event written by an older (or the same) transaction:
// readers order the log by transaction id, so this keeps every stream's events in version order for
// them. A transaction that has no id yet gets a newer one than any committed transaction has.
const IN_XID_ORDER = `(b.last_xid is null or pg_current_xact_id_if_assigned() is null
  or b.last_xid <= pg_current_xact_id_if_assigned())`;

// The version the append starts from, per expected-version mode, and whether the mode allows it.
// Versions themselves are enforced by the unique index on (stream_id, stream_version): a concurrent
// writer's version makes ours conflict (the insert waits for it to commit or roll back).
const BASE: Record<'exact' | 'no_stream' | 'any' | 'exists', { from: string; allowed: string }> = {
  exact: { from: '$6::bigint', allowed: 'b.last_xid is not null' },
  no_stream: { from: '0::bigint', allowed: 'true' },
  any: {
    from: `(select coalesce(max(stream_version), 0) from kernel.events where stream_id = $1)`,
    allowed: 'true',
  },
  exists: {
    from: `(select coalesce(max(stream_version), 0) from kernel.events where stream_id = $1)`,
    allowed: 'b.from_version > 0',
  },
};

// One statement: find the base version and its writer, draw global positions in the events' order
// (volatile functions in a target list run after ORDER BY), finish each HMAC where version and
// position become known — sha256(outer ‖ sha256(inner ‖ digest ‖ version ‖ position)) — and insert.
// A conflict on every event returns no row; a conflict on only some of them (a concurrent append of
// fewer events) aborts the statement through kernel.append_conflict(), so nothing is half-written.
function appendSql(mode: keyof typeof BASE, inTransaction: boolean): string {
  return `with unused as (select $2::text as category, $3::int as n, $6::bigint as expected),
    base as (select ${BASE[mode].from} as from_version),
    b as (
      select base.from_version,
        (select e.transaction_id from kernel.events e where e.stream_id = $1 and e.stream_version = base.from_version) as last_xid
      from base
    ),
    placed as (
      select x.*, nextval('kernel.events_global_position_seq') as global_position from (
        select e.event_id, e.event_type, e.schema_version, e.data, e.ord, b.from_version + e.ord as stream_version,
          substring($10::bytea from ((e.ord - 1) * 32 + 1)::int for 32) as digest
        from b cross join rows from (unnest($7::uuid[]), unnest($8::text[]), unnest($9::int[]),
          jsonb_array_elements($11::jsonb)) with ordinality as e(event_id, event_type, schema_version, data, ord)
        where ${BASE[mode].allowed} and ${IN_XID_ORDER}
        order by e.ord
      ) x
    ),
    inserted as (
      insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
        data, metadata, correlation_id, causation_id, actor, tenant_id, recorded_at, hash)
      select global_position, $1, stream_version, event_id, event_type, schema_version, data, $12::jsonb,
        $13, $14, $15, $4, $5,
        sha256($17::bytea || sha256($16::bytea || digest || int8send(stream_version) || int8send(global_position)))
      from placed order by ord
      ${inTransaction ? 'on conflict (stream_id, stream_version) do nothing' : ''}
      returning global_position, stream_version, event_id
    )
    select i.global_position, i.stream_version, i.event_id${
      inTransaction
        ? ', case when (select count(*) from inserted) = $3 then true else kernel.append_conflict($1) end as complete'
        : ''
    }
    from inserted i order by i.stream_version`;
}

// In autocommit a conflict may simply fail the statement (unique violation: nothing is written), which
// spares the speculative insertion of ON CONFLICT. Inside a transaction it must not: an error would
// abort the caller's transaction, so there a conflict on every event returns no row instead.
const APPEND_SQL = {
  exact: { transaction: appendSql('exact', true), autocommit: appendSql('exact', false) },
  no_stream: { transaction: appendSql('no_stream', true), autocommit: appendSql('no_stream', false) },
  any: { transaction: appendSql('any', true), autocommit: appendSql('any', false) },
  exists: { transaction: appendSql('exists', true), autocommit: appendSql('exists', false) },
};

// The same for exactly one event, passed as scalars.
function appendOneSql(mode: keyof typeof BASE, inTransaction: boolean): string {
  return `with unused as (select $2::text as category, $3::int as n, $6::bigint as expected),
    base as (select ${BASE[mode].from} as from_version),
    b as (
      select base.from_version,
        (select e.transaction_id from kernel.events e where e.stream_id = $1 and e.stream_version = base.from_version) as last_xid
      from base
    )
    insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
      data, metadata, correlation_id, causation_id, actor, tenant_id, recorded_at, hash)
    select s.global_position, $1, b.from_version + 1, $7::uuid, $8::text, $9::int, $11::jsonb, $12::jsonb,
      $13, $14, $15, $4, $5,
      sha256($17::bytea || sha256($16::bytea || $10::bytea || int8send(b.from_version + 1) || int8send(s.global_position)))
    from b cross join lateral (select nextval('kernel.events_global_position_seq') as global_position) s
    where ${BASE[mode].allowed} and ${IN_XID_ORDER}
    ${inTransaction ? 'on conflict (stream_id, stream_version) do nothing' : ''}
    returning global_position, stream_version, event_id`;
}

const APPEND_ONE_SQL = {
  exact: { transaction: appendOneSql('exact', true), autocommit: appendOneSql('exact', false) },
  no_stream: { transaction: appendOneSql('no_stream', true), autocommit: appendOneSql('no_stream', false) },
  any: { transaction: appendOneSql('any', true), autocommit: appendOneSql('any', false) },
  exists: { transaction: appendOneSql('exists', true), autocommit: appendOneSql('exists', false) },
};

/** The unique index whose violation is a version conflict. */
const VERSION_INDEX = 'events_stream_version_unique';

/** SQLSTATE kernel.append_conflict() raises: a concurrent append took some of the versions. */
export const APPEND_CONFLICT_SQLSTATE = 'BK409';

// 'any' and 'exists' read the stream's version in the statement; a writer committing in between
// makes the append conflict, and it is simply tried again from the new version.
const FLOATING_RETRIES = 10;

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
    const given = options.metadata;
    // Exactly the fields that are stored, so that the verifier recomputes the same hash.
    const metadata: EventMetadata = {
      correlationId: given.correlationId,
      causationId: given.causationId,
      actor: given.actor,
      tenantId: given.tenantId,
      extra: given.extra ?? {},
    };

    const ids: string[] = [];
    const types: string[] = [];
    const versions: number[] = [];
    const data: string[] = [];
    const digests: Buffer[] = [];
    const extra = metadata.extra ?? {};
    const metadataJson = canonicalJson(metadata);
    const recordedAtIso = recordedAt.toISOString();
    events.forEach((event, index) => {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(event.type)) {
        throw new InvalidAppend(`Event type "${event.type}" must be PascalCase`, `events[${index}].type`);
      }
      const eventId = event.eventId ?? randomUUID();
      const schemaVersion = event.schemaVersion ?? this.schemas.currentVersion(event.type);
      let json: string;
      try {
        json = canonicalJson(event.data);
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
        this.hasher.digestOfCanonical({
          streamId: stream,
          eventId,
          type: event.type,
          schemaVersion,
          dataJson: json,
          metadataJson,
          recordedAtIso,
        }),
      );
    });

    const single = events.length === 1;
    // A single event goes as scalars to a simpler statement: no arrays to serialize and unnest.
    const params = [
      stream,
      null,
      events.length,
      metadata.tenantId,
      // As text: node-postgres formats Date parameters in local time, which costs more than the whole append.
      recordedAtIso,
      typeof expected === 'number' ? expected : null,
      single ? ids[0] : ids,
      single ? types[0] : types,
      single ? versions[0] : versions,
      single ? digests[0] : Buffer.concat(digests),
      single ? data[0] : `[${data.join(',')}]`,
      JSON.stringify(extra),
      metadata.correlationId,
      metadata.causationId,
      metadata.actor,
      this.hasher.innerKey,
      this.hasher.outerKey,
    ];
    const tx = this.db.currentTransaction;
    const runner: SqlRunner = tx ?? this.db;
    let rows: AppendedRow[];
    for (let attempt = 1; ; attempt++) {
      rows = await this.insert(runner, mode, single, tx !== undefined, params, stream, expected);
      const floating = mode === 'any' || mode === 'exists';
      if (rows.length > 0 || !floating || attempt >= FLOATING_RETRIES) break;
      if (mode === 'exists' && (await this.streamVersion(stream, runner)) === 0) break;
      if (!(await this.inXidOrder(stream, runner))) break;
    }
    if (rows.length === 0) throw await this.conflictOf(stream, expected, runner);
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

  private async insert(
    runner: SqlRunner,
    mode: keyof typeof APPEND_SQL,
    single: boolean,
    inTransaction: boolean,
    params: readonly unknown[],
    stream: string,
    expected: ExpectedVersion,
  ): Promise<AppendedRow[]> {
    const variant = inTransaction ? 'transaction' : 'autocommit';
    const sql = single ? APPEND_ONE_SQL[mode][variant] : APPEND_SQL[mode][variant];
    try {
      return await runner.query<AppendedRow>(
        sql,
        params,
        `kernel_append_${single ? 'one' : 'many'}_${mode}_${variant}`,
      );
    } catch (error) {
      const { code, constraint } = error as { code?: unknown; constraint?: unknown };
      if (!inTransaction && code === '23505' && constraint === VERSION_INDEX) return [];
      if (code === APPEND_CONFLICT_SQLSTATE) {
        // The caller's transaction is aborted now: the version is read outside it.
        const pool: SqlRunner = { query: (text, values, name) => this.db.queryOnPool(text, values, name) };
        throw new StreamVersionConflict(stream, expected, await this.streamVersion(stream, pool));
      }
      throw error;
    }
  }

  private async inXidOrder(stream: string, runner: SqlRunner): Promise<boolean> {
    const [row] = await runner.query<{ in_order: boolean }>(
      `select ${IN_XID_ORDER} as in_order from (select transaction_id as last_xid from kernel.events
         where stream_id = $1 order by stream_version desc limit 1) b`,
      [stream],
    );
    return row?.in_order ?? true;
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
      'kernel_read_all',
    );
    return rows.map((row) => this.toStoredEvent(row));
  }

  private async conflictOf(stream: string, expected: ExpectedVersion, runner: SqlRunner): Promise<Error> {
    const actual = await this.streamVersion(stream, runner);
    const versionHolds =
      expected === 'any' ||
      (expected === 'exists' && actual > 0) ||
      (expected === 'no_stream' && actual === 0) ||
      expected === actual;
    if (versionHolds && !(await this.inXidOrder(stream, runner))) return new ConcurrentAppend(stream);
    return new StreamVersionConflict(stream, expected, actual);
  }

  /** The current version of a stream, 0 when it does not exist. */
  async streamVersion(stream: string, runner: SqlRunner = this.db): Promise<number> {
    const rows = await runner.query<{ version: string }>(
      'select coalesce(max(stream_version), 0) as version from kernel.events where stream_id = $1',
      [stream],
    );
    return Number(rows[0]?.version ?? 0);
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
