import { type EntityManager } from '@mikro-orm/postgresql';
import { type Rng } from './rng';

/**
 * The running application a contributor writes through when its context is event-sourced: the
 * same command handlers, deciders and inline projections as the api, so demo data is exactly what
 * users would have produced. `get` finds any provider of the application by its class or token.
 */
export interface SeedApplication {
  get<T>(token: abstract new (...args: never[]) => T): T;
  get<T>(token: symbol | string): T;
  /** The application's command clock, when it lets the seed write history at past instants. */
  readonly clock?: SeedClock;
}

/**
 * The command path's clock as the seed drives it: demo history (a release scheduled last spring,
 * released in May) is written by the same commands at the instants they would have run. Travel
 * forward only, so that recorded times follow the commit order.
 */
export interface SeedClock {
  travelTo(instant: Date): void;
  /** Back to the real time. */
  backToNow(): void;
}

/** A {@link SeedClock} that is also a kernel clock (now, newId): what the seed application runs on. */
export class TravellingClock implements SeedClock {
  private fixed: number | null = null;

  constructor(private readonly newUuid: () => string) {}

  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }

  newId(): string {
    return this.newUuid();
  }

  travelTo(instant: Date): void {
    if (Number.isNaN(instant.getTime())) throw new RangeError('Cannot travel to an invalid date');
    this.fixed = instant.getTime();
  }

  backToNow(): void {
    this.fixed = null;
  }
}

/** What a contributor gets to generate its context's demo data. */
export interface SeedContext {
  /** This contributor's own generator, derived from the run's seed and the context name. */
  readonly rng: Rng;
  /** 1 for a laptop-sized demo; data volumes grow linearly with it. */
  readonly scale: number;
  /** The day the data is anchored to (UTC midnight): "recent" means recent relative to it. */
  readonly today: Date;
  /**
   * A transaction of its own: a contributor's data is written entirely or not at all. A contributor
   * with `usesApplication` gets a plain fork instead and writes through {@link app}, in transactions
   * of its own.
   */
  readonly em: EntityManager;
  /** The application, for contributors with `usesApplication`; null for the others. */
  readonly app: SeedApplication | null;
  /** What the contributors that ran before this one provided, by their context. */
  readonly provided: Readonly<Record<string, SeedProvisions>>;
  readonly log: (message: string) => void;
}

/** Values a contributor hands to the ones after it (the demo organisations, say). */
export type SeedProvisions = Readonly<Record<string, unknown>>;

/** What a contributor wrote: row counts by kind, e.g. `{ releases: 120, tracks: 1400 }`. */
export interface SeedReport {
  readonly created: Readonly<Record<string, number>>;
  /** What later contributors may read from `provided[<this context>]`. */
  readonly provides?: SeedProvisions;
}

/**
 * One bounded context's part of the demo data. `after` names contexts whose data must exist
 * first (an order needs a product); the runner orders contributors accordingly.
 */
export interface SeedContributor {
  readonly context: string;
  readonly after?: readonly string[];
  /** Writes through the running application's commands (event-sourced contexts) rather than `em`. */
  readonly usesApplication?: boolean;
  run(context: SeedContext): Promise<SeedReport>;
}

/**
 * The organisations the identity context's demo creates, provided under this key: other contexts put
 * their demo data in them, so that the demo accounts see it.
 */
export const DEMO_ORGANISATIONS = 'organisations';

/** One demo organisation, as {@link DEMO_ORGANISATIONS} lists them. */
export interface DemoOrganisation {
  readonly orgId: string;
  readonly name: string;
  readonly kind: 'artist' | 'label';
  /** The demo account that owns it. */
  readonly ownerUserId: string;
}

/** The demo organisations a contributor before this one provided, checked. */
export function demoOrganisations(
  provided: Readonly<Record<string, SeedProvisions>>,
): readonly DemoOrganisation[] {
  const listed: unknown = Object.values(provided)
    .map((provisions) => provisions[DEMO_ORGANISATIONS])
    .find((value) => value !== undefined);
  if (listed === undefined) return [];
  if (!Array.isArray(listed)) throw new TypeError(`${DEMO_ORGANISATIONS} must be a list of organisations`);
  return listed.map((item: unknown, index) => {
    const org = item as Partial<DemoOrganisation> | null;
    if (
      org === null ||
      typeof org.orgId !== 'string' ||
      typeof org.name !== 'string' ||
      (org.kind !== 'artist' && org.kind !== 'label') ||
      typeof org.ownerUserId !== 'string'
    ) {
      throw new TypeError(`${DEMO_ORGANISATIONS}[${index}] is not a demo organisation`);
    }
    return { orgId: org.orgId, name: org.name, kind: org.kind, ownerUserId: org.ownerUserId };
  });
}
