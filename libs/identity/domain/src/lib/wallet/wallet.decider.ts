import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { type Decider } from '@bandstand/shared/domain';
import { IdentityError } from '../identity.error';

/** Link the wallet (the stream's address) to a user; the address comes from a verified SIWE message. */
export interface LinkWallet {
  readonly kind: 'LinkWallet';
  readonly userId: string;
  /** EIP-55 checksummed address. */
  readonly address: string;
  readonly chainId: number;
}

/** Unlink the wallet from the user who asks. */
export interface UnlinkWallet {
  readonly kind: 'UnlinkWallet';
  readonly userId: string;
}

/** Commands of a wallet stream (`identity-wallet-<lower-case address>`). */
export type WalletCommand = LinkWallet | UnlinkWallet;

/** A wallet was linked to an account (an integration event: perks checks token ownership through it). */
export interface WalletLinked {
  readonly type: 'WalletLinked';
  readonly data: { readonly userId: string; readonly address: string; readonly chainId: number };
}

/** A wallet was unlinked from the account it was linked to. */
export interface WalletUnlinked {
  readonly type: 'WalletUnlinked';
  readonly data: { readonly userId: string; readonly address: string };
}

/** Events of a wallet stream. */
export type WalletEvent = WalletLinked | WalletUnlinked;

/** Who the wallet is linked to now; null when it is not linked. */
export interface WalletState {
  readonly linked: { readonly userId: string; readonly address: string; readonly chainId: number } | null;
}

/** The wallet event types, for schema registration and projections. */
export const WALLET_EVENT_TYPES = ['WalletLinked', 'WalletUnlinked'] as const;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The address is linked to another account: one address belongs to one account (409). */
export class WalletLinkedElsewhere extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.walletLinkedElsewhere, 'This wallet is already linked to another account', {
      status: 409,
      field: 'address',
    });
  }
}

/**
 * The address is not linked to this account (404). Also the answer when it is linked to someone
 * else, so that nobody learns which addresses other accounts hold.
 */
export class WalletNotLinked extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.walletNotLinked, 'This wallet is not linked to your account', {
      status: 404,
      field: 'address',
    });
  }
}

function decideLink(command: LinkWallet, state: WalletState): readonly WalletEvent[] {
  // Callers pass a verified address and an allowed chain: anything else is a programming error.
  if (!ADDRESS.test(command.address)) throw new TypeError(`"${command.address}" is not an address`);
  if (!Number.isSafeInteger(command.chainId) || command.chainId < 1) {
    throw new TypeError(`${command.chainId} is not a chain id`);
  }
  if (state.linked !== null) {
    if (state.linked.userId !== command.userId) throw new WalletLinkedElsewhere();
    return [];
  }
  return [
    {
      type: 'WalletLinked',
      data: { userId: command.userId, address: command.address, chainId: command.chainId },
    },
  ];
}

function decideUnlink(command: UnlinkWallet, state: WalletState): readonly WalletEvent[] {
  if (state.linked?.userId !== command.userId) throw new WalletNotLinked();
  return [{ type: 'WalletUnlinked', data: { userId: command.userId, address: state.linked.address } }];
}

/**
 * A wallet address (one stream per address, so the stream itself enforces that an address belongs
 * to at most one account). Linking again to the same account changes nothing.
 */
export const walletDecider: Decider<WalletCommand, WalletEvent, WalletState> = {
  initialState: () => ({ linked: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'WalletLinked':
        return { linked: { ...event.data } };
      case 'WalletUnlinked':
        return { linked: null };
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'LinkWallet':
        return decideLink(command, state);
      case 'UnlinkWallet':
        return decideUnlink(command, state);
    }
  },
};
