import { type IdentityArea } from '../../identity-area';

/** OAuth/OIDC sign-in through openid-client. */
export const oidcArea: IdentityArea = { providers: [] };
