import { eventually } from '@bandstand/shared/testing';
import { CommitListener } from '../lib/notify/commit-notifier';
import { type EventMetadata } from '../lib/store/event';
import {
  committedVersions,
  counterProjection,
  counterState,
  createCounterTables,
} from '../lib/subscriptions/runner-test-projection';
import { SubscriptionRunner } from '../lib/subscriptions/subscription-runner';
import { createKernelTestHarness, type KernelTestHarness } from '../lib/testing/kernel-test-harness';
import { restartPostgres } from './restart';

const metadata: EventMetadata = {
  correlationId: 'c',
  causationId: null,
  actor: 'system:chaos',
  tenantId: null,
};
const schema = 'chaos_pg';

describe('PostgreSQL restarted during load', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    await createCounterTables(kernel.db, schema);
  });
  afterAll(() => kernel.close());

  it('keeps every acknowledged append and the projection converges', async () => {
    const listener = new CommitListener(kernel.database.url, 200);
    await listener.start();
    const runner = new SubscriptionRunner(kernel.db, kernel.store, listener, counterProjection(schema), {
      leaseMs: 2_000,
      idlePollMs: 200,
    });
    runner.start();

    const acknowledged: string[] = [];
    let failures = 0;
    let writing = true;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      let n = 0;
      while (writing) {
        const eventId = `00000000-0000-4000-8000-${(w * 1_000_000 + n++).toString().padStart(12, '0')}`;
        try {
          await kernel.store.append(`chaos-${w}`, [{ type: 'ThingHappened', data: { n }, eventId }], {
            expectedVersion: 'any',
            metadata,
          });
          acknowledged.push(eventId);
        } catch {
          failures++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });

    await eventually(() => expect(acknowledged.length).toBeGreaterThan(200), 30_000);
    restartPostgres();
    const afterRestart = acknowledged.length;
    await eventually(() => expect(acknowledged.length).toBeGreaterThan(afterRestart + 200), 60_000);
    writing = false;
    await Promise.all(writers);

    const stored = await kernel.db.query<{ event_id: string }>('select event_id from kernel.events');
    const storedIds = new Set(stored.map((row) => row.event_id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
    expect(failures).toBeGreaterThan(0);

    await eventually(async () => {
      const state = await counterState(kernel.db, schema);
      expect(state.counts).toEqual(await committedVersions(kernel.db));
      expect(state.rows).toBe(state.distinct);
    }, 60_000);
    await runner.stop();
    await listener.stop();
  });
});
