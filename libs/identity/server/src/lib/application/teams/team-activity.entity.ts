import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type TeamActivityEntry } from '@bandstand/identity/contracts';

/** identity.team_activity: one row per event of an organisation's stream, with a sentence for people. */
@Entity({ schema: 'identity', tableName: 'team_activity' })
export class TeamActivityRecord {
  @PrimaryKey({ type: t.uuid, fieldName: 'event_id' })
  eventId!: string;

  @Property({ type: t.text, fieldName: 'org_id' })
  orgId!: string;

  @Property({ type: t.integer, fieldName: 'stream_version' })
  streamVersion!: number;

  @Property({ type: t.datetime, columnType: 'timestamptz' })
  at!: Date;

  @Property({ type: t.text, fieldName: 'actor_id', nullable: true })
  actorId: string | null = null;

  @Property({ type: t.text, fieldName: 'actor_name' })
  actorName!: string;

  @Property({ type: t.text })
  kind!: TeamActivityEntry['kind'];

  @Property({ type: t.text })
  summary!: string;
}
