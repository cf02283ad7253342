import { type CommonConfig } from '@bandstand/shared/config';

/** The part of a process's config the queues read. */
export type QueuesConfig = Pick<CommonConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>;

/** Injection token of the {@link QueuesConfig} the module was built with. */
export const QUEUES_CONFIG = Symbol.for('bandstand.queues-config');
