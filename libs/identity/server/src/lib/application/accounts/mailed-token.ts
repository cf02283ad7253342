import { createHash, randomBytes } from 'node:crypto';

/** A token mailed in a link (sign-up, password reset) and the only thing kept of it: its sha256. */
export interface MailedToken {
  readonly token: string;
  readonly hash: string;
}

/** The sha256 hex of a mailed token, as events and read models keep it. */
export function mailedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes in base64url (43 characters) and their hash. */
export function newMailedToken(): MailedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: mailedTokenHash(token) };
}
