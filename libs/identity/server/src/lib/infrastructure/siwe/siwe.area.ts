import { type IdentityArea } from '../../identity-area';

/** Sign-In with Ethereum (EIP-4361) nonces and verification. */
export const siweArea: IdentityArea = { providers: [] };
