import { Inject, Injectable } from '@nestjs/common';
import { type LinkedWallet } from '@bandstand/identity/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { getAddress } from 'ethers';
import { WalletEntity } from './wallet.entity';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A linked wallet and the account it belongs to. */
export interface WalletOwner extends LinkedWallet {
  readonly userId: string;
}

function toWalletOwner(row: WalletEntity): WalletOwner {
  return {
    address: row.address,
    userId: row.userId,
    chainId: row.chainId,
    linkedAt: row.linkedAt.toISOString(),
  };
}

/** Reads identity.wallets: a user's wallets (GET /me/wallets, the profile) and an address's account. */
@Injectable()
export class WalletsQuery {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** The user's wallets, oldest link first. */
  async ofUser(userId: string): Promise<LinkedWallet[]> {
    const rows = await this.orm.em
      .fork()
      .find(WalletEntity, { userId }, { orderBy: { linkedAt: 'asc', address: 'asc' } });
    return rows.map((row) => {
      const { userId: _userId, ...wallet } = toWalletOwner(row);
      return wallet;
    });
  }

  /** The account an address is linked to, whatever the address's spelling; null when none. */
  async byAddress(address: string): Promise<WalletOwner | null> {
    if (!ADDRESS.test(address)) return null;
    // Rows hold the EIP-55 spelling; any other spelling of the address is brought to it.
    const row = await this.orm.em
      .fork()
      .findOne(WalletEntity, { address: getAddress(address.toLowerCase()) });
    return row === null ? null : toWalletOwner(row);
  }
}
