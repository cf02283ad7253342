import { eventually } from '@bandstand/shared/testing';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { LOG_START, type EventMetadata } from './event';
import { StreamVersionConflict } from './event-store.errors';

const metadata: EventMetadata = { correlationId: 'c-1', causationId: null, actor: 'user:1', tenantId: 't-1' };
const event = (n: number) => ({ type: 'ThingHappened', data: { n } });

describe('EventStore', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
  });
  afterAll(() => kernel.close());

  it('appends to a new stream and reads it back in order with metadata', async () => {
    const result = await kernel.store.append('thing-a', [event(1), event(2)], {
      expectedVersion: 'no_stream',
      metadata,
    });
    expect(result.nextVersion).toBe(2);
    expect(result.events[0]?.globalPosition).toBeLessThan(result.events[1]?.globalPosition ?? 0n);
    const read = await kernel.store.readStream('thing-a');
    expect(read.version).toBe(2);
    expect(read.events.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
      [1, 'ThingHappened', { n: 1 }],
      [2, 'ThingHappened', { n: 2 }],
    ]);
    expect(read.events[0]?.metadata).toEqual({ ...metadata, extra: {} });
  });

  it.each([
    ['no_stream on an existing stream', 'no_stream' as const, true],
    ['an exact version that is stale', 1, true],
    ['the exact current version', 2, false],
    ['exists on an existing stream', 'exists' as const, false],
    ['any', 'any' as const, false],
  ])('checks %s', async (_, expectedVersion, conflicts) => {
    const stream = `thing-${Math.random().toString(36).slice(2)}`;
    await kernel.store.append(stream, [event(1), event(2)], { expectedVersion: 'no_stream', metadata });
    const attempt = kernel.store.append(stream, [event(3)], { expectedVersion, metadata });
    if (conflicts) {
      await expect(attempt).rejects.toBeInstanceOf(StreamVersionConflict);
      expect((await kernel.store.readStream(stream)).version).toBe(2);
    } else {
      await expect(attempt).resolves.toMatchObject({ nextVersion: 3 });
    }
  });

  it('rejects exists on a missing stream and creates one with any', async () => {
    await expect(
      kernel.store.append('thing-missing', [event(1)], { expectedVersion: 'exists', metadata }),
    ).rejects.toMatchObject({
      code: 'KERNEL.STREAM_VERSION_CONFLICT',
      actual: 0,
    });
    await expect(
      kernel.store.append('thing-any', [event(1)], { expectedVersion: 'any', metadata }),
    ).resolves.toMatchObject({
      nextVersion: 1,
    });
  });

  it('lets exactly one of 32 concurrent writers win each version', async () => {
    await kernel.store.append('thing-race', [event(0)], { expectedVersion: 'no_stream', metadata });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        kernel.store.append('thing-race', [event(i)], { expectedVersion: 1, metadata }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof StreamVersionConflict),
    ).toHaveLength(31);
    expect((await kernel.store.readStream('thing-race')).version).toBe(2);
  });

  it('writes nothing when the caller rolls back, and everything when it commits', async () => {
    await expect(
      kernel.db.transaction(async () => {
        await kernel.store.append('thing-tx', [event(1)], { expectedVersion: 'no_stream', metadata });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await kernel.store.readStream('thing-tx')).version).toBe(0);
    await kernel.db.transaction(async () => {
      await kernel.store.append('thing-tx', [event(1)], { expectedVersion: 'no_stream', metadata });
      await kernel.store.append('thing-tx2', [event(1)], { expectedVersion: 'no_stream', metadata });
    });
    expect((await kernel.store.readStream('thing-tx')).version).toBe(1);
  });

  it('reads the global log in commit order and never past a transaction still running', async () => {
    const [last] = await kernel.db.query<{ transaction_id: string; global_position: string }>(
      'select transaction_id, global_position from kernel.events order by transaction_id desc, global_position desc limit 1',
    );
    const from = last
      ? { transactionId: BigInt(last.transaction_id), globalPosition: BigInt(last.global_position) }
      : LOG_START;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended: () => void = () => undefined;
    const hasAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = kernel.db.transaction(async () => {
      await kernel.store.append('thing-slow', [event(1)], { expectedVersion: 'no_stream', metadata });
      appended();
      await held;
    });
    await hasAppended;
    await kernel.store.append('thing-fast', [event(1)], { expectedVersion: 'no_stream', metadata });
    expect(await kernel.store.readAll(from, 100)).toEqual([]);
    release();
    await slow;
    // The horizon is the oldest transaction of the whole server: other suites may hold it a moment.
    await eventually(async () => {
      const after = await kernel.store.readAll(from, 100);
      expect(after.map((e) => e.streamId)).toEqual(['thing-slow', 'thing-fast']);
    }, 15_000);
  });

  it('refuses to put a stream out of version order in the commit-ordered log', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    // The older transaction writes first (so it has the lower transaction id), then waits while a
    // newer one appends to the shared stream and commits.
    const older = kernel.db.transaction(async () => {
      await kernel.store.append('order-other', [event(1)], { expectedVersion: 'no_stream', metadata });
      started();
      await held;
      await kernel.store.append('order-shared', [event(2)], { expectedVersion: 'any', metadata });
    });
    await hasStarted;
    await kernel.store.append('order-shared', [event(1)], { expectedVersion: 'no_stream', metadata });
    release();
    await expect(older).rejects.toMatchObject({ code: 'KERNEL.CONCURRENT_APPEND', streamId: 'order-shared' });
    const read = await kernel.store.readStream('order-shared');
    expect(read.events.map((e) => e.data)).toEqual([{ n: 1 }]);
    // Retried as a new transaction, it appends after the other.
    await kernel.store.append('order-shared', [event(2)], { expectedVersion: 1, metadata });
    const log = await kernel.db.query<{ stream_version: string }>(
      "select stream_version from kernel.events where stream_id = 'order-shared' order by transaction_id, global_position",
    );
    expect(log.map((row) => Number(row.stream_version))).toEqual([1, 2]);
  });

  it('hashes each event so that Node recomputes the stored HMAC', async () => {
    const rows = await kernel.db.query<{ hash: Buffer; global_position: string }>(
      "select hash, global_position from kernel.events where stream_id = 'thing-a' order by stream_version",
    );
    const read = await kernel.store.readStream('thing-a');
    read.events.forEach((stored, index) => {
      const expected = kernel.hasher.hashOf(stored, stored);
      expect(rows[index]?.hash.equals(expected)).toBe(true);
    });
  });
});
