import { type IdentityArea } from '../../identity-area';

/** The personal-data vault (crypto-shredding). */
export const vaultArea: IdentityArea = { providers: [] };
