import { type ModuleRef } from '@nestjs/core';
import { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from '../kernel.module';

// Read when needed rather than injected: kernel.module imports this area's module, so
// `@Inject(KERNEL_ROLE)` here would run while kernel.module is still loading and find it undefined.
function lookup<T>(moduleRef: ModuleRef, token: symbol): T | undefined {
  try {
    return moduleRef.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}

/** The process's {@link KernelRole}; undefined (no background work) when the kernel core is absent. */
export function kernelRole(moduleRef: ModuleRef): KernelRole | undefined {
  return lookup<KernelRole>(moduleRef, KERNEL_ROLE);
}

/** The database URL the kernel was configured with, for a LISTEN connection of its own. */
export function kernelDatabaseUrl(moduleRef: ModuleRef): string | undefined {
  return lookup<KernelConfig>(moduleRef, KERNEL_CONFIG)?.DATABASE_URL;
}
