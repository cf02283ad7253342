/** A domain event as a decider produces it: a past-tense PascalCase type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What a decision may depend on besides the command and the state: the time and fresh ids, passed in. */
export interface DecisionContext {
  readonly now: Date;
  newId(): string;
}

/**
 * An aggregate as a pure decider (ARCHITECTURE.md §4): `decide` turns a command and the current state
 * into events (or throws a DomainError), `evolve` folds an event into the state. No I/O, no clock, no
 * randomness inside.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: DecisionContext) => readonly Event[];
}
