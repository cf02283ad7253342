import { Logger } from '@nestjs/common';
import pg from 'pg';
import { type KernelDatabase } from '../sql/kernel-database';

/** The PostgreSQL channel on which commits of new events are announced. */
export const EVENTS_CHANNEL = 'kernel_events';

/**
 * Announces that events were committed, after the commit and coalesced: at most one NOTIFY in flight
 * per process, with one more if commits arrived meanwhile. NOTIFY inside the appending transaction
 * would take PostgreSQL's global notification lock at every commit and serialize all appenders.
 */
export class CommitNotifier {
  private state: 'idle' | 'sending' | 'again' = 'idle';
  private readonly logger = new Logger(CommitNotifier.name);

  constructor(private readonly db: KernelDatabase) {}

  signal(): void {
    if (this.state === 'idle') {
      this.state = 'sending';
      void this.send();
    } else {
      this.state = 'again';
    }
  }

  private async send(): Promise<void> {
    try {
      await this.db.queryOnPool('select pg_notify($1, null)', [EVENTS_CHANNEL]);
    } catch (error) {
      // Runners fall back to their idle poll; a lost wake-up only delays them.
      this.logger.debug(`Could not announce committed events: ${String(error)}`);
    }
    if (this.state === 'again') {
      this.state = 'sending';
      void this.send();
    } else {
      this.state = 'idle';
    }
  }
}

/**
 * One LISTEN connection per process that wakes every waiting runner when events are committed
 * anywhere. It reconnects by itself; while it is down, runners still poll at their idle interval.
 */
export class CommitListener {
  private client: pg.Client | undefined;
  private readonly waiters = new Set<() => void>();
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger(CommitListener.name);

  constructor(
    private readonly databaseUrl: string,
    private readonly reconnectMs = 1_000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  /** Resolves at the next announced commit, after `timeoutMs`, or when `signal` aborts. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Wakes every waiter now, as a notification would. */
  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    this.wakeAll();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000 });
    client.on('notification', () => this.wakeAll());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      // Commits made while we were not listening were announced to nobody.
      this.wakeAll();
    } catch (error) {
      this.logger.debug(`LISTEN ${EVENTS_CHANNEL} failed: ${String(error)}`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.wakeAll();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), this.reconnectMs);
  }
}
