import { FIXED_NOW_ISO, sequentialId, SpecificationFailure } from '@bandstand/shared/domain';
import { type KernelTransaction } from '../sql/kernel-database';
import { type StoredEvent } from '../store/event';
import { type CounterEvent } from './fixtures/counter.decider';
import { counterFixturePersistence } from './fixtures/counter.persistence';
import { COUNTER_ROWS_SQL, CounterProjection } from './fixtures/counter.projection';
import { createKernelTestHarness, type KernelTestHarness } from './kernel-test-harness';
import { PROJECTION_SPEC_METADATA, projectionSpec } from './projection-specification';

const incremented = (by: number, total: number): CounterEvent => ({
  type: 'CounterIncremented',
  data: { by, total, incrementId: sequentialId(total), at: FIXED_NOW_ISO },
});

describe('projectionSpec', () => {
  let kernel: KernelTestHarness;
  const projection = new CounterProjection();

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [counterFixturePersistence] });
  });
  afterAll(() => kernel.close());

  it('feeds the given events to the projection and checks the rows', async () => {
    await projectionSpec(projection, kernel)
      .given([
        { ...incremented(2, 2), streamId: 'counter-a' },
        { type: 'CounterLimitSet', data: { limit: 10 }, streamId: 'counter-b' },
        { ...incremented(3, 5), streamId: 'counter-a' },
      ])
      .thenRows(COUNTER_ROWS_SQL, [
        {
          counter_id: 'a',
          value: 5,
          increments: 2,
          limit: null,
          last_event_id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          updated_at: FIXED_NOW_ISO,
        },
        {
          counter_id: 'b',
          value: 0,
          increments: 0,
          limit: 10,
          last_event_id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          updated_at: FIXED_NOW_ISO,
        },
      ]);
  });

  it('hands the events over as stored, in order, with default or given metadata', async () => {
    const seen: StoredEvent[] = [];
    const events = await projectionSpec(
      { handle: (batch) => Promise.resolve(void seen.push(...batch)) },
      kernel,
    )
      .given([incremented(1, 1), { ...incremented(1, 2), metadata: { actor: 'user:ada', tenantId: 't-1' } }])
      .run();
    expect(seen).toEqual(events);
    expect(events.map((event) => event.streamVersion)).toEqual([1, 2]);
    expect(events[0]?.streamId).toMatch(/^spec-/);
    expect(events[0]?.metadata).toEqual({ ...PROJECTION_SPEC_METADATA, extra: {} });
    expect(events[1]?.metadata).toMatchObject({
      actor: 'user:ada',
      tenantId: 't-1',
      correlationId: 'projection-spec',
    });
    expect(events[0]?.transactionId).toBe(events[1]?.transactionId);
  });

  it('truncates first unless told not to, and batches as asked', async () => {
    const given = [
      { ...incremented(1, 1), streamId: 'counter-t' },
      { ...incremented(2, 3), streamId: 'counter-t' },
    ];
    const sql = 'select counter_id, value, increments from counter_fixture.counters order by counter_id';
    const batches: number[] = [];
    const counting = {
      handle: (events: readonly StoredEvent[], tx: KernelTransaction) => {
        batches.push(events.length);
        return projection.handle(events, tx);
      },
      truncate: (tx: KernelTransaction) => projection.truncate(tx),
    };
    await projectionSpec(counting, kernel, { batchSize: 1 })
      .given(given)
      .thenRows(sql, [{ counter_id: 't', value: 3, increments: 2 }]);
    expect(batches).toEqual([1, 1]);
    await projectionSpec(projection, kernel, { truncate: false })
      .given(given)
      .thenRows(sql, [{ counter_id: 't', value: 6, increments: 4 }]);
    await projectionSpec(projection, kernel)
      .given(given)
      .thenRows(sql, [{ counter_id: 't', value: 3, increments: 2 }]);
  });

  it('records the events at a fixed time unless told otherwise', async () => {
    const [first, second] = await projectionSpec(projection, kernel, { recordedAt: '2030-01-01T00:00:00Z' })
      .given([incremented(1, 1), { ...incremented(1, 2), recordedAt: '2031-01-01T00:00:00Z' }])
      .run();
    expect(first?.recordedAt).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(second?.recordedAt).toEqual(new Date('2031-01-01T00:00:00Z'));
    const [fixed] = await projectionSpec(projection, kernel)
      .given([incremented(1, 1)])
      .run();
    expect(fixed?.recordedAt).toEqual(new Date(FIXED_NOW_ISO));
  });

  it('fails with the differences when the rows are not as expected', async () => {
    const attempt = projectionSpec(projection, kernel)
      .given([{ ...incremented(4, 4), streamId: 'counter-f' }])
      .thenRows(COUNTER_ROWS_SQL, [
        {
          counter_id: 'f',
          value: 5,
          increments: 1,
          limit: null,
          last_event_id: sequentialId(1),
          updated_at: FIXED_NOW_ISO,
        },
      ]);
    await expect(attempt).rejects.toBeInstanceOf(SpecificationFailure);
    const failure = (await attempt.catch((error: unknown) => error)) as SpecificationFailure;
    expect(failure.message).toMatch(
      /^projectionSpec: the rows of `select counter_id, value, increments, "limit"/,
    );
    expect(failure.message).toContain('$[0].value: expected 5, received 4');
    expect(failure.differences.map((difference) => difference.path)).toEqual([
      '$[0].value',
      '$[0].last_event_id',
    ]);
  });

  it('fails when the projection throws, leaving no events behind', async () => {
    const attempt = projectionSpec({ handle: () => Promise.reject(new Error('cannot project')) }, kernel)
      .given([{ ...incremented(1, 1), streamId: 'counter-x' }])
      .thenRows('select 1', []);
    await expect(attempt).rejects.toThrow('cannot project');
    expect(await kernel.store.streamVersion('counter-x')).toBe(0);
  });
});
