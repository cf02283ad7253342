import { type CommonConfig } from '@bandstand/shared/config';

/** The part of a process's config persistence reads. */
export type PersistenceConfig = Pick<
  CommonConfig,
  'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'DATABASE_IDLE_IN_TRANSACTION_MS'
>;

/** Injection token of the {@link PersistenceConfig} the module was built with. */
export const PERSISTENCE_CONFIG = Symbol.for('bandstand.persistence-config');
