import { type IdentityArea } from '../../identity-area';

/** Access tokens (JWT) and refresh-token helpers. */
export const tokensArea: IdentityArea = { providers: [] };
