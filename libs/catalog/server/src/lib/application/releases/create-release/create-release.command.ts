import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Creates a release from a draft as sent (`ReleaseDraftInput`, parsed by the handler). Answers its id. */
export class CreateRelease extends Command<{ readonly releaseId: string }> {
  constructor(
    readonly orgId: string,
    readonly draft: unknown,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
