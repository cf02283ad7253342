import { Inject, Injectable } from '@nestjs/common';
import { type Decider } from '@bandstand/shared/domain';
import { DeciderCommandRunner, type DeciderCommandResult, streamId } from '@bandstand/shared/event-store';
import {
  artistDecider,
  type ArtistCommand,
  type ArtistEvent,
  type ArtistState,
  ArtistNotFound,
  type CatalogError,
} from '@bandstand/catalog/domain';
import { type CatalogActor, catalogMetadata } from '../releases/release-stream';

const ARTIST_STREAM_PREFIX = 'artist-';

/** The stream of a catalog artist: `catalog-artist-<artistId>`. */
export function artistStreamId(artistId: string): string {
  return streamId('catalog', `${ARTIST_STREAM_PREFIX}${artistId}`);
}

/** The artist a `catalog-artist-<artistId>` stream belongs to. */
export function artistIdOfStream(stream: string): string {
  const prefix = artistStreamId('');
  if (!stream.startsWith(prefix)) throw new Error(`${stream} is not an artist stream`);
  return stream.slice(prefix.length);
}

/** The 404 of an artist id that is not the organisation's (or not there at all). */
export function artistNotFound(): CatalogError {
  return new ArtistNotFound();
}

// Another organisation's artist is "not found", never editable.
function artistDeciderOf(orgId: string): Decider<ArtistCommand, ArtistEvent, ArtistState> {
  return {
    initialState: artistDecider.initialState,
    evolve: artistDecider.evolve,
    decide: (command, state, context) => {
      if (state.orgId !== null && state.orgId !== orgId) throw artistNotFound();
      return artistDecider.decide(command, state, context);
    },
  };
}

/** Runs artist commands for one organisation through the kernel's command path. */
@Injectable()
export class ArtistStream {
  constructor(@Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner) {}

  /** Runs an artist command on `catalog-artist-<artistId>` (tenant = orgId); another org's artist → 404. */
  run(
    orgId: string,
    artistId: string,
    actor: CatalogActor,
    command: ArtistCommand,
  ): Promise<DeciderCommandResult<ArtistEvent>> {
    return this.runner.run(
      artistDeciderOf(orgId),
      artistStreamId(artistId),
      command,
      catalogMetadata(orgId, actor),
    );
  }
}
