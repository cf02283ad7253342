import fc from 'fast-check';
import { eventually } from '@bandstand/shared/testing';
import { CommitListener } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { type EventMetadata } from '../store/event';
import { EventStore } from '../store/event-store';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import {
  committedVersions,
  counterProjection,
  counterState,
  createCounterTables,
} from './runner-test-projection';
import { type RunnerSettings, type SubscriberDefinition, SubscriptionRunner } from './subscription-runner';

const metadata: EventMetadata = {
  correlationId: 'c',
  causationId: null,
  actor: 'system:test',
  tenantId: null,
};
const happened = (n: number) => ({ type: 'ThingHappened', data: { n } });

describe('SubscriptionRunner', () => {
  let kernel: KernelTestHarness;
  let listener: CommitListener;
  const runners: SubscriptionRunner[] = [];
  let schemaCount = 0;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    listener = new CommitListener(kernel.database.url, 100);
    await listener.start();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  afterAll(async () => {
    await listener.stop();
    await kernel.close();
  });

  async function freshProjection(options: Parameters<typeof counterProjection>[1] = {}) {
    const schema = `runner_test_${++schemaCount}`;
    await createCounterTables(kernel.db, schema);
    return { schema, definition: counterProjection(schema, options) };
  }

  function run(
    definition: SubscriberDefinition,
    settings: RunnerSettings = {},
    db = kernel.db,
    store = kernel.store,
  ) {
    const runner = new SubscriptionRunner(db, store, listener, definition, {
      leaseMs: 2_000,
      idlePollMs: 200,
      ...settings,
    });
    runners.push(runner);
    runner.start();
    return runner;
  }

  async function expectProjectedExactly(schema: string) {
    await eventually(async () => {
      const state = await counterState(kernel.db, schema);
      expect(state.counts).toEqual(await committedVersions(kernel.db));
      expect(state.rows).toBe(state.distinct);
    }, 15_000);
  }

  it('never skips an event whose transaction commits after a later one', async () => {
    const { schema, definition } = await freshProjection();
    run(definition);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended: () => void = () => undefined;
    const hasAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = kernel.db.transaction(async () => {
      await kernel.store.append('early-1', [happened(1)], { expectedVersion: 'no_stream', metadata });
      appended();
      await held;
    });
    await hasAppended;
    await kernel.store.append('late-1', [happened(1), happened(2)], {
      expectedVersion: 'no_stream',
      metadata,
    });
    release();
    await slow;
    await expectProjectedExactly(schema);
    const state = await counterState(kernel.db, schema);
    expect(state.counts['early-1']).toBe(1);
    expect(state.counts['late-1']).toBe(2);
  });

  it('does not stall on holes left by rolled-back appends', async () => {
    const { schema, definition } = await freshProjection();
    run(definition);
    for (let i = 0; i < 5; i++) {
      await kernel.db
        .transaction(async () => {
          await kernel.store.append(`hole-${i}`, [happened(i)], { expectedVersion: 'no_stream', metadata });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await kernel.store.append(`kept-${i}`, [happened(i)], { expectedVersion: 'no_stream', metadata });
    }
    await expectProjectedExactly(schema);
    expect((await counterState(kernel.db, schema)).counts['hole-0']).toBeUndefined();
  });

  it('projects exactly what concurrent appenders committed (property)', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            events: fc.integer({ min: 1, max: 4 }),
            appends: fc.integer({ min: 1, max: 5 }),
            rollback: fc.boolean(),
          }),
          { minLength: 2, maxLength: 12 },
        ),
        async (writers) => {
          round++;
          const { schema, definition } = await freshProjection({ batchSize: 7 });
          const runner = run(definition);
          await Promise.all(
            writers.map(async (writer, w) => {
              const stream = `prop${round}-${w}`;
              for (let a = 0; a < writer.appends; a++) {
                const events = Array.from({ length: writer.events }, (_, i) => happened(i));
                const append = () =>
                  kernel.store.append(stream, events, { expectedVersion: 'any', metadata });
                if (writer.rollback && a % 2 === 1) {
                  await kernel.db
                    .transaction(async () => {
                      await append();
                      throw new Error('roll back');
                    })
                    .catch(() => undefined);
                } else {
                  await append();
                }
              }
            }),
          );
          await expectProjectedExactly(schema);
          await runner.stop();
          runners.splice(runners.indexOf(runner), 1);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('fences a runner that was paused past its lease: its effects roll back, the new holder goes on', async () => {
    const { schema, definition } = await freshProjection();
    const secondOrm = await kernel.openOrm(4);
    const secondDb = new KernelDatabase(secondOrm);
    const secondStore = new EventStore(secondDb, kernel.hasher, kernel.schemas, kernel.notifier);
    let pauseFirst = true;
    let paused: () => void = () => undefined;
    const isPaused = new Promise<void>((resolve) => (paused = resolve));
    const first = run(definition, {
      leaseMs: 600,
      maxBatchMs: 1_000,
      owner: 'first',
      beforeCheckpoint: async () => {
        if (!pauseFirst) return;
        pauseFirst = false;
        paused();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      },
    });
    await kernel.store.append('fenced-1', [happened(1), happened(2)], {
      expectedVersion: 'no_stream',
      metadata,
    });
    await isPaused;
    const second = run(
      definition,
      { leaseMs: 600, maxBatchMs: 5_000, owner: 'second' },
      secondDb,
      secondStore,
    );
    await eventually(() => expect(second.isLeader).toBe(true), 10_000);
    await kernel.store.append('fenced-2', [happened(1)], { expectedVersion: 'no_stream', metadata });
    await expectProjectedExactly(schema);
    await eventually(() => expect(first.fencedCount).toBeGreaterThan(0), 10_000);
    await eventually(() => expect(first.isLeader).toBe(false), 10_000);
    expect(second.isLeader).toBe(true);
  }, 30_000);

  it('goes on after an idle-in-transaction writer is ended, without skipping committed events', async () => {
    const { schema, definition } = await freshProjection();
    run(definition);
    const idleDb = new KernelDatabase(await kernel.openOrm(2, 1_500));
    const idleStore = new EventStore(idleDb, kernel.hasher, kernel.schemas, kernel.notifier);
    const idle = idleDb
      .transaction(async () => {
        await idleStore.append('idle-writer', [happened(1)], { expectedVersion: 'no_stream', metadata });
        // Sits idle in its transaction until PostgreSQL ends the session.
        await new Promise((resolve) => setTimeout(resolve, 4_000));
      })
      .then(
        () => 'committed',
        () => 'ended',
      );
    await kernel.store.append('busy-writer', [happened(1)], { expectedVersion: 'no_stream', metadata });
    expect(await idle).toBe('ended');
    await expectProjectedExactly(schema);
    const state = await counterState(kernel.db, schema);
    expect(state.counts['busy-writer']).toBe(1);
    expect(state.counts['idle-writer']).toBeUndefined();
  }, 30_000);

  it('parks a poison event with its error and lets the rest flow, then retries it on request', async () => {
    const { schema, definition: counter } = await freshProjection();
    let broken = true;
    const definition: SubscriberDefinition = {
      ...counter,
      handleBatch: async (events, tx) => {
        if (broken && events.some((event) => event.type === 'PoisonHappened'))
          throw new Error('cannot project PoisonHappened');
        await counter.handleBatch(events, tx);
      },
    };
    run(definition);
    await kernel.store.append('poison-1', [happened(1), { type: 'PoisonHappened', data: {} }, happened(3)], {
      expectedVersion: 'no_stream',
      metadata,
    });
    await kernel.store.append('after-poison', [happened(1)], { expectedVersion: 'no_stream', metadata });
    await eventually(async () => {
      const parked = await kernel.db.query<{ event_type: string; error: string; attempts: number }>(
        'select event_type, error, attempts from kernel.parked_events where subscription = $1',
        [definition.name],
      );
      expect(parked).toEqual([
        { event_type: 'PoisonHappened', error: 'cannot project PoisonHappened', attempts: 2 },
      ]);
      const state = await counterState(kernel.db, schema);
      expect(state.counts['poison-1']).toBe(2);
      expect(state.counts['after-poison']).toBe(1);
    }, 15_000);
    broken = false;
    await kernel.db.query(
      'update kernel.parked_events set retry_requested_at = now() where subscription = $1',
      [definition.name],
    );
    await eventually(async () => {
      const parked = await kernel.db.query('select 1 from kernel.parked_events where subscription = $1', [
        definition.name,
      ]);
      expect(parked).toHaveLength(0);
      expect((await counterState(kernel.db, schema)).counts['poison-1']).toBe(3);
    }, 15_000);
  });

  it('stops on a poison event when the policy says so, with the error visible', async () => {
    const { definition } = await freshProjection({
      poisonType: 'StopHappened',
      poison: { maxAttempts: 1, whenExhausted: 'stop' },
    });
    run(definition);
    await kernel.store.append('stop-1', [{ type: 'StopHappened', data: {} }], {
      expectedVersion: 'no_stream',
      metadata,
    });
    await eventually(async () => {
      const [row] = await kernel.db.query<{ status: string; last_error: string }>(
        'select status, last_error from kernel.subscriptions where name = $1',
        [definition.name],
      );
      expect(row?.status).toBe('failed');
      expect(row?.last_error).toContain('cannot project StopHappened');
    }, 15_000);
  });

  it('rebuilds on request: truncates, replays everything and reports progress', async () => {
    const { schema, definition } = await freshProjection();
    run(definition);
    await kernel.store.append('rebuild-1', [happened(1), happened(2)], {
      expectedVersion: 'no_stream',
      metadata,
    });
    await expectProjectedExactly(schema);
    await kernel.db.query(`insert into ${schema}.counts values ('garbage', 99)`);
    await kernel.db.query('update kernel.subscriptions set rebuild_requested_at = now() where name = $1', [
      definition.name,
    ]);
    await eventually(async () => {
      const [row] = await kernel.db.query<{ status: string; rebuild_done: string; rebuild_total: string }>(
        'select status, rebuild_done, rebuild_total from kernel.subscriptions where name = $1',
        [definition.name],
      );
      expect(row?.status).toBe('running');
      expect(row?.rebuild_done).toBe(row?.rebuild_total);
      expect((await counterState(kernel.db, schema)).counts['garbage']).toBeUndefined();
    }, 15_000);
    await expectProjectedExactly(schema);
  });
});
