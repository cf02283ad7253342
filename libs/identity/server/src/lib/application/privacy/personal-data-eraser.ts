/** Who is being forgotten: the deleted account and the digest of its e-mail address. */
export interface ErasedAccount {
  readonly userId: string;
  readonly emailDigest: string | null;
}

/**
 * Removes a deleted account's personal data that other areas hold (teams: invitations to its
 * address, names and addresses in activity sentences). Called in the deletion's transaction after
 * AccountDeleted, so the account's own read models are already scrubbed.
 */
export interface PersonalDataEraser {
  erase(account: ErasedAccount): Promise<void>;
}
export const PERSONAL_DATA_ERASER = Symbol('PERSONAL_DATA_ERASER');
