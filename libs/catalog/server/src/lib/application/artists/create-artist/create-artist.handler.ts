import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KERNEL_CLOCK, type KernelClock } from '@bandstand/shared/event-store';
import { parseArtistProfile } from '@bandstand/catalog/domain';
import { parsedOrThrow } from '../../releases/release-input';
import { ArtistStream } from '../artist-stream';
import { CreateArtist } from './create-artist.command';

/** Handles {@link CreateArtist} on a new `catalog-artist-<artistId>` stream. */
@CommandHandler(CreateArtist)
export class CreateArtistHandler implements ICommandHandler<CreateArtist> {
  constructor(
    @Inject(ArtistStream) private readonly artists: ArtistStream,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async execute(command: CreateArtist): Promise<{ readonly artistId: string }> {
    const profile = parsedOrThrow(parseArtistProfile(command.profile), null);
    const artistId = this.clock.newId();
    await this.artists.run(command.orgId, artistId, command.actor, {
      kind: 'CreateArtist',
      artistId,
      orgId: command.orgId,
      profile,
    });
    return { artistId };
  }
}
