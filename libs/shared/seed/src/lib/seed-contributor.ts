import { type EntityManager } from '@mikro-orm/postgresql';
import { type Rng } from './rng';

/** What a contributor gets to generate its context's demo data. */
export interface SeedContext {
  /** This contributor's own generator, derived from the run's seed and the context name. */
  readonly rng: Rng;
  /** 1 for a laptop-sized demo; data volumes grow linearly with it. */
  readonly scale: number;
  /** The day the data is anchored to (UTC midnight): "recent" means recent relative to it. */
  readonly today: Date;
  /** A transaction of its own: a contributor's data is written entirely or not at all. */
  readonly em: EntityManager;
  readonly log: (message: string) => void;
}

/** What a contributor wrote: row counts by kind, e.g. `{ releases: 120, tracks: 1400 }`. */
export interface SeedReport {
  readonly created: Readonly<Record<string, number>>;
}

/**
 * One bounded context's part of the demo data. `after` names contexts whose data must exist
 * first (an order needs a product); the runner orders contributors accordingly.
 */
export interface SeedContributor {
  readonly context: string;
  readonly after?: readonly string[];
  run(context: SeedContext): Promise<SeedReport>;
}
