import { type OnModuleDestroy } from '@nestjs/common';
import { type JobQueues } from './job-queues.service';
import { DEFAULT_JOBS_SETTINGS, type JobsSettings } from './jobs.settings';
import { type KernelRole } from '../kernel.tokens';
import { Sleeper } from './sleeper';

/**
 * A background loop of the worker's jobs area: started once, woken early when its Redis connection
 * comes (back), and stopped when the module is destroyed, before the database pool closes.
 */
export abstract class JobsLoop implements OnModuleDestroy {
  protected readonly settings: JobsSettings;
  protected sleeper = new Sleeper();
  private stopper = new AbortController();
  private loop: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  protected constructor(
    protected readonly queues: JobQueues,
    private readonly role: KernelRole | undefined,
    settings: JobsSettings | undefined,
  ) {
    this.settings = settings ?? DEFAULT_JOBS_SETTINGS;
  }

  /** Whether this process is the worker, the only one that runs the jobs area's loops. */
  protected get inWorker(): boolean {
    return this.role === 'worker';
  }

  /** Whether the loop runs in this process. */
  get running(): boolean {
    return this.loop !== undefined;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopper.abort();
    this.unsubscribe?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Runs `body` until the module is destroyed; `onRedisReady` at each (re)connection. */
  protected launch(body: (stop: AbortSignal) => Promise<void>, onRedisReady: () => void): void {
    this.stopper = new AbortController();
    this.unsubscribe = this.queues.onReady(onRedisReady);
    this.loop = body(this.stopper.signal);
  }
}
