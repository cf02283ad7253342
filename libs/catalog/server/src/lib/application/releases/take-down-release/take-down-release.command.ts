import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Takes a release down everywhere, with a reason kept for the team. */
export class TakeDownRelease extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly reason: string,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
