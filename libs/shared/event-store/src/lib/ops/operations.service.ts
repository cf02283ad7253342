import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  EVENTS_BEHIND_CAP,
  type HorizonHolderView,
  type KernelOperationsOverview,
  type LogHeadView,
  type Page,
  type PageRequest,
  pageLimit,
  type ParkedEventView,
  type QueueDepthsView,
  type ReadHorizonView,
  type SubscriptionKind,
  type SubscriptionOperationsView,
  type SubscriptionStatus,
} from '@bandstand/shared/contracts';
import { KernelDatabase } from '../sql/kernel-database';
import {
  SubscriptionNotRebuildable,
  SubscriptionNotResumable,
  UnknownParkedEvent,
  UnknownSubscription,
} from './operations.errors';
import { decodeParkedCursor, encodeParkedCursor, isGlobalPosition } from './parked-cursor';
import { QUEUE_DEPTH_SOURCE, type QueueDepthSource } from './queue-depth-source';

type Timestamp = Date | string;

interface SubscriptionRow {
  readonly name: string;
  readonly kind: SubscriptionKind;
  readonly definition_version: number;
  readonly status: SubscriptionStatus;
  readonly position_transaction_id: string;
  readonly position_global: string;
  readonly events_handled: number;
  readonly last_event_recorded_at: Timestamp | null;
  readonly last_handled_at: Timestamp | null;
  readonly lease_owner: string | null;
  readonly lease_expires_at: Timestamp | null;
  readonly lease_live: boolean;
  readonly rebuild_requested_at: Timestamp | null;
  readonly rebuild_started_at: Timestamp | null;
  readonly rebuild_finished_at: Timestamp | null;
  readonly rebuild_done: number | null;
  readonly rebuild_total: number | null;
  readonly last_error: string | null;
  readonly last_error_at: Timestamp | null;
  readonly updated_at: Timestamp;
  readonly events_behind: number;
  readonly oldest_unprocessed_at: Timestamp | null;
  readonly lag_seconds: number;
  readonly parked_count: number;
}

interface HorizonRow {
  readonly horizon: string;
  readonly events_waiting: number;
  readonly pid: number | null;
  readonly database: string | null;
  readonly user_name: string | null;
  readonly application_name: string | null;
  readonly state: string | null;
  readonly transaction_started_at: Timestamp | null;
  readonly query_started_at: Timestamp | null;
  readonly prepared_gid: string | null;
  readonly age_seconds: number | null;
}

interface ParkedRow {
  readonly subscription: string;
  readonly global_position: string;
  readonly transaction_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly stream_id: string;
  readonly attempts: number;
  readonly error: string;
  readonly parked_at: Timestamp;
  readonly retry_requested_at: Timestamp | null;
}

// Both lateral subqueries walk the commit-order index from the checkpoint; the count stops one past
// the cap, so a subscriber millions of events behind costs no more than one at the cap.
function subscriptionsSql(where: string): string {
  return `select s.name, s.kind, s.definition_version, s.status,
      s.position_transaction_id::text as position_transaction_id, s.position_global::text as position_global,
      s.events_handled::float8 as events_handled, s.last_event_recorded_at, s.last_handled_at,
      s.lease_owner, s.lease_expires_at, coalesce(s.lease_expires_at > now(), false) as lease_live,
      s.rebuild_requested_at, s.rebuild_started_at, s.rebuild_finished_at,
      s.rebuild_done::float8 as rebuild_done, s.rebuild_total::float8 as rebuild_total,
      s.last_error, s.last_error_at, s.updated_at,
      behind.n as events_behind,
      oldest.recorded_at as oldest_unprocessed_at,
      greatest(0, extract(epoch from now() - oldest.recorded_at))::float8 as lag_seconds,
      (select count(*) from kernel.parked_events p where p.subscription = s.name)::int as parked_count
    from kernel.subscriptions s
    cross join lateral (
      select count(*)::int as n from (
        select 1 from kernel.events e
        where (e.transaction_id, e.global_position) > (s.position_transaction_id, s.position_global)
        limit $1
      ) counted
    ) behind
    left join lateral (
      select e.recorded_at from kernel.events e
      where (e.transaction_id, e.global_position) > (s.position_transaction_id, s.position_global)
      order by e.transaction_id, e.global_position limit 1
    ) oldest on true
    ${where}
    order by s.name`;
}

const ALL_SUBSCRIPTIONS_SQL = subscriptionsSql('');
const ONE_SUBSCRIPTION_SQL = subscriptionsSql('where s.name = $2');

// Output columns shadow table columns in ORDER BY: order by the qualified ones, not their text.
const HEAD_SQL = `select e.transaction_id::text as transaction_id, e.global_position::text as global_position, e.recorded_at
  from kernel.events e order by e.transaction_id desc, e.global_position desc limit 1`;

