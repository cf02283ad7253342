import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The platform's own schema: bookkeeping that belongs to no bounded context. */
export const PLATFORM_SCHEMA = 'platform';

/** One run of the demo-data generator against this database. */
@Entity({ schema: PLATFORM_SCHEMA, tableName: 'seed_runs' })
export class SeedRun {
  @PrimaryKey({ type: t.integer, autoincrement: true })
  id!: number;

  @Property({ type: t.text })
  seed!: string;

  @Property({ type: t.integer })
  scale!: number;

  @Property({ type: t.array, columnType: 'text[]' })
  contributors: string[] = [];

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'started_at' })
  startedAt!: Date;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'finished_at', nullable: true })
  finishedAt: Date | null = null;
}
