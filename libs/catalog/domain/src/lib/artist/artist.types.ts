import { type LocalizedText } from '@bandstand/catalog/contracts';

/** An artist's profile as stored: normalised identifiers. */
export interface ArtistProfile {
  readonly name: LocalizedText;
  readonly isni: string | null;
  readonly ipi: string | null;
  readonly country: string | null;
  readonly bio: string | null;
}

/** Events of an artist's stream `catalog-artist-<artistId>` (tenant = the owning organisation). */
export type ArtistEvent =
  | {
      readonly type: 'ArtistCreated';
      readonly data: { readonly artistId: string; readonly orgId: string; readonly profile: ArtistProfile };
    }
  | {
      readonly type: 'ArtistProfileUpdated';
      readonly data: { readonly artistId: string; readonly profile: ArtistProfile };
    };

/** Every event type of an artist's stream. */
export const ARTIST_EVENT_TYPES = [
  'ArtistCreated',
  'ArtistProfileUpdated',
] as const satisfies readonly ArtistEvent['type'][];

/** Commands of an artist; profiles arrive parsed (`parseArtistInput`). */
export type ArtistCommand =
  | {
      readonly kind: 'CreateArtist';
      readonly artistId: string;
      readonly orgId: string;
      readonly profile: ArtistProfile;
    }
  | { readonly kind: 'UpdateArtistProfile'; readonly profile: ArtistProfile };

/** An artist folded from its events. */
export interface ArtistState {
  readonly exists: boolean;
  readonly artistId: string | null;
  readonly orgId: string | null;
  readonly profile: ArtistProfile | null;
}
