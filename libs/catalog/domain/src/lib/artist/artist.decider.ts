import { type Decider } from '@bandstand/shared/domain';
import { type ArtistCommand, type ArtistEvent, type ArtistState } from './artist.types';

/** A catalog artist's profile. */
export const artistDecider: Decider<ArtistCommand, ArtistEvent, ArtistState> = {
  initialState: () => {
    throw new Error('artistDecider is being written');
  },
  evolve: () => {
    throw new Error('artistDecider is being written');
  },
  decide: () => {
    throw new Error('artistDecider is being written');
  },
};
