import { type IdentityArea } from '../../identity-area';

/** Redis rate limits with progressive delay. */
export const rateLimitArea: IdentityArea = { providers: [] };
