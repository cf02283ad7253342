import {
  walletDecider,
  type WalletCommand,
  type WalletEvent,
  type WalletState,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { CommandHandler } from '@nestjs/cqrs';
import { walletStreamId } from '../wallet-stream';
import { LinkWallet } from './link-wallet.command';

/** Links a wallet on its address's stream, which refuses an address another account holds. */
@CommandHandler(LinkWallet)
export class LinkWalletHandler extends DeciderCommandHandler<
  LinkWallet,
  WalletCommand,
  WalletEvent,
  WalletState
> {
  protected readonly decider = walletDecider;

  protected route(command: LinkWallet): DeciderCall<WalletCommand> {
    return {
      streamId: walletStreamId(command.address),
      command: {
        kind: 'LinkWallet',
        userId: command.userId,
        address: command.address,
        chainId: command.chainId,
      },
      metadata: command.metadata,
    };
  }
}
