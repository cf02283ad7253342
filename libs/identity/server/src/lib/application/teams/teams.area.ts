import { type IdentityArea } from '../../identity-area';

/** Organisations, teams, invitations and the activity log. */
export const teamsArea: IdentityArea = { providers: [] };
