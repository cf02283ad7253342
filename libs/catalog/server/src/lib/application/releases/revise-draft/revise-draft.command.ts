import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Replaces a release's draft with one as sent, edited from revision `expectedRevision`. */
export class ReviseDraft extends Command<{ readonly revision: number }> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly expectedRevision: number,
    readonly draft: unknown,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
