import { type IdentityArea } from '../../identity-area';

/** Accounts, sessions, profile and privacy: commands, read models and endpoints. */
export const accountsArea: IdentityArea = { providers: [] };
