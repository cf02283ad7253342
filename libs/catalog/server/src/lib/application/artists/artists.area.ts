import { EventSchemasModule } from '@bandstand/shared/event-store';
import { ARTIST_EVENT_TYPES } from '@bandstand/catalog/domain';
import { type CatalogArea } from '../../catalog-area';
import { ArtistStream } from './artist-stream';
import { ArtistsController } from './artists.controller';
import { ArtistsProjection } from './artists.projection';
import { ArtistsQueries } from './artists.queries';
import { CreateArtistHandler } from './create-artist/create-artist.handler';
import { UpdateArtistHandler } from './update-artist/update-artist.handler';

/** Artists: an organisation's artist profiles, their stream, read model and endpoints. */
export const artistsArea: CatalogArea = {
  providers: [ArtistStream, ArtistsProjection, ArtistsQueries, CreateArtistHandler, UpdateArtistHandler],
  controllers: [ArtistsController],
  imports: [
    EventSchemasModule.forFeature(
      'catalog.artists',
      ARTIST_EVENT_TYPES.map((type) => ({ type, version: 1 })),
    ),
  ],
};
