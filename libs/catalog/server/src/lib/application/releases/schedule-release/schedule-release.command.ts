import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/**
 * Schedules a release (or changes its schedule) from a `ScheduleReleaseRequest` as sent, publishing
 * the draft first when it was never published or has changes.
 */
export class ScheduleRelease extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly schedule: unknown,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
