import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';
import { IDEMPOTENCY_MODULE_OPTIONS, type IdempotencyModuleOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency-store';

/** How often the worker deletes expired idempotency keys unless configured. */
export const DEFAULT_IDEMPOTENCY_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Deletes expired idempotency keys periodically, in the worker only. Expired keys are already
 * treated as absent by the claim; the sweep only gives their space back. Replicas may sweep at the
 * same time: each skips the rows another has locked.
 */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencySweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(KERNEL_ROLE) private readonly role: KernelRole,
    @Optional() @Inject(IDEMPOTENCY_MODULE_OPTIONS) private readonly options?: IdempotencyModuleOptions,
  ) {}

  /** Whether this process sweeps (the worker does, the api does not). */
  get active(): boolean {
    return this.timer !== undefined;
  }

  onApplicationBootstrap(): void {
    if (this.role !== 'worker') return;
    const interval = this.options?.sweepIntervalMs ?? DEFAULT_IDEMPOTENCY_SWEEP_INTERVAL_MS;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    try {
      const deleted = await this.store.sweepExpired();
      if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys`);
    } catch (error) {
      // The next round tries again; until then expired keys only take space.
      this.logger.warn(`Could not delete expired idempotency keys: ${String(error)}`);
    }
  }
}
