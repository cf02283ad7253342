import { type BenchEvent, type BenchMetadata } from './bench-events.fixture';

/** One client of a contender: it owns one stream and appends to it, one append at a time. */
export interface BenchClient {
  append(events: readonly BenchEvent[], metadata: BenchMetadata): Promise<void>;
}

/** A contender set up on a fresh database of its own, its schema created, ready to be timed. */
export interface ContenderSession {
  /** The database it runs on (a CHECKPOINT is taken there before timing). */
  readonly databaseUrl: string;
  /** The client with this index; each gets a stream no other client writes. */
  client(index: number): BenchClient;
  /** Closes its pools and drops its database. */
  close(): Promise<void>;
}

/** Sets a contender up for `clients` concurrent clients (its pool holds that many connections). */
export type OpenContender = (clients: number) => Promise<ContenderSession>;

/** A stream id that both Emmett (`<type>-<rest>`) and the store (`<category>-<id>`) accept. */
export function benchStreamId(client: number, salt: string): string {
  return `benchLine-${salt}-${client}`;
}
