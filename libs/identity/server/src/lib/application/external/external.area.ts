import { type IdentityArea } from '../../identity-area';

/** Sign-in and linking through OAuth/OIDC providers. */
export const externalArea: IdentityArea = { providers: [] };
