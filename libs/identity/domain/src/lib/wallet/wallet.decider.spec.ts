import { deciderSpec } from '@bandstand/shared/domain';
import { walletDecider, type WalletEvent, WalletLinkedElsewhere, WalletNotLinked } from './wallet.decider';

const ADDRESS = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';
const ana = 'user-ana';
const bo = 'user-bo';

const linked = (userId: string, chainId = 1): WalletEvent => ({
  type: 'WalletLinked',
  data: { userId, address: ADDRESS, chainId },
});
const unlinked = (userId: string): WalletEvent => ({
  type: 'WalletUnlinked',
  data: { userId, address: ADDRESS },
});

describe('walletDecider', () => {
  describe('LinkWallet', () => {
    it('links a new address to the user', () => {
      deciderSpec(walletDecider)
        .when({ kind: 'LinkWallet', userId: ana, address: ADDRESS, chainId: 8453 })
        .then([linked(ana, 8453)]);
    });

    it('links an address again after it was unlinked, also to another user', () => {
      deciderSpec(walletDecider)
        .given([linked(ana), unlinked(ana)])
        .when({ kind: 'LinkWallet', userId: bo, address: ADDRESS, chainId: 1 })
        .then([linked(bo)]);
    });

    it('decides nothing when the address is already linked to the same user', () => {
      deciderSpec(walletDecider)
        .given([linked(ana)])
        .when({ kind: 'LinkWallet', userId: ana, address: ADDRESS, chainId: 137 })
        .thenNothing();
    });

    it('refuses an address linked to another user (409)', () => {
      const error = deciderSpec(walletDecider)
        .given([linked(ana)])
        .when({ kind: 'LinkWallet', userId: bo, address: ADDRESS, chainId: 1 })
        .thenThrows(WalletLinkedElsewhere);
      expect(error).toMatchObject({
        code: 'IDENTITY.WALLET_LINKED_ELSEWHERE',
        status: 409,
        field: 'address',
      });
    });

    it('refuses what is not an address or not a chain id', () => {
      deciderSpec(walletDecider)
        .when({ kind: 'LinkWallet', userId: ana, address: '0x1234', chainId: 1 })
        .thenThrows(TypeError);
      deciderSpec(walletDecider)
        .when({ kind: 'LinkWallet', userId: ana, address: ADDRESS, chainId: 0 })
        .thenThrows(TypeError);
    });

    it('remembers who holds the address', () => {
      deciderSpec(walletDecider)
        .when({ kind: 'LinkWallet', userId: ana, address: ADDRESS, chainId: 10 })
        .thenState({ linked: { userId: ana, address: ADDRESS, chainId: 10 } });
    });
  });

  describe('UnlinkWallet', () => {
    it('unlinks the wallet from its user', () => {
      deciderSpec(walletDecider)
        .given([linked(ana)])
        .when({ kind: 'UnlinkWallet', userId: ana })
        .then([unlinked(ana)]);
      deciderSpec(walletDecider)
        .given([linked(ana)])
        .when({ kind: 'UnlinkWallet', userId: ana })
        .thenState({ linked: null });
    });

    it('answers 404 to anyone else, without telling that the address is linked', () => {
      const error = deciderSpec(walletDecider)
        .given([linked(ana)])
        .when({ kind: 'UnlinkWallet', userId: bo })
        .thenThrows(WalletNotLinked);
      expect(error).toMatchObject({ code: 'IDENTITY.WALLET_NOT_LINKED', status: 404 });
    });

    it('answers 404 for an address never linked or already unlinked', () => {
      deciderSpec(walletDecider)
        .when({ kind: 'UnlinkWallet', userId: ana })
        .thenThrows('IDENTITY.WALLET_NOT_LINKED');
      deciderSpec(walletDecider)
        .given([linked(ana), unlinked(ana)])
        .when({ kind: 'UnlinkWallet', userId: ana })
        .thenThrows('IDENTITY.WALLET_NOT_LINKED');
    });
  });
});
