import { type Decider, isStructurallyEqual } from '@bandstand/shared/domain';
import { ArtistExists, ArtistNotFound } from './artist.errors';
import { type ArtistCommand, type ArtistEvent, type ArtistState } from './artist.types';

function initialState(): ArtistState {
  return { exists: false, artistId: null, orgId: null, profile: null };
}

function evolve(state: ArtistState, event: ArtistEvent): ArtistState {
  switch (event.type) {
    case 'ArtistCreated':
      return {
        exists: true,
        artistId: event.data.artistId,
        orgId: event.data.orgId,
        profile: event.data.profile,
      };
    case 'ArtistProfileUpdated':
      return { ...state, profile: event.data.profile };
  }
}

function decide(command: ArtistCommand, state: ArtistState): readonly ArtistEvent[] {
  switch (command.kind) {
    case 'CreateArtist': {
      if (state.exists) throw new ArtistExists();
      const { artistId, orgId, profile } = command;
      return [{ type: 'ArtistCreated', data: { artistId, orgId, profile } }];
    }
    case 'UpdateArtistProfile': {
      if (!state.exists || state.artistId === null) throw new ArtistNotFound();
      if (isStructurallyEqual(state.profile, command.profile)) return [];
      return [{ type: 'ArtistProfileUpdated', data: { artistId: state.artistId, profile: command.profile } }];
    }
  }
}

/** A catalog artist's profile. */
export const artistDecider: Decider<ArtistCommand, ArtistEvent, ArtistState> = {
  initialState,
  evolve,
  decide,
};
