import { Injectable } from '@nestjs/common';
import { type WalletEvent, WALLET_EVENT_TYPES } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';

/**
 * identity.wallets, kept inline: linking answers with the row it wrote, and SIWE sign-in finds the
 * account of an address the moment it is linked (and no longer once it is unlinked).
 */
@Injectable()
@InlineProjection({ name: 'identity.wallets', eventTypes: WALLET_EVENT_TYPES })
export class WalletsProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as WalletEvent;
      switch (event.type) {
        case 'WalletLinked':
          await tx.query(
            `insert into identity.wallets (address, user_id, chain_id, linked_at) values ($1, $2, $3, $4)
             on conflict (address) do update
               set user_id = excluded.user_id, chain_id = excluded.chain_id, linked_at = excluded.linked_at`,
            [event.data.address, event.data.userId, event.data.chainId, stored.recordedAt],
          );
          break;
        case 'WalletUnlinked':
          await tx.query('delete from identity.wallets where lower(address) = lower($1) and user_id = $2', [
            event.data.address,
            event.data.userId,
          ]);
          break;
      }
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.wallets');
  }
}
