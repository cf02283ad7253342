import { randomUUID } from 'node:crypto';
import { type Decider, FIXED_NOW_ISO, sequentialId } from '@bandstand/shared/domain';
import { DomainError } from '@bandstand/shared/contracts';
import fc from 'fast-check';
import { KernelDatabase } from '../sql/kernel-database';
import { streamId, type StoredEvent } from '../store/event';
import { EventStore } from '../store/event-store';
import { StreamVersionConflict } from '../store/event-store.errors';
import { fixedKernelClock } from '../testing/fixed-kernel-clock';
import {
  type CounterCommand,
  counterDecider,
  type CounterEvent,
  CounterLimitExceeded,
  type CounterState,
} from '../testing/fixtures/counter.decider';
import { counterFixturePersistence } from '../testing/fixtures/counter.persistence';
import { COUNTER_ROWS_SQL, CounterProjection, type CounterRow } from '../testing/fixtures/counter.projection';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { type CommandMetadata, toEventMetadata } from './command-metadata';
import { type CommittedEvent } from './committed-event';
import { DeciderCommandRunner, type DeciderCommandRunnerDependencies } from './decider-command-runner';
import { InlineProjections } from './inline-projections';

const metadata: CommandMetadata = {
  correlationId: 'corr-1',
  causationId: 'req-1',
  actor: 'user:ada',
  tenantId: 'tenant-1',
  extra: { requestId: 'q-1' },
};

/** Fails every command that increments by 13, after the counter projection has written its rows. */
class TripwireTriggered extends DomainError {
  constructor() {
    super('COUNTER.TRIPWIRE', 'An increment of 13 trips the wire');
  }
}

function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The counter decider, counting its decisions and telling when it first decided. */
function observed(): {
  readonly decider: Decider<CounterCommand, CounterEvent, CounterState>;
  readonly decisions: CounterState[];
  readonly firstDecision: Promise<void>;
} {
  const decisions: CounterState[] = [];
  const first = deferred();
  return {
    decisions,
    firstDecision: first.promise,
    decider: {
      ...counterDecider,
      decide: (command, state, context) => {
        decisions.push(state);
        first.resolve();
        return counterDecider.decide(command, state, context);
      },
    },
  };
}

