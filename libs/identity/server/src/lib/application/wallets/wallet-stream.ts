import { streamId } from '@bandstand/shared/event-store';

/** The stream of a wallet address: `identity-wallet-<lower-case address>`, whatever its spelling. */
export function walletStreamId(address: string): string {
  return streamId('identity', `wallet-${address.toLowerCase()}`);
}
