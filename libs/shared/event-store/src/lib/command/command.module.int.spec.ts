import { FIXED_NOW_ISO, sequentialId } from '@bandstand/shared/domain';
import { DomainError } from '@bandstand/shared/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { KernelModule } from '../kernel.module';
import { KernelDatabase } from '../sql/kernel-database';
import { type StoredEvent, streamId } from '../store/event';
import { EventStore } from '../store/event-store';
import { EventSchemaRegistry } from '../store/upcasters';
import { InlineProjection, type InlineProjectionHandler } from '../subscriptions/subscriber';
import { fixedKernelClock } from '../testing/fixed-kernel-clock';
import {
  COUNTER_CATEGORY,
  type CounterCommand,
  counterDecider,
  type CounterEvent,
  type CounterState,
} from '../testing/fixtures/counter.decider';
import { counterFixturePersistence } from '../testing/fixtures/counter.persistence';
import { COUNTER_ROWS_SQL, CounterProjection, type CounterRow } from '../testing/fixtures/counter.projection';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '../testing/kernel-test-harness';
import { type CommandMetadata } from './command-metadata';
import { CommittedEvent } from './committed-event';
import { type DeciderCommandResult } from './decider-command-runner';
import { type DeciderCall, DeciderCommandHandler } from './decider-command.handler';
import { EventSchemasModule } from './event-schemas.module';
import { InlineProjections } from './inline-projections';
import { KERNEL_CLOCK } from './kernel-clock';

