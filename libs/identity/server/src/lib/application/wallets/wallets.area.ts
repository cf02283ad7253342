import { WALLET_EVENT_TYPES } from '@bandstand/identity/domain';
import { EventSchemasModule } from '@bandstand/shared/event-store';
import { type IdentityArea } from '../../identity-area';
import { LinkWalletHandler } from './link-wallet/link-wallet.handler';
import { UnlinkWalletHandler } from './unlink-wallet/unlink-wallet.handler';
import { WalletsController } from './wallets.controller';
import { WalletsOnAccountDeleted } from './wallets-on-account-deleted.processor';
import { WalletsProjection } from './wallets.projection';
import { WalletsQuery } from './wallets.query';

/** Schemas of the wallet stream's events (all at version 1). */
export const walletEventSchemas = WALLET_EVENT_TYPES.map((type) => ({ type, version: 1 }));

/** Wallet linking and sign-in with Ethereum. */
export const walletsArea: IdentityArea = {
  imports: [EventSchemasModule.forFeature('identity', walletEventSchemas)],
  providers: [
    LinkWalletHandler,
    UnlinkWalletHandler,
    WalletsProjection,
    WalletsQuery,
    WalletsOnAccountDeleted,
  ],
  controllers: [WalletsController],
};
