import { Command } from '@nestjs/cqrs';
import { type CatalogActor } from '../../releases/release-stream';

/** Creates a catalog artist from an `ArtistInput` as sent (parsed by the handler). Answers its id. */
export class CreateArtist extends Command<{ readonly artistId: string }> {
  constructor(
    readonly orgId: string,
    readonly profile: unknown,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
