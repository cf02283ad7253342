import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Takes a scheduled release back to draft; its availability goes with the schedule. */
export class UnscheduleRelease extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
