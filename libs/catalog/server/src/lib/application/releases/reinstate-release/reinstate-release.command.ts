import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Reinstates a taken-down release to the status it had before. */
export class ReinstateRelease extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