// The horizon is the oldest transaction id still running anywhere in the cluster; the backend whose
// top-level xid it is (or a prepared transaction) is what holds every subscriber back.
const HORIZON_SQL = `with h as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
  select h.xmin::text as horizon,
    (select count(*)::int from (select 1 from kernel.events e where e.transaction_id >= h.xmin limit $1) waiting)
      as events_waiting,
    a.pid, coalesce(a.datname, p.database) as database, coalesce(a.usename, p.owner) as user_name,
    a.application_name, case when p.gid is not null then 'prepared' else a.state end as state,
    coalesce(a.xact_start, p.prepared) as transaction_started_at, a.query_start as query_started_at,
    p.gid as prepared_gid,
    greatest(0, extract(epoch from now() - coalesce(a.xact_start, p.prepared)))::float8 as age_seconds
  from h
  left join lateral (
    select pid, datname, usename::text, application_name, state, xact_start, query_start
    from pg_stat_activity where backend_xid = xid(h.xmin) and pid <> pg_backend_pid()
    order by xact_start limit 1
  ) a on true
  left join lateral (
    select gid, prepared, database::text, owner::text from pg_prepared_xacts where transaction = xid(h.xmin) limit 1
  ) p on a.pid is null`;

const PARKED_COLUMNS = `subscription, global_position::text as global_position, transaction_id::text as transaction_id,
  event_id, event_type, stream_id, attempts, error, parked_at, retry_requested_at`;

function iso(value: Timestamp): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function isoOrNull(value: Timestamp | null): string | null {
  return value === null ? null : iso(value);
}

function toSubscriptionView(row: SubscriptionRow): SubscriptionOperationsView {
  const capped = row.events_behind > EVENTS_BEHIND_CAP;
  return {
    name: row.name,
    kind: row.kind,
    definitionVersion: row.definition_version,
    status: row.status,
    checkpoint: { transactionId: row.position_transaction_id, globalPosition: row.position_global },
    eventsHandled: row.events_handled,
    eventsBehind: capped ? EVENTS_BEHIND_CAP : row.events_behind,
    eventsBehindCapped: capped,
    lagSeconds: row.lag_seconds,
    oldestUnprocessedAt: isoOrNull(row.oldest_unprocessed_at),
    lastEventRecordedAt: isoOrNull(row.last_event_recorded_at),
    lastHandledAt: isoOrNull(row.last_handled_at),
    lease:
      row.lease_owner === null || row.lease_expires_at === null
        ? null
        : { owner: row.lease_owner, expiresAt: iso(row.lease_expires_at), live: row.lease_live },
    rebuild: {
      requestedAt: isoOrNull(row.rebuild_requested_at),
      startedAt: isoOrNull(row.rebuild_started_at),
      finishedAt: isoOrNull(row.rebuild_finished_at),
      done: row.rebuild_done,
      total: row.rebuild_total,
    },
    lastError: row.last_error === null ? null : { message: row.last_error, at: isoOrNull(row.last_error_at) },
    parkedCount: row.parked_count,
    updatedAt: iso(row.updated_at),
  };
}

function toHorizonView(row: HorizonRow): ReadHorizonView {
  const capped = row.events_waiting > EVENTS_BEHIND_CAP;
  const held = row.pid !== null || row.prepared_gid !== null;
  const holder: HorizonHolderView | null = held
    ? {
        pid: row.pid,
        database: row.database,
        user: row.user_name,
        applicationName: row.application_name,
        state: row.state ?? 'unknown',
        transactionStartedAt: isoOrNull(row.transaction_started_at),
        ageSeconds: row.age_seconds ?? 0,
        queryStartedAt: isoOrNull(row.query_started_at),
        preparedTransaction: row.prepared_gid,
      }
    : null;
  return {
    transactionId: row.horizon,
    eventsWaiting: capped ? EVENTS_BEHIND_CAP : row.events_waiting,
    eventsWaitingCapped: capped,
    holder,
  };
}

