import { EVENTS_BEHIND_CAP, type QueueDepth } from '@bandstand/shared/contracts';
import { eventually } from '@bandstand/shared/testing';
import { KernelDatabase } from '../sql/kernel-database';
import { type EventMetadata } from '../store/event';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { OperationsService } from './operations.service';
import { type QueueDepthSource } from './queue-depth-source';

const metadata: EventMetadata = {
  correlationId: 'c-ops',
  causationId: null,
  actor: 'user:ops',
  tenantId: null,
};

/** What a test sets on a subscription row; the rest keeps the table's defaults. */
interface SubscriptionSetup {
  readonly kind?: 'projection' | 'processor' | 'system';
  readonly status?: 'running' | 'rebuilding' | 'stopped' | 'failed';
  readonly checkpoint?: { readonly transactionId: string; readonly globalPosition: string };
  readonly leaseOwner?: string;
  readonly leaseSecondsLeft?: number;
  readonly lastError?: string;
  readonly rebuild?: { readonly done: number; readonly total: number };
}

interface Position {
  readonly transactionId: string;
  readonly globalPosition: string;
  readonly recordedAt: Date;
}

describe('OperationsService against PostgreSQL', () => {
  let kernel: KernelTestHarness;
  let operations: OperationsService;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    operations = new OperationsService(kernel.db);
  });
  afterAll(() => kernel.close());

  async function subscribe(name: string, setup: SubscriptionSetup = {}): Promise<void> {
    await kernel.db.query(
      `insert into kernel.subscriptions (name, kind, definition_version, status, position_transaction_id, position_global,
         lease_owner, lease_expires_at, last_error, last_error_at, rebuild_done, rebuild_total, rebuild_started_at)
       values ($1, $2, 1, $3, $4::text::xid8, $5, $6, now() + $7 * interval '1 second', $8,
         case when $8::text is null then null else now() end, $9, $10, case when $9::bigint is null then null else now() end)`,
      [
        name,
        setup.kind ?? 'projection',
        setup.status ?? 'running',
        setup.checkpoint?.transactionId ?? '0',
        setup.checkpoint?.globalPosition ?? '0',
        setup.leaseOwner ?? null,
        setup.leaseOwner === undefined ? null : (setup.leaseSecondsLeft ?? 15),
        setup.lastError ?? null,
        setup.rebuild?.done ?? null,
        setup.rebuild?.total ?? null,
      ],
    );
  }

  async function park(name: string, event: Position, error = 'boom'): Promise<void> {
    await kernel.db.query(
      `insert into kernel.parked_events (subscription, global_position, transaction_id, event_id, event_type, stream_id, attempts, error)
       values ($1, $2, $3::text::xid8, gen_random_uuid(), 'ThingHappened', 'thing-parked', 5, $4)`,
      [name, event.globalPosition, event.transactionId, error],
    );
  }

  /** Appends `count` events to a fresh stream and returns their places in the log, in commit order. */
  async function append(count: number, recordedAt = new Date()): Promise<Position[]> {
    const stream = `thing-${Math.random().toString(36).slice(2)}`;
    const events = Array.from({ length: count }, (_, n) => ({ type: 'ThingHappened', data: { n } }));
    const result = await kernel.store.append(stream, events, {
      expectedVersion: 'no_stream',
      metadata,
      recordedAt,
    });
    const rows = await kernel.db.query<{
      transaction_id: string;
      global_position: string;
      recorded_at: string;
    }>(
      `select e.transaction_id::text as transaction_id, e.global_position::text as global_position, e.recorded_at
       from kernel.events e where e.event_id = any($1::uuid[]) order by e.transaction_id, e.global_position`,
      [result.events.map((event) => event.eventId)],
    );
    return rows.map((row) => ({
      transactionId: row.transaction_id,
      globalPosition: row.global_position,
      recordedAt: new Date(row.recorded_at),
    }));
  }

  async function viewOf(name: string) {
    const overview = await operations.overview();
    const view = overview.subscriptions.find((candidate) => candidate.name === name);
    if (!view) throw new Error(`${name} is not in the overview`);
    return view;
  }

  async function errorOf(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a rejection');
  }

  it('shows an empty log with no head, and no queues when no source is bound', async () => {
    const overview = await operations.overview();
    expect(overview.head).toBeNull();
    expect(overview.subscriptions).toEqual([]);
    expect(overview.queues).toEqual({ status: 'not-configured' });
    expect(overview.horizon.transactionId).toMatch(/^\d+$/);
  });

  it('measures how far behind each subscription is, from its checkpoint in commit order', async () => {
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    const events = await append(5, tenMinutesAgo);
    const [, second, third, , last] = events;
    if (!second || !third || !last) throw new Error('five events were appended');
    await subscribe('ops.lagging', {
      checkpoint: second,
      leaseOwner: 'worker-a:1:abcd',
      leaseSecondsLeft: 10,
    });
    await subscribe('ops.caught-up', { checkpoint: last });
    await subscribe('ops.from-start', { kind: 'processor' });

    const overview = await operations.overview();
    expect(overview.head).toEqual({
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
      recordedAt: tenMinutesAgo.toISOString(),
    });
    const lagging = overview.subscriptions.find((view) => view.name === 'ops.lagging');
    expect(lagging).toMatchObject({
      kind: 'projection',
      status: 'running',
      definitionVersion: 1,
      checkpoint: { transactionId: second.transactionId, globalPosition: second.globalPosition },
      eventsBehind: 3,
      eventsBehindCapped: false,
      oldestUnprocessedAt: third.recordedAt.toISOString(),
      lease: { owner: 'worker-a:1:abcd', live: true },
      lastError: null,
      parkedCount: 0,
    });
    expect(lagging?.lagSeconds).toBeGreaterThanOrEqual(600);
    expect(lagging?.lagSeconds).toBeLessThan(3600);

    const caughtUp = overview.subscriptions.find((view) => view.name === 'ops.caught-up');
    expect(caughtUp).toMatchObject({
      eventsBehind: 0,
      lagSeconds: 0,
      oldestUnprocessedAt: null,
      lease: null,
    });
    expect(overview.subscriptions.find((view) => view.name === 'ops.from-start')).toMatchObject({
      kind: 'processor',
      eventsBehind: 5,
    });
    expect(overview.subscriptions.map((view) => view.name)).toEqual([
      'ops.caught-up',
      'ops.from-start',
      'ops.lagging',
    ]);
  });

  it('reports an expired lease, the last error, rebuild progress and the parked count', async () => {
    const [first, second] = await append(2);
    if (!first || !second) throw new Error('two events were appended');
    await subscribe('ops.broken', {
      status: 'failed',
      checkpoint: first,
      leaseOwner: 'worker-b:2:dcba',
      leaseSecondsLeft: -5,
      lastError: 'Event 2 (ThingHappened): duplicate key',
      rebuild: { done: 40, total: 100 },
    });
    await park('ops.broken', first, 'first failure');
    await park('ops.broken', second, 'second failure');

    const view = await viewOf('ops.broken');
    expect(view).toMatchObject({
      status: 'failed',
      lease: { owner: 'worker-b:2:dcba', live: false },
      lastError: { message: 'Event 2 (ThingHappened): duplicate key' },
      rebuild: { requestedAt: null, done: 40, total: 100, finishedAt: null },
      parkedCount: 2,
    });
    expect(view.lastError?.at).not.toBeNull();
    expect(view.rebuild.startedAt).not.toBeNull();
  });

  describe('parked events', () => {
    it('pages through them oldest first with an opaque cursor', async () => {
      // Twelve events cross from one to two digits at least once: positions must sort as numbers.
      const events = await append(12);
      await subscribe('ops.parking');
      for (const event of events) await park('ops.parking', event, `failed at ${event.globalPosition}`);

      const first = await operations.parked('ops.parking', { limit: 5 });
      expect(first.items.map((item) => item.globalPosition)).toEqual(
        events.slice(0, 5).map((event) => event.globalPosition),
      );
      expect(first.items[0]).toMatchObject({
        subscription: 'ops.parking',
        transactionId: events[0]?.transactionId,
        eventType: 'ThingHappened',
        streamId: 'thing-parked',
        attempts: 5,
        error: `failed at ${events[0]?.globalPosition}`,
        retryRequestedAt: null,
      });
      expect(first.nextCursor).not.toBeNull();

      const second = await operations.parked('ops.parking', { limit: 5, cursor: first.nextCursor ?? '' });
      const third = await operations.parked('ops.parking', { limit: 5, cursor: second.nextCursor ?? '' });
      expect([...second.items, ...third.items].map((item) => item.globalPosition)).toEqual(
        events.slice(5).map((event) => event.globalPosition),
      );
      expect(third.nextCursor).toBeNull();
    });

    it('answers an empty page for a subscription without parked events, and 404 for an unknown one', async () => {
      await subscribe('ops.clean');
      expect(await operations.parked('ops.clean')).toEqual({ items: [], nextCursor: null });
      expect(await errorOf(operations.parked('ops.nobody'))).toMatchObject({
        code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
        status: 404,
      });
      expect(await errorOf(operations.parked('ops.clean', { cursor: 'bm9wZQ' }))).toMatchObject({
        code: 'KERNEL.INVALID_CURSOR',
        status: 400,
      });
    });

    it('records a retry request for the runner, and 404s for what is not parked', async () => {
      const [event, other] = await append(2);
      if (!event || !other) throw new Error('two events were appended');
      await subscribe('ops.retrying');
      await park('ops.retrying', event);

      const requested = await operations.retryParked('ops.retrying', event.globalPosition);
      expect(requested.globalPosition).toBe(event.globalPosition);
      expect(requested.retryRequestedAt).not.toBeNull();
      const [row] = await kernel.db.query<{ requested: boolean }>(
        `select retry_requested_at is not null as requested from kernel.parked_events
         where subscription = 'ops.retrying' and global_position = $1`,
        [event.globalPosition],
      );
      expect(row?.requested).toBe(true);

      for (const position of [other.globalPosition, 'not-a-number', '99999999999999999999']) {
        expect(await errorOf(operations.retryParked('ops.retrying', position))).toMatchObject({
          code: 'KERNEL.UNKNOWN_PARKED_EVENT',
          status: 404,
        });
      }
      expect(await errorOf(operations.retryParked('ops.nobody', event.globalPosition))).toMatchObject({
        code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
      });
    });
  });

  describe('operator requests', () => {
    async function rebuildRequestedAt(name: string): Promise<Date | null> {
      const [row] = await kernel.db.query<{ rebuild_requested_at: Date | null }>(
        'select rebuild_requested_at from kernel.subscriptions where name = $1',
        [name],
      );
      return row?.rebuild_requested_at ?? null;
    }

    it('requests a rebuild of a projection, keeping the time of a request still pending', async () => {
      await subscribe('ops.to-rebuild');
      const view = await operations.requestRebuild('ops.to-rebuild');
      expect(view.rebuild.requestedAt).not.toBeNull();
      const first = await rebuildRequestedAt('ops.to-rebuild');
      expect(first).not.toBeNull();
      await operations.requestRebuild('ops.to-rebuild');
      expect(await rebuildRequestedAt('ops.to-rebuild')).toEqual(first);
    });

    it('refuses to rebuild a processor or a kernel subscriber, and 404s an unknown name', async () => {
      await subscribe('ops.processor', { kind: 'processor' });
      await subscribe('ops.system', { kind: 'system' });
      for (const name of ['ops.processor', 'ops.system']) {
        expect(await errorOf(operations.requestRebuild(name))).toMatchObject({
          code: 'KERNEL.SUBSCRIPTION_NOT_REBUILDABLE',
          status: 409,
        });
        expect(await rebuildRequestedAt(name)).toBeNull();
      }
      expect(await errorOf(operations.requestRebuild('ops.nobody'))).toMatchObject({
        code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
        status: 404,
      });
    });

    it.each(['stopped', 'failed'] as const)(
      'resumes a %s subscriber and clears its error',
      async (status) => {
        const name = `ops.resume-${status}`;
        await subscribe(name, { status, lastError: 'it broke' });
        const view = await operations.resume(name);
        expect(view).toMatchObject({ status: 'running', lastError: null });
        const [row] = await kernel.db.query<{ status: string; last_error_at: Date | null }>(
          'select status, last_error_at from kernel.subscriptions where name = $1',
          [name],
        );
        expect(row).toEqual({ status: 'running', last_error_at: null });
      },
    );

    it.each(['running', 'rebuilding'] as const)('refuses to resume a %s subscriber', async (status) => {
      const name = `ops.no-resume-${status}`;
      await subscribe(name, { status });
      expect(await errorOf(operations.resume(name))).toMatchObject({
        code: 'KERNEL.SUBSCRIPTION_NOT_RESUMABLE',
        status: 409,
      });
      expect((await viewOf(name)).status).toBe(status);
    });

    it('404s resuming an unknown subscriber', async () => {
      expect(await errorOf(operations.resume('ops.nobody'))).toMatchObject({
        code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
        status: 404,
      });
      expect(await errorOf(operations.subscription('ops.nobody'))).toMatchObject({
        code: 'KERNEL.UNKNOWN_SUBSCRIPTION',
      });
    });
  });

  describe('queue depths', () => {
    const depth = (queue: string, waiting: number): QueueDepth => ({
      queue,
      waiting,
      active: 1,
      delayed: 0,
      failed: 2,
      completed: 10,
      paused: 0,
      outbox: { pending: 0, dispatched: 0, failed: 0, oldestPendingAt: null },
    });

    it('lists the queues of the bound source in name order', async () => {
      const source: QueueDepthSource = {
        overview: () => Promise.resolve([depth('royalties.ingest', 7), depth('perks.delivery', 3)]),
      };
      const overview = await new OperationsService(kernel.db, source).overview();
      expect(overview.queues).toEqual({
        status: 'ok',
        queues: [depth('perks.delivery', 3), depth('royalties.ingest', 7)],
      });
    });

    it('keeps the rest of the view when the source fails, saying why the queues are missing', async () => {
      const source: QueueDepthSource = {
        overview: () => Promise.reject(new Error('Redis at 127.0.0.1:6379 is not reachable')),
      };
      const overview = await new OperationsService(kernel.db, source).overview();
      expect(overview.queues).toEqual({
        status: 'unavailable',
        reason: 'Redis at 127.0.0.1:6379 is not reachable',
      });
      expect(overview.subscriptions.length).toBeGreaterThan(0);
    });
  });

  it('names the transaction that holds the read horizon back, and the events waiting behind it', async () => {
    const writerOrm = await kernel.openOrm(2);
    const writer = new KernelDatabase(writerOrm);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reportStarted: (value: { pid: number; xid: string }) => void = () => undefined;
    const started = new Promise<{ pid: number; xid: string }>((resolve) => (reportStarted = resolve));
    // pg_current_xact_id() gives the transaction its id, as a writer's first insert would.
    const held = writer.transaction(async (tx) => {
      const [row] = await tx.query<{ pid: number; xid: string }>(
        'select pg_backend_pid() as pid, pg_current_xact_id()::text as xid',
      );
      if (!row) throw new Error('no backend pid');
      reportStarted(row);
      await released;
    });
    try {
      const { pid, xid } = await started;
      await append(2);

      // Other test databases share the cluster: wait until no older transaction than ours is running.
      const overview = await eventually(async () => {
        const current = await operations.overview();
        expect(current.horizon.holder?.pid).toBe(pid);
        return current;
      }, 15_000);
      expect(overview.horizon.transactionId).toBe(xid);
      expect(overview.horizon.holder).toMatchObject({
        pid,
        database: kernel.database.name,
        state: 'idle in transaction',
        preparedTransaction: null,
      });
      expect(overview.horizon.holder?.ageSeconds).toBeGreaterThanOrEqual(0);
      expect(overview.horizon.holder?.transactionStartedAt).not.toBeNull();
      expect(overview.horizon.holder?.queryStartedAt).not.toBeNull();
      expect(overview.horizon.eventsWaiting).toBeGreaterThanOrEqual(2);
    } finally {
      release();
      await held;
      await writerOrm.close(true);
    }
    const after = await operations.overview();
    expect(after.horizon.holder?.pid).not.toBe((await started).pid);
  });

  it('counts events behind only up to the cap, and says so', async () => {
    await subscribe('ops.far-behind');
    // Short transactions: each one holds the cluster-wide read horizon of every other test database.
    const batch = 10_000;
    for (let first = 1; first <= EVENTS_BEHIND_CAP + 1; first += batch) {
      await kernel.db.query(
        `insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version, data,
           metadata, correlation_id, actor, recorded_at, hash)
         select nextval('kernel.events_global_position_seq'), 'bulk-1', g, gen_random_uuid(), 'Bulk', 1, '{}', '{}', 'c',
           'a', now(), '\\x00'::bytea
         from generate_series($1::int, least($1::int + $2::int - 1, $3::int)) g`,
        [first, batch, EVENTS_BEHIND_CAP + 1],
      );
    }
    const overview = await operations.overview();
    expect(overview.subscriptions.find((view) => view.name === 'ops.far-behind')).toMatchObject({
      eventsBehind: EVENTS_BEHIND_CAP,
      eventsBehindCapped: true,
    });
    const [last] = await kernel.db.query<{ global_position: string }>(
      'select max(global_position)::text as global_position from kernel.events',
    );
    expect(overview.head?.globalPosition).toBe(last?.global_position);
  });
});
