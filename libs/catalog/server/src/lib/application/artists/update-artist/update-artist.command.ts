import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../../releases/release-stream';

/** Replaces an artist's profile with an `ArtistInput` as sent (every field; absent ones become empty). */
export class UpdateArtist extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly artistId: string,
    readonly profile: unknown,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
