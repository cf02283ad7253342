import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Publishes a release's draft (at revision `expectedRevision`) as its next version. Answers the version. */
export class PublishVersion extends Command<{ readonly version: number }> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly expectedRevision: number,
    readonly note: string | null,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