describe('DeciderCommandRunner', () => {
  let kernel: KernelTestHarness;
  let published: CommittedEvent[];
  let tripwireSaw: string[];

  const increment = (by: number): CounterCommand => ({ kind: 'IncrementCounter', by });
  const newCounter = (): string => streamId('counter', randomUUID());
  const counterRow = async (stream: string): Promise<CounterRow | undefined> =>
    (
      await kernel.db.query<CounterRow>(`select * from (${COUNTER_ROWS_SQL}) rows where counter_id = $1`, [
        stream.slice('counter-'.length),
      ])
    )[0];

  function makeRunner(overrides: Partial<DeciderCommandRunnerDependencies> = {}): DeciderCommandRunner {
    const inlineProjections = new InlineProjections()
      .register(
        { name: 'counter-fixture.counters', eventTypes: ['CounterIncremented', 'CounterLimitSet'] },
        new CounterProjection(),
      )
      .register(
        { name: 'counter-fixture.tripwire', eventTypes: ['CounterIncremented'] },
        {
          handle: (events: readonly StoredEvent[]) => {
            tripwireSaw.push(...events.map((event) => event.type));
            if (events.some((event) => (event.data as { by: number }).by === 13)) {
              return Promise.reject(new TripwireTriggered());
            }
            return Promise.resolve();
          },
          truncate: () => Promise.resolve(),
        },
      );
    return new DeciderCommandRunner({
      db: kernel.db,
      store: kernel.store,
      inlineProjections,
      publisher: { publishAll: (events) => published.push(...events) },
      clock: fixedKernelClock(),
      ...overrides,
    });
  }

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [counterFixturePersistence], poolMax: 16 });
  });
  afterAll(() => kernel.close());
  beforeEach(() => {
    published = [];
    tripwireSaw = [];
  });

  it('appends the decided events with the command metadata and the clock’s time and ids', async () => {
    const runner = makeRunner();
    const stream = newCounter();
    const first = await runner.run(counterDecider, stream, increment(2), metadata);
    const second = await runner.run(counterDecider, stream, increment(3), metadata);

    expect(first.nextVersion).toBe(1);
    expect(second).toMatchObject({ streamId: stream, nextVersion: 2 });
    const read = await kernel.store.readStream(stream);
    expect(read.events.map((event) => [event.streamVersion, event.type, event.data])).toEqual([
      [1, 'CounterIncremented', { by: 2, total: 2, incrementId: sequentialId(1), at: FIXED_NOW_ISO }],
      [2, 'CounterIncremented', { by: 3, total: 5, incrementId: sequentialId(2), at: FIXED_NOW_ISO }],
    ]);
    expect(read.events[1]?.metadata).toEqual(metadata);
    expect(read.events[1]?.recordedAt).toEqual(new Date(FIXED_NOW_ISO));
    expect(second.events).toEqual(read.events.slice(1));
    const [row] = await kernel.db.query<Record<string, unknown>>(
      `select correlation_id, causation_id, actor, tenant_id, metadata from kernel.events
       where stream_id = $1 and stream_version = 2`,
      [stream],
    );
    expect(row).toEqual({
      correlation_id: 'corr-1',
      causation_id: 'req-1',
      actor: 'user:ada',
      tenant_id: 'tenant-1',
      metadata: { requestId: 'q-1' },
    });
  });

  it('appends nothing and succeeds when decide returns no events', async () => {
    const runner = makeRunner();
    const fresh = newCounter();
    await expect(runner.run(counterDecider, fresh, increment(0), metadata)).resolves.toEqual({
      streamId: fresh,
      nextVersion: 0,
      events: [],
    });
    expect(await kernel.store.streamVersion(fresh)).toBe(0);

    const existing = newCounter();
    await runner.run(counterDecider, existing, increment(1), metadata);
    published = [];
    await expect(runner.run(counterDecider, existing, increment(0), metadata)).resolves.toMatchObject({
      nextVersion: 1,
      events: [],
    });
    expect(await kernel.store.streamVersion(existing)).toBe(1);
    expect(published).toEqual([]);
  });

  it('lets the domain error of decide through unchanged, writing nothing and not retrying', async () => {
    const runner = makeRunner();
    const stream = newCounter();
    await runner.run(counterDecider, stream, { kind: 'SetCounterLimit', limit: 3 }, metadata);
    const { decider, decisions } = observed();
    const attempt = runner.run(decider, stream, increment(4), metadata);
    await expect(attempt).rejects.toBeInstanceOf(CounterLimitExceeded);
    await expect(attempt).rejects.toMatchObject({ code: 'COUNTER.LIMIT_EXCEEDED', status: 409 });
    expect(decisions).toHaveLength(1);
    expect(await kernel.store.streamVersion(stream)).toBe(1);
  });

  describe('inline projections', () => {
    it('commit their rows with the events, each seeing only its event types', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await runner.run(counterDecider, stream, { kind: 'SetCounterLimit', limit: 50 }, metadata);
      await runner.run(counterDecider, stream, increment(4), metadata);
      const result = await runner.run(counterDecider, stream, increment(5), metadata);
      expect(await counterRow(stream)).toEqual({
        counter_id: stream.slice('counter-'.length),
        value: 9,
        increments: 2,
        limit: 50,
        last_event_id: result.events[0]?.eventId,
        updated_at: FIXED_NOW_ISO,
      });
      expect(tripwireSaw).toEqual(['CounterIncremented', 'CounterIncremented']);
    });

    it('lose their rows with the events when the command fails after them', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await runner.run(counterDecider, stream, increment(4), metadata);
      published = [];
      await expect(runner.run(counterDecider, stream, increment(13), metadata)).rejects.toBeInstanceOf(
        TripwireTriggered,
      );
      // The counter projection ran before the tripwire: its update went with the rolled-back events.
      expect(tripwireSaw).toEqual(['CounterIncremented', 'CounterIncremented']);
      expect(await counterRow(stream)).toMatchObject({ value: 4, increments: 1 });
      expect(await kernel.store.streamVersion(stream)).toBe(1);
      expect(published).toEqual([]);
    });
  });

  describe('publishing on the EventBus', () => {
    it('publishes the stored events once the command has committed', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      const result = await runner.run(counterDecider, stream, increment(2), metadata);
      expect(published).toHaveLength(1);
      expect({ ...published[0] }).toEqual(result.events[0]);
    });

    it('waits for the outermost transaction to commit, and publishes nothing when it rolls back', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await kernel.db.transaction(async () => {
        await runner.run(counterDecider, stream, increment(1), metadata);
        await runner.run(counterDecider, stream, increment(2), metadata);
        expect(published).toEqual([]);
      });
      expect(published.map((event) => event.streamVersion)).toEqual([1, 2]);

      published = [];
      await expect(
        kernel.db.transaction(async () => {
          await runner.run(counterDecider, stream, increment(3), metadata);
          throw new Error('the caller fails after the command');
        }),
      ).rejects.toThrow('the caller fails after the command');
      expect(published).toEqual([]);
    });

    it('keeps a committed command successful when a subscriber throws', async () => {
      const runner = makeRunner({
        publisher: {
          publishAll: () => {
            throw new Error('subscriber failed');
          },
        },
      });
      const stream = newCounter();
      await expect(runner.run(counterDecider, stream, increment(1), metadata)).resolves.toMatchObject({
        nextVersion: 1,
      });
    });
  });

  describe('inside an outer transaction', () => {
    it('joins it: its events and rows commit or roll back with the caller’s work', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await expect(
        kernel.db.transaction(async (tx) => {
          await runner.run(counterDecider, stream, increment(1), metadata);
          // The second command reads the first one's uncommitted events: same transaction.
          const second = await runner.run(counterDecider, stream, increment(2), metadata);
          expect(second.events[0]?.data).toMatchObject({ total: 3 });
          expect(second.events[0]?.transactionId).toBe(
            BigInt((await tx.query<{ id: string }>('select pg_current_xact_id()::text as id'))[0]?.id ?? 0),
          );
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await kernel.store.streamVersion(stream)).toBe(0);
      expect(await counterRow(stream)).toBeUndefined();
    });

    it('rolls back only its own savepoint when it fails, so the caller may go on', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await kernel.db.transaction(async () => {
        await runner.run(counterDecider, stream, { kind: 'SetCounterLimit', limit: 20 }, metadata);
        await runner.run(counterDecider, stream, increment(4), metadata);
        await expect(runner.run(counterDecider, stream, increment(13), metadata)).rejects.toBeInstanceOf(
          TripwireTriggered,
        );
        await expect(runner.run(counterDecider, stream, increment(17), metadata)).rejects.toBeInstanceOf(
          CounterLimitExceeded,
        );
        await runner.run(counterDecider, stream, increment(1), metadata);
      });
      const read = await kernel.store.readStream(stream);
      expect(read.events.map((event) => event.data)).toMatchObject([
        { limit: 20 },
        { by: 4, total: 4 },
        { by: 1, total: 5 },
      ]);
      expect(await counterRow(stream)).toMatchObject({ value: 5, increments: 2 });
    });
  });

  describe('on a version conflict', () => {
    it('retries concurrent commands until each has applied: no lost update (property)', async () => {
      const runner = makeRunner();
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 12 }),
          async (amounts) => {
            published = [];
            const stream = newCounter();
            // Each lost race means another command committed, so n attempts always suffice for n commands.
            const results = await Promise.all(
              amounts.map((by) =>
                runner.run(counterDecider, stream, increment(by), metadata, {
                  retry: { maxAttempts: amounts.length },
                }),
              ),
            );
            const sum = amounts.reduce((a, b) => a + b, 0);
            expect(results.map((result) => result.nextVersion).sort((a, b) => a - b)).toEqual(
              amounts.map((_, index) => index + 1),
            );
            const read = await kernel.store.readStream<'CounterIncremented'>(stream);
            const data = read.events.map((event) => event.data as { by: number; total: number });
            let running = 0;
            for (const each of data) {
              running += each.by;
              expect(each.total).toBe(running);
            }
            expect(running).toBe(sum);
            expect(data.map((each) => each.by).sort()).toEqual([...amounts].sort());
            expect(await counterRow(stream)).toMatchObject({ value: sum, increments: amounts.length });
            expect(published).toHaveLength(amounts.length);
          },
        ),
        { numRuns: 12 },
      );
    });

    it('re-decides on the new state and throws the domain error when the decision no longer holds', async () => {
      const runner = makeRunner();
      const stream = newCounter();
      await runner.run(counterDecider, stream, { kind: 'SetCounterLimit', limit: 5 }, metadata);
      const rival = observed();
      const firstAppended = deferred();

      // The first command appends +3 and keeps its transaction open until the second has decided +3
      // on the state without it; the second then loses the race, re-reads 3 and may no longer add 3.
      const holder = kernel.db.transaction(async () => {
        await runner.run(counterDecider, stream, increment(3), metadata);
        firstAppended.resolve();
        await rival.firstDecision;
      });
      await firstAppended.promise;
      const late = runner.run(rival.decider, stream, increment(3), metadata);
      await holder;

      await expect(late).rejects.toBeInstanceOf(CounterLimitExceeded);
      expect(rival.decisions).toEqual([
        { value: 0, increments: 0, limit: 5 },
        { value: 3, increments: 1, limit: 5 },
      ]);
      expect(await kernel.store.streamVersion(stream)).toBe(2);
    });

    it('rethrows the conflict after the last attempt', async () => {
      const rivalOrm = await kernel.openOrm(2);
      const rival = new EventStore(
        new KernelDatabase(rivalOrm),
        kernel.hasher,
        kernel.schemas,
        kernel.notifier,
      );
      let rivalAppends = 0;
      // A rival writer commits between every read of the stream and the command's append.
      const runner = makeRunner({
        store: {
          readStream: async <Type extends string = string>(stream: string, fromVersion?: number) => {
            const read = await kernel.store.readStream<Type>(stream, fromVersion);
            if (fromVersion === undefined) {
              rivalAppends++;
              await rival.append(stream, [{ type: 'CounterLimitSet', data: { limit: 100 + rivalAppends } }], {
                expectedVersion: 'any',
                metadata: toEventMetadata(metadata),
              });
            }
            return read;
          },
          append: (stream, events, options) => kernel.store.append(stream, events, options),
        },
      });
      const stream = newCounter();
      const attempt = runner.run(counterDecider, stream, increment(1), metadata);
      await expect(attempt).rejects.toBeInstanceOf(StreamVersionConflict);
      await expect(attempt).rejects.toMatchObject({ streamId: stream, actual: 3 });
      expect(rivalAppends).toBe(3);

      rivalAppends = 0;
      await expect(
        runner.run(counterDecider, newCounter(), increment(1), metadata, { retry: { maxAttempts: 1 } }),
      ).rejects.toBeInstanceOf(StreamVersionConflict);
      expect(rivalAppends).toBe(1);
    });

    it('does not retry a conflict on another stream', async () => {
      const { decider, decisions } = observed();
      const runner = makeRunner({
        inlineProjections: new InlineProjections().register(
          { name: 'counter-fixture.conflicting' },
          {
            handle: () => Promise.reject(new StreamVersionConflict('other-1', 1, 2)),
            truncate: () => Promise.resolve(),
          },
        ),
      });
      await expect(runner.run(decider, newCounter(), increment(1), metadata)).rejects.toMatchObject({
        streamId: 'other-1',
      });
      expect(decisions).toHaveLength(1);
    });
  });

  it('refuses a retry policy without attempts', () => {
    expect(() => makeRunner({ retry: { maxAttempts: 0 } })).toThrow(RangeError);
  });
});
