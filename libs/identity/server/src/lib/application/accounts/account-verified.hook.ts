import { type CommandMetadata } from '@bandstand/shared/event-store';

/** An account whose e-mail address has just been verified. */
export interface VerifiedAccount {
  readonly userId: string;
  readonly email: string;
}

/**
 * Called inside the transaction that verifies an account's address (the sign-up link, or a
 * provider's verified e-mail at registration), so that what it does commits with the
 * verification or not at all. The staff area provides it to make the account named by
 * STAFF_BOOTSTRAP_ADMIN_EMAIL the first staff admin. Optional: without a provider nothing runs.
 */
export interface AccountVerifiedHook {
  accountVerified(account: VerifiedAccount, metadata: CommandMetadata): Promise<void>;
}
export const ACCOUNT_VERIFIED_HOOK = Symbol('ACCOUNT_VERIFIED_HOOK');
