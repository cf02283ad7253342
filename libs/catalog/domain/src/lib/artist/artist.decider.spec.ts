import { deciderSpec } from '@bandstand/shared/domain';
import { artistDecider } from './artist.decider';
import { ArtistExists, ArtistNotFound } from './artist.errors';
import { type ArtistEvent, type ArtistProfile } from './artist.types';

const ARTIST = 'artist-1';
const ORG = 'org-1';
const profile: ArtistProfile = {
  name: { text: 'Aurora Lane', language: 'en', translations: [] },
  isni: '0000000121032683',
  ipi: null,
  country: 'GB',
  bio: null,
};
const created: ArtistEvent = { type: 'ArtistCreated', data: { artistId: ARTIST, orgId: ORG, profile } };

describe('artistDecider', () => {
  describe('CreateArtist', () => {
    it('creates the artist with its profile', () => {
      deciderSpec(artistDecider)
        .when({ kind: 'CreateArtist', artistId: ARTIST, orgId: ORG, profile })
        .then([created]);
      deciderSpec(artistDecider)
        .when({ kind: 'CreateArtist', artistId: ARTIST, orgId: ORG, profile })
        .thenState({ exists: true, artistId: ARTIST, orgId: ORG, profile });
    });

    it('refuses an id used before with 409', () => {
      const error = deciderSpec(artistDecider)
        .given([created])
        .when({ kind: 'CreateArtist', artistId: ARTIST, orgId: ORG, profile })
        .thenThrows(ArtistExists);
      expect(error).toMatchObject({ code: 'CATALOG.ARTIST_EXISTS', status: 409 });
    });
  });

  describe('UpdateArtistProfile', () => {
    const renamed: ArtistProfile = { ...profile, bio: 'From Leeds.' };

    it('replaces the profile', () => {
      deciderSpec(artistDecider)
        .given([created])
        .when({ kind: 'UpdateArtistProfile', profile: renamed })
        .then([{ type: 'ArtistProfileUpdated', data: { artistId: ARTIST, profile: renamed } }]);
      deciderSpec(artistDecider)
        .given([created, { type: 'ArtistProfileUpdated', data: { artistId: ARTIST, profile: renamed } }])
        .when({ kind: 'UpdateArtistProfile', profile })
        .thenState({ exists: true, artistId: ARTIST, orgId: ORG, profile });
    });

    it('records nothing when the profile is unchanged', () => {
      deciderSpec(artistDecider)
        .given([created])
        .when({ kind: 'UpdateArtistProfile', profile: { ...profile } })
        .thenNothing();
    });

    it('refuses a missing artist with 404 on artistId', () => {
      const error = deciderSpec(artistDecider)
        .when({ kind: 'UpdateArtistProfile', profile })
        .thenThrows(ArtistNotFound);
      expect(error).toMatchObject({ code: 'CATALOG.ARTIST_NOT_FOUND', status: 404, field: 'artistId' });
    });
  });
});
