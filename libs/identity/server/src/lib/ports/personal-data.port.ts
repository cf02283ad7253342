/**
 * Crypto-shredding of personal data in events: each subject (user) has its own data key, stored
 * wrapped under PERSONAL_DATA_KEY in `identity.subject_keys`. Events carry personal fields only
 * sealed with it; deleting the account shreds the key, which leaves the events pseudonymised and
 * their hashes intact. Both calls join the ambient kernel transaction when there is one.
 */
export interface PersonalDataVault {
  /** `pd1:<base64url iv>:<base64url ciphertext+tag>`, creating the subject's key on first use. */
  seal(subjectId: string, plaintext: string): Promise<string>;
  /** The plaintext; null once the subject's key is shredded. Throws on a tampered value. */
  open(subjectId: string, sealed: string): Promise<string | null>;
  /** Destroys the subject's key for good. */
  shred(subjectId: string): Promise<void>;
}
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');
