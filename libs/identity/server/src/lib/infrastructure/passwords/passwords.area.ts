import { type IdentityArea } from '../../identity-area';

/** argon2id password hashing, the password rules and the breached-password check. */
export const passwordsArea: IdentityArea = { providers: [] };
