import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseArtistProfile } from '@bandstand/catalog/domain';
import { parsedOrThrow } from '../../releases/release-input';
import { ArtistStream } from '../artist-stream';
import { UpdateArtist } from './update-artist.command';

/** Handles {@link UpdateArtist}; another organisation's artist is not found. */
@CommandHandler(UpdateArtist)
export class UpdateArtistHandler implements ICommandHandler<UpdateArtist> {
  constructor(@Inject(ArtistStream) private readonly artists: ArtistStream) {}

  async execute(command: UpdateArtist): Promise<void> {
    const profile = parsedOrThrow(parseArtistProfile(command.profile), null);
    await this.artists.run(command.orgId, command.artistId, command.actor, {
      kind: 'UpdateArtistProfile',
      profile,
    });
  }
}
