import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AccountDeletedData, IDENTITY_INTEGRATION_EVENTS } from '@bandstand/identity/contracts';
import { WalletNotLinked } from '@bandstand/identity/domain';
import {
  causedBy,
  type KernelTransaction,
  Processor,
  type ProcessorHandler,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { UnlinkWallet } from './unlink-wallet/unlink-wallet.command';

/** Name of {@link WalletsOnAccountDeleted}'s subscription. */
export const WALLETS_ON_ACCOUNT_DELETED = 'identity.wallets-on-account-deleted';

/**
 * Unlinks every wallet of a deleted account (worker), so that nobody signs in to it with a wallet
 * and the address is free to be linked to another account.
 */
@Injectable()
@Processor({
  name: WALLETS_ON_ACCOUNT_DELETED,
  version: 1,
  eventTypes: [IDENTITY_INTEGRATION_EVENTS.accountDeleted],
})
export class WalletsOnAccountDeleted implements ProcessorHandler {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: StoredEvent, tx: KernelTransaction): Promise<void> {
    const { userId } = event.data as AccountDeletedData;
    const wallets = await tx.query<{ address: string }>(
      'select address from identity.wallets where user_id = $1 order by address',
      [userId],
    );
    for (const { address } of wallets) {
      try {
        await this.commands.execute(
          new UnlinkWallet(userId, address, causedBy(event, `processor:${WALLETS_ON_ACCOUNT_DELETED}`)),
        );
      } catch (error) {
        // Unlinked by the user meanwhile: nothing left to do for this one.
        if (!(error instanceof WalletNotLinked)) throw error;
      }
    }
  }
}
