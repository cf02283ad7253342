import { type IdentityTables } from '../../infrastructure/identity-tables';
import { Migration20261121000500_create_wallets } from './migrations/20261121000500-create-wallets.migration';
import { WalletEntity } from './wallet.entity';

/** Read models and migrations of this area, in migration order. */
export const walletsTables: IdentityTables = {
  entities: [WalletEntity],
  migrations: [
    { name: 'Migration20261121000500_create_wallets', class: Migration20261121000500_create_wallets },
  ],
};
