import { Injectable } from '@nestjs/common';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { ARTIST_EVENT_TYPES, type ArtistEvent } from '@bandstand/catalog/domain';
import { artistIdOfStream } from './artist-stream';

/**
 * catalog.artists, kept inside each artist command's transaction: a release created right after its
 * artist must find the artist in the organisation at once.
 */
@Injectable()
@InlineProjection({ name: 'catalog.artists', eventTypes: ARTIST_EVENT_TYPES })
export class ArtistsProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) await this.apply(stored, tx);
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate catalog.artists');
  }

  private async apply(stored: StoredEvent, tx: KernelTransaction): Promise<void> {
    const artistId = artistIdOfStream(stored.streamId);
    const event = { type: stored.type, data: stored.data } as ArtistEvent;
    const { profile } = event.data;
    switch (event.type) {
      case 'ArtistCreated':
        await tx.query(
          `insert into catalog.artists (artist_id, org_id, name, name_text, isni, ipi, country, bio, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) on conflict (artist_id) do nothing`,
          [
            artistId,
            event.data.orgId,
            JSON.stringify(profile.name),
            profile.name.text,
            profile.isni,
            profile.ipi,
            profile.country,
            profile.bio,
            stored.recordedAt,
          ],
        );
        return;
      case 'ArtistProfileUpdated':
        await tx.query(
          `update catalog.artists set name = $2, name_text = $3, isni = $4, ipi = $5, country = $6, bio = $7,
             updated_at = $8
           where artist_id = $1`,
          [
            artistId,
            JSON.stringify(profile.name),
            profile.name.text,
            profile.isni,
            profile.ipi,
            profile.country,
            profile.bio,
            stored.recordedAt,
          ],
        );
        return;
    }
  }
}
