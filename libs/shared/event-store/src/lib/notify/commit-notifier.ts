import { Logger } from '@nestjs/common';
import pg from 'pg';

/** The PostgreSQL channel on which commits of new events are announced. */
export const EVENTS_CHANNEL = 'kernel_events';

/**
 * Announces that events were committed, after the commit and coalesced: commits within a few
 * milliseconds share one NOTIFY, sent on a connection of its own so that it never takes a pool slot
 * an append is waiting for. NOTIFY inside the appending transaction would take PostgreSQL's global
 * notification lock at every commit and serialize all appenders.
 */
export class CommitNotifier {
  private timer: NodeJS.Timeout | undefined;
  private sending = false;
  private again = false;
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly logger = new Logger(CommitNotifier.name);

  constructor(
    private readonly databaseUrl: string,
    /** How long commits are collected before one NOTIFY announces them all. */
    private readonly windowMs = 10,
  ) {}

  signal(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => void this.send(), this.windowMs);
    this.timer.unref();
  }

  /** Nest calls it at shutdown; ends the notifying connection. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async send(): Promise<void> {
    this.timer = undefined;
    this.sending = true;
    try {
      const client = await this.connect();
      await client.query(`notify ${EVENTS_CHANNEL}`);
    } catch (error) {
      // Runners fall back to their idle poll; a lost wake-up only delays them.
      this.logger.debug(`Could not announce committed events: ${String(error)}`);
      const client = this.client;
      this.client = undefined;
      await client?.end().catch(() => undefined);
    } finally {
      this.sending = false;
    }
    if (this.again) {
      this.again = false;
      this.signal();
    }
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5_000 });
      client.on('error', () => {
        if (this.client === client) this.client = undefined;
      });
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
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
