import {
  walletDecider,
  type WalletCommand,
  type WalletEvent,
  type WalletState,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { CommandHandler } from '@nestjs/cqrs';
import { walletStreamId } from '../wallet-stream';
import { UnlinkWallet } from './unlink-wallet.command';

/** Unlinks a wallet; the stream answers WALLET_NOT_LINKED unless the user holds it. */
@CommandHandler(UnlinkWallet)
export class UnlinkWalletHandler extends DeciderCommandHandler<
  UnlinkWallet,
  WalletCommand,
  WalletEvent,
  WalletState
> {
  protected readonly decider = walletDecider;

  protected route(command: UnlinkWallet): DeciderCall<WalletCommand> {
    return {
      streamId: walletStreamId(command.address),
      command: { kind: 'UnlinkWallet', userId: command.userId },
      metadata: command.metadata,
    };
  }
}
