import { type CommonConfig } from '@bandstand/shared/config';
/** What the kernel needs from the process's configuration. */
export type KernelConfig = Pick<CommonConfig, 'NODE_ENV' | 'EVENT_STORE_KEY' | 'DATABASE_URL'>;

/** Injection token of the {@link KernelConfig}. */
export const KERNEL_CONFIG = Symbol('KERNEL_CONFIG');

/** Which process the kernel runs in: background work (runners, sealer, dispatcher) runs in the worker only. */
export type KernelRole = 'api' | 'worker';

/** Injection token of the {@link KernelRole}. */
export const KERNEL_ROLE = Symbol('KERNEL_ROLE');
