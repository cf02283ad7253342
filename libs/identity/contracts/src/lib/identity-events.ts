/**
 * Integration events of the identity context that other contexts may react to (perks verifies
 * token ownership for linked wallets; every context forgets a deleted account's personal data).
 */
export const IDENTITY_INTEGRATION_EVENTS = {
  walletLinked: 'WalletLinked',
  walletUnlinked: 'WalletUnlinked',
  accountDeleted: 'AccountDeleted',
  memberRemoved: 'MemberRemoved',
} as const;

/** Data of `WalletLinked` (stream `identity-wallet-<lower-case address>`). */
export interface WalletLinkedData {
  readonly userId: string;
  readonly address: string;
  readonly chainId: number;
}

/** Data of `AccountDeleted` (stream `identity-user-<userId>`): forget this user's personal data. */
export interface AccountDeletedData {
  readonly userId: string;
}
