import { t } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A row of identity.wallets: a linked wallet and its account (kept by WalletsProjection). */
@Entity({ schema: 'identity', tableName: 'wallets' })
export class WalletEntity {
  /** EIP-55 checksummed. */
  @PrimaryKey({ type: t.text })
  address!: string;

  @Property({ type: t.text, fieldName: 'user_id' })
  userId!: string;

  @Property({ type: t.integer, fieldName: 'chain_id' })
  chainId!: number;

  @Property({ type: t.datetime, columnType: 'timestamptz', fieldName: 'linked_at' })
  linkedAt!: Date;
}
