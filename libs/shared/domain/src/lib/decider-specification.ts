import { type Decider, type DecisionContext, type DomainEvent } from './decider';
import { fixedDecisionContext } from './fixed-decision-context';
import { assertStructurallyEqual, formatValue, SpecificationFailure } from './structural-diff';

/** The fields of a thrown error that {@link DeciderThen.thenThrows} checks; each one given must match. */
export interface ErrorFields {
  readonly code?: string;
  readonly name?: string;
  readonly message?: string | RegExp;
}

/** A class whose instances an expected error must be. */
export type ErrorClass<T = unknown> = abstract new (...args: never[]) => T;

/** What a thrown error must be: an instance of a class, an error with this stable code, or matching fields. */
export type ErrorExpectation = ErrorClass | string | ErrorFields;

/** The first step of a decider specification: the events already in the stream. */
export interface DeciderGiven<Command, Event extends DomainEvent, State> {
  /** The stream's history, folded with `evolve` from `initialState()`. */
  given(events: readonly Event[]): DeciderWhen<Command, Event, State>;
  /** The command on a new stream (no events given). */
  when(command: Command, context?: DecisionContext): DeciderThen<Event, State>;
}

/** The second step: the command under test. */
export interface DeciderWhen<Command, Event extends DomainEvent, State> {
  /** Decides `command` on the given state, with `context` or a fresh {@link fixedDecisionContext}. */
  when(command: Command, context?: DecisionContext): DeciderThen<Event, State>;
}

/** The last step: what the decision must be. Each check throws a {@link SpecificationFailure} when it does not hold. */
export interface DeciderThen<Event extends DomainEvent, State> {
  /** The decided events equal `expected`, in order, structurally. */
  then(expected: readonly Event[]): void;
  /** The command decides no events. */
  thenNothing(): void;
  /** `decide` throws an error matching `expected`; returns that error for further checks. */
  thenThrows<T>(expected: ErrorClass<T>): T;
  thenThrows(expected: string | ErrorFields): unknown;
  /** The state after evolving the decided events equals `expected` structurally. */
  thenState(expected: State): void;
}

type Outcome<Event, State> =
  | { readonly decided: true; readonly events: readonly Event[]; readonly before: State }
  | { readonly decided: false; readonly error: unknown };

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `the non-error ${formatValue(error)}`;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
}

function describeExpectation(expected: ErrorExpectation): string {
  if (typeof expected === 'function') return `an instance of ${expected.name || 'the given class'}`;
  if (typeof expected === 'string') return `an error with code ${expected}`;
  return `an error matching ${formatValue(expected)}`;
}

function matches(error: unknown, expected: ErrorExpectation): boolean {
  if (typeof expected === 'function') return error instanceof expected;
  if (typeof error !== 'object' || error === null) return false;
  const fields = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof expected === 'string') return fields.code === expected;
  if (expected.code !== undefined && fields.code !== expected.code) return false;
  if (expected.name !== undefined && fields.name !== expected.name) return false;
  if (expected.message === undefined) return true;
  if (typeof fields.message !== 'string') return false;
  return typeof expected.message === 'string'
    ? fields.message === expected.message
    : expected.message.test(fields.message);
}

function fail(message: string, cause?: unknown): never {
  throw new SpecificationFailure(`deciderSpec: ${message}`, [], cause === undefined ? undefined : { cause });
}

class Specification<Command, Event extends DomainEvent, State> implements DeciderThen<Event, State> {
  private outcome: Outcome<Event, State> | undefined;

  constructor(
    private readonly decider: Decider<Command, Event, State>,
    private readonly history: readonly Event[],
    private readonly command: Command,
    private readonly context: DecisionContext,
  ) {}

  then(expected: readonly Event[]): void {
    if (typeof expected === 'function') {
      // An object with a then() method is a thenable: returning or awaiting the when() step lands here.
      fail(
        'the result of when() was awaited or returned as a promise; finish it with .then([...events]), .thenNothing(), .thenThrows(…) or .thenState(…)',
      );
    }
    const outcome = this.decide();
    if (!outcome.decided)
      fail(`expected events, but decide threw ${describeError(outcome.error)}`, outcome.error);
    assertStructurallyEqual(
      outcome.events,
      expected,
      'deciderSpec: the decided events differ from the expected ones',
    );
  }

  thenNothing(): void {
    this.then([]);
  }

  thenThrows<T>(expected: ErrorClass<T>): T;
  thenThrows(expected: string | ErrorFields): unknown;
  thenThrows(expected: ErrorExpectation): unknown {
    const outcome = this.decide();
    if (outcome.decided) {
      fail(
        `expected decide to throw ${describeExpectation(expected)}, but it decided:\n${formatValue(outcome.events, true)}`,
      );
    }
    if (!matches(outcome.error, expected)) {
      fail(
        `expected decide to throw ${describeExpectation(expected)}, but it threw ${describeError(outcome.error)}`,
        outcome.error,
      );
    }
    return outcome.error;
  }

  thenState(expected: State): void {
    const outcome = this.decide();
    if (!outcome.decided)
      fail(`expected a state, but decide threw ${describeError(outcome.error)}`, outcome.error);
    assertStructurallyEqual(
      this.fold(outcome.before, outcome.events, 'decided'),
      expected,
      'deciderSpec: the state after the decided events differs from the expected one',
    );
  }

  // Decided once and kept, so that several checks see the same decision (and the same ids).
  private decide(): Outcome<Event, State> {
    if (this.outcome) return this.outcome;
    const before = this.fold(this.decider.initialState(), this.history, 'given');
    let events: readonly Event[];
    try {
      events = this.decider.decide(this.command, before, this.context);
    } catch (error) {
      this.outcome = { decided: false, error };
      return this.outcome;
    }
    this.outcome = { decided: true, events, before };
    return this.outcome;
  }

  private fold(state: State, events: readonly Event[], which: string): State {
    return events.reduce((current, event, index) => {
      try {
        return this.decider.evolve(current, event);
      } catch (error) {
        return fail(
          `evolve threw on ${which} event [${index}] ${event.type}: ${describeError(error)}`,
          error,
        );
      }
    }, state);
  }
}

/**
 * A given/when/then specification of a decider, for plain Node and for any test runner:
 *
 *     deciderSpec(counter).given([{ type: 'CounterIncremented', data: { by: 2 } }])
 *       .when({ kind: 'IncrementCounter', by: 3 })
 *       .then([{ type: 'CounterIncremented', data: { by: 3 } }]);
 *
 * Checks throw a {@link SpecificationFailure} naming each difference. The decision runs with a
 * {@link fixedDecisionContext} unless `when` is given a context.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderGiven<Command, Event, State> {
  const when =
    (history: readonly Event[]) =>
    (command: Command, context: DecisionContext = fixedDecisionContext()): DeciderThen<Event, State> =>
      new Specification(decider, history, command, context);
  return { given: (events) => ({ when: when(events) }), when: when([]) };
}
