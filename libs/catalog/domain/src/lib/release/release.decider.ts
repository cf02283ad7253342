import { type Decider } from '@bandstand/shared/domain';
import { type ReleaseCommand, type ReleaseEvent, type ReleaseState } from './release.types';

/** A release: drafts, versions, schedule and lifecycle (draft → scheduled → released → taken down). */
export const releaseDecider: Decider<ReleaseCommand, ReleaseEvent, ReleaseState> = {
  initialState: () => {
    throw new Error('releaseDecider is being written');
  },
  evolve: () => {
    throw new Error('releaseDecider is being written');
  },
  decide: () => {
    throw new Error('releaseDecider is being written');
  },
};
