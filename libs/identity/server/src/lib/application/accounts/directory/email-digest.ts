import { createHmac } from 'node:crypto';

/** An address as compared and digested: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * HMAC-SHA256 under PERSONAL_DATA_KEY of the normalised address, in hex: the key events and read
 * models look accounts up by, so that an address is found without being stored in plaintext in
 * the events. Case-insensitive; without the key it cannot be recomputed from a guess.
 */
export function emailDigest(personalDataKey: string, email: string): string {
  return createHmac('sha256', personalDataKey).update(normaliseEmail(email), 'utf8').digest('hex');
}
