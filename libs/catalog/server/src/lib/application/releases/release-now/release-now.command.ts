import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../release-stream';

/** Releases at once: the release moment moves to now when it lies ahead (publishing the draft if needed). */
export class ReleaseNow extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly releaseId: string,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