function toParkedView(row: ParkedRow): ParkedEventView {
  return {
    subscription: row.subscription,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    eventId: row.event_id,
    eventType: row.event_type,
    streamId: row.stream_id,
    attempts: row.attempts,
    error: row.error,
    parkedAt: iso(row.parked_at),
    retryRequestedAt: isoOrNull(row.retry_requested_at),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message.length > 0 ? error.message : String(error);
}

/**
 * The kernel's operational view (docs/contexts/kernel.md, "Operational view"): where every
 * subscriber stands and how far behind it is, what holds the read horizon back, parked events and
 * queue depths; and the operator's requests, which the subscription runners honour on their next
 * lease renewal (rebuild, resume, retry a parked event).
 */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Optional() @Inject(QUEUE_DEPTH_SOURCE) private readonly queueDepths?: QueueDepthSource,
  ) {}

  /** Everything the staff console's operations page and the metrics show, read at one moment. */
  async overview(): Promise<KernelOperationsOverview> {
    const [head, horizon, subscriptions, queues] = await Promise.all([
      this.head(),
      this.horizon(),
      this.subscriptions(),
      this.queues(),
    ]);
    return { generatedAt: new Date().toISOString(), head, horizon, subscriptions, queues };
  }

  /** Every subscription with its lag, in name order. */
  async subscriptions(): Promise<SubscriptionOperationsView[]> {
    const rows = await this.db.queryOnPool<SubscriptionRow>(ALL_SUBSCRIPTIONS_SQL, [EVENTS_BEHIND_CAP + 1]);
    return rows.map(toSubscriptionView);
  }

  /** One subscription with its lag; {@link UnknownSubscription} when there is none of that name. */
  async subscription(name: string): Promise<SubscriptionOperationsView> {
    const [row] = await this.db.queryOnPool<SubscriptionRow>(ONE_SUBSCRIPTION_SQL, [
      EVENTS_BEHIND_CAP + 1,
      name,
    ]);
    if (!row) throw new UnknownSubscription(name);
    return toSubscriptionView(row);
  }

  /** The newest event in commit order, null while the log is empty. */
  async head(): Promise<LogHeadView | null> {
    const [row] = await this.db.queryOnPool<{
      transaction_id: string;
      global_position: string;
      recorded_at: Timestamp;
    }>(HEAD_SQL);
    if (!row) return null;
    return {
      transactionId: row.transaction_id,
      globalPosition: row.global_position,
      recordedAt: iso(row.recorded_at),
    };
  }

  /** The read horizon and, when a transaction is running, the one that holds it. */
  async horizon(): Promise<ReadHorizonView> {
    const [row] = await this.db.queryOnPool<HorizonRow>(HORIZON_SQL, [EVENTS_BEHIND_CAP + 1]);
    if (!row) throw new Error('PostgreSQL returned no read horizon');
    return toHorizonView(row);
  }

  /** The queues' depths; a failing source (Redis down) makes them unavailable, not the whole view. */
  async queues(): Promise<QueueDepthsView> {
    if (this.queueDepths === undefined) return { status: 'not-configured' };
    try {
      const queues = await this.queueDepths.overview();
      return { status: 'ok', queues: [...queues].sort((a, b) => a.queue.localeCompare(b.queue)) };
    } catch (error) {
      return { status: 'unavailable', reason: messageOf(error) };
    }
  }

  /** A page of a subscription's parked events, oldest position first. */
  async parked(name: string, request: PageRequest = {}): Promise<Page<ParkedEventView>> {
    const after = request.cursor === undefined ? '0' : decodeParkedCursor(request.cursor);
    const limit = pageLimit(request.limit);
    await this.requireSubscription(name);
    const rows = await this.db.queryOnPool<ParkedRow>(
      `select ${PARKED_COLUMNS} from kernel.parked_events p
       where p.subscription = $1 and p.global_position > $2::bigint order by p.global_position limit $3`,
      [name, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(toParkedView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeParkedCursor(last.globalPosition) : null,
    };
  }

  /**
   * Asks the runner to truncate the projection and replay the log. A request already pending keeps
   * its time; one made during a rebuild restarts it.
   */
  async requestRebuild(name: string): Promise<SubscriptionOperationsView> {
    const [row] = await this.db.queryOnPool<{ kind: SubscriptionKind; requested: boolean }>(
      `with target as (select name, kind from kernel.subscriptions where name = $1),
       requested as (
         update kernel.subscriptions s set rebuild_requested_at = coalesce(s.rebuild_requested_at, now()), updated_at = now()
         from target t where s.name = t.name and t.kind = 'projection' returning s.name
       )
       select t.kind, exists (select 1 from requested) as requested from target t`,
      [name],
    );
    if (!row) throw new UnknownSubscription(name);
    if (!row.requested) throw new SubscriptionNotRebuildable(name, row.kind);
    return this.subscription(name);
  }

  /** Sets a stopped or failed subscriber running again: its runner retries from its checkpoint. */
  async resume(name: string): Promise<SubscriptionOperationsView> {
    const resumed = await this.db.queryOnPool(
      `update kernel.subscriptions set status = 'running', last_error = null, last_error_at = null, updated_at = now()
       where name = $1 and status in ('stopped', 'failed') returning name`,
      [name],
    );
    if (resumed.length === 0) {
      const [row] = await this.db.queryOnPool<{ status: SubscriptionStatus }>(
        'select status from kernel.subscriptions where name = $1',
        [name],
      );
      if (!row) throw new UnknownSubscription(name);
      throw new SubscriptionNotResumable(name, row.status);
    }
    return this.subscription(name);
  }

  /** Asks the runner to handle a parked event again; on success it leaves the parked list. */
  async retryParked(name: string, globalPosition: string): Promise<ParkedEventView> {
    if (isGlobalPosition(globalPosition)) {
      const [row] = await this.db.queryOnPool<ParkedRow>(
        `update kernel.parked_events set retry_requested_at = now()
         where subscription = $1 and global_position = $2::bigint returning ${PARKED_COLUMNS}`,
        [name, globalPosition],
      );
      if (row) return toParkedView(row);
    }
    await this.requireSubscription(name);
    throw new UnknownParkedEvent(name, globalPosition);
  }

  private async requireSubscription(name: string): Promise<void> {
    const rows = await this.db.queryOnPool('select 1 from kernel.subscriptions where name = $1', [name]);
    if (rows.length === 0) throw new UnknownSubscription(name);
  }
}
