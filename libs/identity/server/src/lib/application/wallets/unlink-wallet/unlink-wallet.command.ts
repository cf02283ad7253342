import { type WalletEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';
import { Command } from '@nestjs/cqrs';

/** Unlink a wallet from the user who asks (or whose account was deleted). */
export class UnlinkWallet extends Command<DeciderCommandResult<WalletEvent>> {
  constructor(
    readonly userId: string,
    /** In any spelling: the stream is keyed by the lower-case address. */
    readonly address: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
