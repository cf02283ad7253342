import { type CommonConfig } from '@bandstand/shared/config';

/** The part of a process's config persistence reads. */
export type PersistenceConfig = Pick<CommonConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>;

/** Injection token of the {@link PersistenceConfig} the module was built with. */
export const PERSISTENCE_CONFIG = Symbol.for('bandstand.persistence-config');
