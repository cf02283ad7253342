import { setTimeout as sleep } from 'node:timers/promises';
import { type Decider, type DecisionContext, type DomainEvent } from '@bandstand/shared/domain';
import { Logger } from '@nestjs/common';
import { type KernelDatabase, type KernelTransaction } from '../sql/kernel-database';
import { type StoredEvent } from '../store/event';
import { type EventStore } from '../store/event-store';
import { ConcurrentAppend, StreamVersionConflict } from '../store/event-store.errors';
import { expectedVersionAfter } from '../store/expected-version';
import { type CommandMetadata, toEventMetadata } from './command-metadata';
import { CommittedEvent } from './committed-event';
import { InlineProjections } from './inline-projections';
import { type KernelClock, systemClock } from './kernel-clock';

/** How the command path retries a decision that lost the race for its stream's next version. */
export interface CommandRetryPolicy {
  /** Attempts in all, the first included; the conflict is rethrown after the last. */
  readonly maxAttempts: number;
  /** Upper bound of the first retry's random delay, doubled at each further retry. */
  readonly backoffMs: number;
  /** Upper bound of any retry's delay. */
  readonly maxBackoffMs: number;
}

/** Three attempts with a jittered backoff of a few milliseconds. */
export const DEFAULT_COMMAND_RETRY_POLICY: CommandRetryPolicy = {
  maxAttempts: 3,
  backoffMs: 5,
  maxBackoffMs: 100,
};

/** Injection token of the process's {@link CommandRetryPolicy}. */
export const COMMAND_RETRY_POLICY = Symbol('COMMAND_RETRY_POLICY');

/** Where committed events go: the `@nestjs/cqrs` EventBus in a Nest process. */
export interface CommittedEventPublisher {
  publishAll(events: CommittedEvent[]): unknown;
}

/** A stored event of one of a decider's event types, with its type and data still tied together. */
export type StoredEventOf<Event extends DomainEvent> = Event extends {
  readonly type: infer Type extends string;
  readonly data: infer Data;
}
  ? StoredEvent<Type, Data>
  : never;

/** What a command did to its stream. */
export interface DeciderCommandResult<Event extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  /** The stream's version after the command; unchanged when the command decided nothing. */
  readonly nextVersion: number;
  /** The appended events as stored; empty when the command decided nothing. */
  readonly events: readonly StoredEventOf<Event>[];
}

/** Per-call settings of {@link DeciderCommandRunner.run}. */
export interface RunCommandOptions {
  readonly retry?: Partial<CommandRetryPolicy>;
}

/** What a {@link DeciderCommandRunner} works with; only the database and the store are required. */
export interface DeciderCommandRunnerDependencies {
  readonly db: KernelDatabase;
  readonly store: Pick<EventStore, 'readStream' | 'append'>;
  readonly inlineProjections?: InlineProjections;
  /** Without one, nothing is published. */
  readonly publisher?: CommittedEventPublisher;
  readonly clock?: KernelClock;
  readonly retry?: Partial<CommandRetryPolicy>;
}

// The store holds events of every type, but a stream only ever receives its own decider's events.
function asDeciderEvent<Event extends DomainEvent>(event: StoredEvent): Event {
  return { type: event.type, data: event.data } as Event;
}

function retryPolicy(...layers: readonly (Partial<CommandRetryPolicy> | undefined)[]): CommandRetryPolicy {
  const policy = Object.assign({}, DEFAULT_COMMAND_RETRY_POLICY, ...layers) as CommandRetryPolicy;
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`A command needs at least one attempt, not ${policy.maxAttempts}`);
  }
  return policy;
}

/**
 * The command path of every decider (docs/contexts/kernel.md): in one transaction, which joins the
 * caller's as a savepoint, it reads the stream, folds `evolve` from `initialState()`, lets `decide`
 * choose the events with the kernel clock's time and ids, appends them expecting exactly the
 * version it read, and runs the inline projections on them. The events are published on the
 * EventBus only after the outermost transaction commits. A lost race for the stream
 * ({@link StreamVersionConflict}) is retried from the read a bounded number of times; errors of
 * `decide` (DomainErrors with stable codes) propagate unchanged and nothing is written.
 */
export class DeciderCommandRunner {
  private readonly logger = new Logger(DeciderCommandRunner.name);
  private readonly db: KernelDatabase;
  private readonly store: Pick<EventStore, 'readStream' | 'append'>;
  private readonly projections: InlineProjections;
  private readonly publisher: CommittedEventPublisher | undefined;
  private readonly clock: KernelClock;
  private readonly retry: CommandRetryPolicy;

  constructor(dependencies: DeciderCommandRunnerDependencies) {
    this.db = dependencies.db;
    this.store = dependencies.store;
    this.projections = dependencies.inlineProjections ?? new InlineProjections();
    this.publisher = dependencies.publisher;
    this.clock = dependencies.clock ?? systemClock;
    this.retry = retryPolicy(dependencies.retry);
  }

  async run<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    metadata: CommandMetadata,
    options: RunCommandOptions = {},
  ): Promise<DeciderCommandResult<Event>> {
    const policy = retryPolicy(this.retry, options.retry);
    // Inside an outer transaction a ConcurrentAppend cannot go away (the transaction id is fixed):
    // it propagates so that the owner of the transaction retries all of it.
    const nested = this.db.currentTransaction !== undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => this.attempt(decider, streamId, command, metadata, tx));
      } catch (error) {
        const lostRace =
          (error instanceof StreamVersionConflict || (error instanceof ConcurrentAppend && !nested)) &&
          error.streamId === streamId;
        if (!lostRace || attempt >= policy.maxAttempts) throw error;
        // Full jitter: writers that collided once must not collide again in lockstep.
        const delay = Math.floor(
          Math.random() * Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1)),
        );
        this.logger.debug(`${error.message}; attempt ${attempt + 1} of ${policy.maxAttempts} in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  private async attempt<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    metadata: CommandMetadata,
    tx: KernelTransaction,
  ): Promise<DeciderCommandResult<Event>> {
    const history = await this.store.readStream(streamId);
    const state = history.events.reduce(
      (current, event) => decider.evolve(current, asDeciderEvent<Event>(event)),
      decider.initialState(),
    );
    const now = this.clock.now();
    const context: DecisionContext = { now: new Date(now.getTime()), newId: () => this.clock.newId() };
    const decided = decider.decide(command, state, context);
    if (decided.length === 0) return { streamId, nextVersion: history.version, events: [] };

    const appended = await this.store.append(
      streamId,
      decided.map(({ type, data }) => ({ type, data })),
      {
        expectedVersion: expectedVersionAfter(history.version),
        metadata: toEventMetadata(metadata),
        recordedAt: now,
      },
    );
    // Read back within the transaction: projections and subscribers get the events exactly as
    // every later reader will (transaction id, normalised JSON, upcast to the newest schema).
    const stored = (await this.store.readStream(streamId, history.version)).events;
    await this.projections.apply(stored, tx);
    const publisher = this.publisher;
    if (publisher) tx.afterCommit(() => this.publish(publisher, stored));
    return { streamId, nextVersion: appended.nextVersion, events: stored as readonly StoredEventOf<Event>[] };
  }

  // Runs after the commit: a failing subscriber must not make a committed command look failed.
  private publish(publisher: CommittedEventPublisher, events: readonly StoredEvent[]): void {
    try {
      publisher.publishAll(events.map((event) => new CommittedEvent(event)));
    } catch (error) {
      this.logger.error(`Publishing ${events.length} committed event(s) failed: ${String(error)}`);
    }
  }
}
