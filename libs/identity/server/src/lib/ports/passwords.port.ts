/** Hashes passwords with argon2id (PHC string format) and verifies them in constant time. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(phcHash: string, password: string): Promise<boolean>;
  /** Whether a stored hash was made with weaker parameters than today's and should be re-hashed. */
  needsRehash(phcHash: string): boolean;
}
export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');

/** Whether a password is known from breaches (HIBP range API, or a bundled list). */
export interface BreachedPasswords {
  isBreached(password: string): Promise<boolean>;
}
export const BREACHED_PASSWORDS = Symbol('BREACHED_PASSWORDS');

/**
 * The password rules: length, not breached, not containing the e-mail's local part. Throws an
 * IdentityError (`IDENTITY.PASSWORD_*`, field `password`) for the first rule broken.
 */
export interface PasswordPolicy {
  check(password: string, context: { readonly email: string }): Promise<void>;
}
export const PASSWORD_POLICY = Symbol('PASSWORD_POLICY');
