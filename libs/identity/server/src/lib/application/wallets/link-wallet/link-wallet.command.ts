import { type WalletEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';
import { Command } from '@nestjs/cqrs';

/** Link a wallet, whose control a verified SIWE message proved, to a user. */
export class LinkWallet extends Command<DeciderCommandResult<WalletEvent>> {
  constructor(
    readonly userId: string,
    /** EIP-55 checksummed, as SIWE verification returns it. */
    readonly address: string,
    readonly chainId: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
