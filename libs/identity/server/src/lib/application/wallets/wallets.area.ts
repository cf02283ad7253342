import { type IdentityArea } from '../../identity-area';

/** Wallet linking and sign-in with Ethereum. */
export const walletsArea: IdentityArea = { providers: [] };
