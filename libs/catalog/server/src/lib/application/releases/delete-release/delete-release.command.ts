import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Deletes a release: its read models go and its identifiers are free again. */
export class DeleteRelease extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
