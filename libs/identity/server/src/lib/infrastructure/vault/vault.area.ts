import { APP_CONFIG, type CommonConfig, DEVELOPMENT_PERSONAL_DATA_KEY } from '@bandstand/shared/config';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type IdentityArea } from '../../identity-area';
import { PERSONAL_DATA_VAULT } from '../../ports/personal-data.port';
import { PostgresPersonalDataVault } from './personal-data.vault';

/** PERSONAL_DATA_KEY, refusing the development default in production. */
export function personalDataKey(config: Pick<CommonConfig, 'NODE_ENV' | 'PERSONAL_DATA_KEY'>): string {
  if (config.NODE_ENV === 'production' && config.PERSONAL_DATA_KEY === DEVELOPMENT_PERSONAL_DATA_KEY) {
    throw new Error(
      'PERSONAL_DATA_KEY must be set to a secret of at least 32 characters in production (it protects the personal data in every event; changing it later makes that data unreadable)',
    );
  }
  return config.PERSONAL_DATA_KEY;
}

/** The personal-data vault (crypto-shredding). */
export const vaultArea: IdentityArea = {
  providers: [
    {
      provide: PERSONAL_DATA_VAULT,
      useFactory: (db: KernelDatabase, config: CommonConfig) =>
        new PostgresPersonalDataVault(db, personalDataKey(config)),
      inject: [KernelDatabase, APP_CONFIG],
    },
  ],
};
