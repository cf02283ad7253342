import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { KernelDatabase } from '../sql/kernel-database';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_MODULE_OPTIONS, type IdempotencyModuleOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencySweeper } from './idempotency-sweeper';

const providers: Provider[] = [
  {
    provide: IdempotencyStore,
    useFactory: (db: KernelDatabase) => new IdempotencyStore(db),
    inject: [KernelDatabase],
  },
  IdempotencyInterceptor,
  IdempotencySweeper,
];

/**
 * The kernel's idempotency keys (see docs/contexts/kernel.md): the store, the interceptor behind
 * `@Idempotent()` and the worker's sweep of expired keys. Global, because `@Idempotent()` routes in
 * every context's module resolve the interceptor. Import it once: as the class (every caller of a
 * route shares its keys) or, once requests carry an identity, `forRoot({ caller })`.
 */
@Global()
@Module({ providers, exports: [IdempotencyStore, IdempotencyInterceptor] })
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      global: true,
      providers: [{ provide: IDEMPOTENCY_MODULE_OPTIONS, useValue: options }],
      exports: [IDEMPOTENCY_MODULE_OPTIONS],
    };
  }
}