class IncrementCounter extends Command<DeciderCommandResult<CounterEvent>> {
  constructor(
    readonly counterId: string,
    readonly by: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(IncrementCounter)
class IncrementCounterHandler extends DeciderCommandHandler<
  IncrementCounter,
  CounterCommand,
  CounterEvent,
  CounterState
> {
  protected readonly decider = counterDecider;

  protected route(command: IncrementCounter): DeciderCall<CounterCommand> {
    return {
      streamId: streamId(COUNTER_CATEGORY, command.counterId),
      command: { kind: 'IncrementCounter', by: command.by },
      metadata: command.metadata,
    };
  }
}

class Tripped extends DomainError {
  constructor() {
    super('COUNTER.TRIPWIRE', 'An increment of 13 trips the wire');
  }
}

@InlineProjection({ name: 'counter-fixture.tripwire', eventTypes: ['CounterIncremented'] })
class TripwireProjection implements InlineProjectionHandler {
  handle(events: readonly StoredEvent[]): Promise<void> {
    const tripped = events.some((event) => (event.data as { by: number }).by === 13);
    return tripped ? Promise.reject(new Tripped()) : Promise.resolve();
  }

  truncate(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
@EventsHandler(CommittedEvent)
class CommittedEventLog implements IEventHandler<CommittedEvent> {
  readonly events: CommittedEvent[] = [];

  handle(event: CommittedEvent): void {
    this.events.push(event);
  }
}

/** A schema change of the fixture: v2 of CounterLimitSet says where the limit came from. */
const counterSchemas = [
  {
    type: 'CounterLimitSet',
    version: 2,
    upcasters: { 1: (data: unknown) => ({ ...(data as object), source: 'v1' }) },
  },
];

@Module({
  imports: [EventSchemasModule.forFeature('counter_fixture', counterSchemas)],
  providers: [IncrementCounterHandler, CounterProjection, TripwireProjection, CommittedEventLog],
})
class CounterFixtureModule {}

const metadata: CommandMetadata = { correlationId: 'corr-9', actor: 'user:grace', tenantId: 'tenant-9' };

describe('CommandModule (under KernelModule)', () => {
  let kernel: KernelTestHarness;
  let app: TestingModule;
  let commands: CommandBus;
  let log: CommittedEventLog;

  const rowOf = async (counterId: string): Promise<CounterRow | undefined> =>
    (
      await kernel.db.query<CounterRow>(`select * from (${COUNTER_ROWS_SQL}) rows where counter_id = $1`, [
        counterId,
      ])
    )[0];

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [counterFixturePersistence] });
    const orm: DynamicModule = {
      module: class TestOrmModule {},
      global: true,
      providers: [{ provide: MikroORM, useValue: kernel.orm }],
      exports: [MikroORM],
    };
    app = await Test.createTestingModule({
      imports: [
        orm,
        KernelModule.forRoot(
          { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
          'api',
        ),
        CounterFixtureModule,
      ],
    })
      .overrideProvider(KERNEL_CLOCK)
      .useValue(fixedKernelClock())
      .compile();
    await app.init();
    commands = app.get(CommandBus);
    log = app.get(CommittedEventLog);
  });
  afterAll(async () => {
    await app.close();
    await kernel.close();
  });
  beforeEach(() => {
    log.events.length = 0;
  });

  it('discovers the inline projections of every module', () => {
    expect(app.get(InlineProjections).names.slice().sort()).toEqual([
      'counter-fixture.counters',
      'counter-fixture.tripwire',
    ]);
  });

  it('runs a decider command from the CommandBus: events, inline rows, then the EventBus', async () => {
    const result = await commands.execute(new IncrementCounter('c1', 4, metadata));
    expect(result).toMatchObject({ streamId: 'counter-c1', nextVersion: 1 });
    expect(result.events[0]).toMatchObject({
      type: 'CounterIncremented',
      data: { by: 4, total: 4, incrementId: sequentialId(1), at: FIXED_NOW_ISO },
      metadata: { ...metadata, causationId: null, extra: {} },
    });
    expect(await rowOf('c1')).toMatchObject({ value: 4, increments: 1, updated_at: FIXED_NOW_ISO });
    expect(log.events).toHaveLength(1);
    expect(log.events[0]).toBeInstanceOf(CommittedEvent);
    expect({ ...log.events[0] }).toEqual(result.events[0]);
  });

  it('fails the whole command when an inline projection fails, publishing nothing', async () => {
    await commands.execute(new IncrementCounter('c2', 1, metadata));
    log.events.length = 0;
    await expect(commands.execute(new IncrementCounter('c2', 13, metadata))).rejects.toBeInstanceOf(Tripped);
    expect(await app.get(EventStore).streamVersion('counter-c2')).toBe(1);
    expect(await rowOf('c2')).toMatchObject({ value: 1, increments: 1 });
    expect(log.events).toEqual([]);
  });

  it('joins a KernelDatabase transaction of the caller and publishes after its commit', async () => {
    const db = app.get(KernelDatabase);
    await expect(
      db.transaction(async () => {
        await commands.execute(new IncrementCounter('c3', 2, metadata));
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await rowOf('c3')).toBeUndefined();
    expect(log.events).toEqual([]);

    await db.transaction(async () => {
      await commands.execute(new IncrementCounter('c3', 2, metadata));
      await commands.execute(new IncrementCounter('c3', 3, metadata));
      expect(log.events).toEqual([]);
    });
    expect(log.events.map((event) => event.data)).toMatchObject([{ total: 2 }, { total: 5 }]);
    expect(await rowOf('c3')).toMatchObject({ value: 5, increments: 2 });
  });

  it('registers the event schemas a context declares', async () => {
    const registry = app.get(EventSchemaRegistry);
    expect(registry.currentVersion('CounterLimitSet')).toBe(2);
    const store = app.get(EventStore);
    await store.append('counter-c4', [{ type: 'CounterLimitSet', data: { limit: 9 }, schemaVersion: 1 }], {
      expectedVersion: 'no_stream',
      metadata: { correlationId: 'c', causationId: null, actor: 'user:1', tenantId: null },
    });
    const [event] = (await store.readStream('counter-c4')).events;
    expect(event).toMatchObject({ schemaVersion: 2, data: { limit: 9, source: 'v1' } });
  });
});

describe('KernelModule with a clock of the composition root', () => {
  it('decides and records with that clock instead of the system clock', async () => {
    const kernel = await createKernelTestHarness({ contexts: [counterFixturePersistence] });
    const orm: DynamicModule = {
      module: class ClockTestOrmModule {},
      global: true,
      providers: [{ provide: MikroORM, useValue: kernel.orm }],
      exports: [MikroORM],
    };
    const app = await Test.createTestingModule({
      imports: [
        orm,
        KernelModule.forRoot(
          { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
          'api',
          { clock: fixedKernelClock({ now: '2019-05-04T03:02:01.000Z' }) },
        ),
        CounterFixtureModule,
      ],
    }).compile();
    try {
      await app.init();
      const result = await app.get(CommandBus).execute(new IncrementCounter('past', 1, metadata));
      expect(result.events[0]).toMatchObject({
        data: { at: '2019-05-04T03:02:01.000Z' },
        recordedAt: new Date('2019-05-04T03:02:01.000Z'),
      });
    } finally {
      await app.close();
      await kernel.close();
    }
  });
});
