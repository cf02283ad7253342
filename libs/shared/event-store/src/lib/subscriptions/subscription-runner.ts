import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import { type CommitListener } from '../notify/commit-notifier';
import { type KernelDatabase, type KernelTransaction } from '../sql/kernel-database';
import { LOG_START, type LogPosition, type StoredEvent } from '../store/event';
import { type EventRow, type EventStore, EVENT_COLUMNS } from '../store/event-store';
import { ConcurrentAppend } from '../store/event-store.errors';
import { type PoisonPolicy } from './subscriber';

/** A subscriber as the runner drives it, whatever kind it is. */
export interface SubscriberDefinition {
  readonly name: string;
  readonly kind: 'projection' | 'processor' | 'system';
  readonly version: number;
  readonly eventTypes?: readonly string[];
  readonly batchSize?: number;
  readonly poison?: PoisonPolicy;
  handleBatch(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void>;
  /** Empties the subscriber's rows before a rebuild; subscribers without it cannot be rebuilt. */
  truncate?(tx: KernelTransaction): Promise<void>;
}

/** Tuning and test seams of a runner. */
export interface RunnerSettings {
  /** Who holds the lease: unique per runner instance. Defaults to host, pid and a random suffix. */
  readonly owner?: string;
  /** How long a lease lasts without renewal (default 15 s). */
  readonly leaseMs?: number;
  /** Longest wait between looks at the log when no commit is announced (default 1 s). */
  readonly idlePollMs?: number;
  /**
   * A batch running longer than this stops the lease's renewal, so that a stuck runner hands over
   * (default 60 s). Its late commit is then fenced.
   */
  readonly maxBatchMs?: number;
  /** Called inside each effect transaction just before the checkpoint moves (tests pause here). */
  readonly beforeCheckpoint?: (events: readonly StoredEvent[]) => Promise<void>;
}

/** The lease was taken over by another runner; this one's effects were rolled back. */
export class LeaseLost extends Error {
  constructor(name: string) {
    super(`Lost the lease of subscription ${name} to another runner`);
  }
}

interface ControlRow {
  readonly status: 'running' | 'rebuilding' | 'stopped' | 'failed';
  readonly rebuild_requested_at: Date | string | null;
  readonly retry_parked: boolean;
}

interface SubscriptionRow {
  readonly status: 'running' | 'rebuilding' | 'stopped' | 'failed';
  readonly position_transaction_id: string;
  readonly position_global: string;
  readonly lease_token: string;
  readonly definition_version: number;
  readonly rebuild_requested_at: Date | string | null;
}

const DEFAULT_BATCH = 500;
const FIRST_RETRY_MS = 10;
const TRANSIENT_RETRIES = 10;

/**
 * Drives one subscriber over the global log (docs/contexts/kernel.md, "Subscriptions"). It holds a
 * lease on the subscriber's row so that exactly one runner across all replicas is active; every
 * batch's effects and the checkpoint commit in one transaction whose checkpoint update is fenced by
 * the lease token, so a runner that lost its lease (paused, partitioned) cannot commit anything.
 */
export class SubscriptionRunner {
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly idlePollMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly whenExhausted: 'park' | 'stop';
  private readonly logger: Logger;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private token: bigint | undefined;
  private leaseRenewedAt = 0;
  private position: LogPosition = LOG_START;
  private status: SubscriptionRow['status'] = 'running';
  private heartbeat: NodeJS.Timeout | undefined;
  private batchStartedAt: number | undefined;
  private control: ControlRow | undefined;
  private leaseLosses = 0;

  constructor(
    private readonly db: KernelDatabase,
    private readonly store: EventStore,
    private readonly listener: CommitListener | undefined,
    readonly definition: SubscriberDefinition,
    private readonly settings: RunnerSettings = {},
  ) {
    this.owner = settings.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = settings.leaseMs ?? 15_000;
    this.idlePollMs = settings.idlePollMs ?? 1_000;
    this.batchSize = definition.batchSize ?? DEFAULT_BATCH;
    this.maxAttempts = definition.poison?.maxAttempts ?? 5;
    this.backoffMs = definition.poison?.backoffMs ?? 100;
    this.whenExhausted =
      definition.poison?.whenExhausted ?? (definition.kind === 'projection' ? 'stop' : 'park');
    this.logger = new Logger(`Subscription ${definition.name}`);
  }

  /** How many times this runner found its lease taken over (and its work rolled back). */
  get fencedCount(): number {
    return this.leaseLosses;
  }

  /** Whether this runner currently holds the lease. */
  get isLeader(): boolean {
    return this.token !== undefined;
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
    // The lease is renewed beside the work, not between batches: a batch that waits on a lock or a
    // slow handler must not let the lease lapse and hand the subscription to another runner.
    this.heartbeat = setInterval(() => void this.renewLease(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearInterval(this.heartbeat);
    await this.loop;
    this.loop = undefined;
    if (this.token !== undefined) {
      await this.db
        .queryOnPool(
          `update kernel.subscriptions set lease_owner = null, lease_expires_at = null
           where name = $1 and lease_owner = $2 and lease_token = $3`,
          [this.definition.name, this.owner, this.token.toString()],
        )
        .catch(() => undefined);
      this.token = undefined;
    }
  }

  /** Creates the subscription's row if it is missing; a changed version requests a rebuild. */
  async register(): Promise<void> {
    await this.db.queryOnPool(
      `insert into kernel.subscriptions (name, kind, definition_version) values ($1, $2, $3)
       on conflict (name) do update set kind = excluded.kind,
         rebuild_requested_at = case when kernel.subscriptions.definition_version <> excluded.definition_version
           and $4 then coalesce(kernel.subscriptions.rebuild_requested_at, now()) else kernel.subscriptions.rebuild_requested_at end`,
      [
        this.definition.name,
        this.definition.kind,
        this.definition.version,
        this.definition.truncate !== undefined,
      ],
    );
  }

  private async run(signal: AbortSignal): Promise<void> {
    let registered = false;
    let idleStreak = 0;
    while (!signal.aborted) {
      try {
        if (!registered) {
          await this.register();
          registered = true;
        }
        if (!(await this.holdLease())) {
          await this.sleep(Math.min(this.leaseMs / 3, 1_000), signal, true);
          continue;
        }
        await this.applyControl();
        if (this.status === 'stopped' || this.status === 'failed') {
          await this.sleep(this.idlePollMs, signal, false);
          continue;
        }
        const handled = await this.step();
        if (handled > 0) {
          idleStreak = 0;
          continue;
        }
        // Nothing below the horizon: wait for a commit, but look again soon in case an older
        // transaction is still holding the horizon back, then less and less often.
        idleStreak++;
        await this.sleep(
          Math.min(this.idlePollMs, FIRST_RETRY_MS * 2 ** Math.min(idleStreak, 10)),
          signal,
          true,
        );
      } catch (error) {
        if (error instanceof LeaseLost) {
          this.leaseLosses++;
          this.logger.warn(error.message);
          this.token = undefined;
          continue;
        }
        if (signal.aborted) return;
        this.logger.error(`Runner error: ${String(error)}`);
        await this.sleep(Math.min(this.idlePollMs, 1_000), signal, false);
      }
    }
  }

  private async renewLease(): Promise<void> {
    const token = this.token;
    if (token === undefined) return;
    if (
      this.batchStartedAt !== undefined &&
      Date.now() - this.batchStartedAt > (this.settings.maxBatchMs ?? 60_000)
    ) {
      return;
    }
    try {
      // Renewing also picks up what operators asked for: a rebuild, a resume, parked events to retry.
      const rows = await this.db.queryOnPool<ControlRow>(
        `update kernel.subscriptions set lease_expires_at = now() + $4 * interval '1 millisecond'
         where name = $1 and lease_token = $2 and lease_owner = $3
         returning status, rebuild_requested_at,
           exists (select 1 from kernel.parked_events p where p.subscription = $1 and p.retry_requested_at is not null) as retry_parked`,
        [this.definition.name, token.toString(), this.owner, this.leaseMs],
      );
      const row = rows[0];
      if (!row) {
        if (this.token === token) this.token = undefined;
        return;
      }
      this.leaseRenewedAt = Date.now();
      this.control = row;
    } catch (error) {
      this.logger.debug(`Could not renew the lease: ${String(error)}`);
    }
  }

  /** Takes or renews the lease. A new holder gets a new token, which fences the previous one. */
  private async holdLease(): Promise<boolean> {
    const now = Date.now();
    if (this.token !== undefined && now - this.leaseRenewedAt < this.leaseMs / 3) return true;
    const rows = await this.db.queryOnPool<SubscriptionRow>(
      `update kernel.subscriptions set
         lease_token = case when lease_owner = $2 and lease_expires_at > now() then lease_token else lease_token + 1 end,
         lease_owner = $2, lease_expires_at = now() + $3 * interval '1 millisecond', updated_at = now()
       where name = $1 and (lease_owner is null or lease_owner = $2 or lease_expires_at < now())
       returning status, position_transaction_id, position_global, lease_token, definition_version, rebuild_requested_at`,
      [this.definition.name, this.owner, this.leaseMs],
    );
    const row = rows[0];
    if (!row) {
      this.token = undefined;
      return false;
    }
    const token = BigInt(row.lease_token);
    if (this.token !== token) {
      this.logger.log(`Holding the lease (token ${token})`);
    }
    this.token = token;
    this.leaseRenewedAt = now;
    this.position = {
      transactionId: BigInt(row.position_transaction_id),
      globalPosition: BigInt(row.position_global),
    };
    this.status = row.status;
    if (row.rebuild_requested_at !== null && this.definition.truncate) await this.beginRebuild();
    return true;
  }

  /** Acts on what the last lease renewal read: operator requests and status changes. */
  private async applyControl(): Promise<void> {
    const control = this.control;
    if (!control) return;
    this.control = undefined;
    if (control.status === 'running' && (this.status === 'failed' || this.status === 'stopped')) {
      this.logger.log('Resumed by an operator');
    }
    if (control.status !== 'rebuilding' || this.status !== 'rebuilding') this.status = control.status;
    if (control.rebuild_requested_at !== null && this.definition.truncate) await this.beginRebuild();
    if (control.retry_parked) await this.retryRequestedParked();
  }

  private fence(): readonly string[] {
    if (this.token === undefined) throw new LeaseLost(this.definition.name);
    return [this.definition.name, this.token.toString(), this.owner];
  }

  private async beginRebuild(): Promise<void> {
    const truncate = this.definition.truncate;
    if (!truncate) return;
    await this.db.transaction(async (tx) => {
      await truncate(tx);
      const [name, token, owner] = this.fence();
      const rows = await tx.query(
        `update kernel.subscriptions set status = 'rebuilding', position_transaction_id = '0', position_global = 0,
           events_handled = 0, rebuild_requested_at = null, rebuild_started_at = now(), rebuild_finished_at = null,
           rebuild_done = 0, rebuild_total = (select count(*) from kernel.events), definition_version = $4,
           last_error = null, last_error_at = null, updated_at = now()
         where name = $1 and lease_token = $2 and lease_owner = $3 returning name`,
        [name, token, owner, this.definition.version],
      );
      if (rows.length === 0) throw new LeaseLost(this.definition.name);
      await tx.query('delete from kernel.parked_events where subscription = $1', [name]);
    });
    this.logger.log('Rebuilding from the start of the log');
    this.position = LOG_START;
    this.status = 'rebuilding';
  }

  /** Handles the next batch; returns how many events the checkpoint moved past. */
  private async step(): Promise<number> {
    const events = await this.store.readAll(this.position, this.batchSize);
    if (events.length === 0) {
      if (this.status === 'rebuilding') await this.finishRebuild();
      return 0;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.commitBatch(events);
        return events.length;
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        // A concurrent append to a stream the batch writes to is a race, not a poison event: the
        // whole transaction is retried, with jitter, before any event is suspected.
        if (error instanceof ConcurrentAppend && attempt < TRANSIENT_RETRIES) {
          await this.sleep(Math.random() * FIRST_RETRY_MS * attempt, this.abort.signal, false);
          continue;
        }
        await this.isolate(events, error);
        return events.length;
      }
    }
  }

  private wanted(events: readonly StoredEvent[]): readonly StoredEvent[] {
    const types = this.definition.eventTypes;
    return types === undefined ? events : events.filter((event) => types.includes(event.type));
  }

  private async commitBatch(events: readonly StoredEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    this.batchStartedAt = Date.now();
    try {
      await this.db.transaction(async (tx) => {
        const wanted = this.wanted(events);
        if (wanted.length > 0) await this.definition.handleBatch(wanted, tx);
        await this.settings.beforeCheckpoint?.(events);
        await this.moveCheckpoint(tx, last, events.length);
      });
    } finally {
      this.batchStartedAt = undefined;
    }
    this.position = last;
  }

  private async moveCheckpoint(tx: KernelTransaction, last: StoredEvent, count: number): Promise<void> {
    const [name, token, owner] = this.fence();
    const rows = await tx.query(
      `update kernel.subscriptions set position_transaction_id = $4::text::xid8, position_global = $5,
         events_handled = events_handled + $6, last_event_recorded_at = $7, last_handled_at = now(),
         rebuild_done = case when status = 'rebuilding' then coalesce(rebuild_done, 0) + $6 else rebuild_done end,
         updated_at = now()
       where name = $1 and lease_token = $2 and lease_owner = $3 returning name`,
      [
        name,
        token,
        owner,
        last.transactionId.toString(),
        last.globalPosition.toString(),
        count,
        last.recordedAt.toISOString(),
      ],
    );
    if (rows.length === 0) throw new LeaseLost(this.definition.name);
  }

  /**
   * A batch failed: go event by event so that the events before the poison one still commit, retry
   * the poison one with backoff, then apply the policy: park it and go on, or stop with the error shown.
   */
  private async isolate(events: readonly StoredEvent[], firstError: unknown): Promise<void> {
    this.logger.warn(`Batch failed (${String(firstError)}); retrying event by event`);
    for (const event of events) {
      let attempt = 0;
      for (;;) {
        attempt++;
        try {
          await this.commitBatch([event]);
          break;
        } catch (error) {
          if (error instanceof LeaseLost) throw error;
          if (attempt < this.maxAttempts) {
            await this.sleep(this.backoffMs * 2 ** (attempt - 1), this.abort.signal, false);
            if (this.abort.signal.aborted) throw error;
            continue;
          }
          if (this.whenExhausted === 'park') {
            await this.park(event, attempt, error);
            break;
          }
          await this.fail(event, error);
          throw new PoisonStopped(this.definition.name, event, error);
        }
      }
    }
  }

  private async park(event: StoredEvent, attempts: number, error: unknown): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into kernel.parked_events (subscription, global_position, transaction_id, event_id, event_type, stream_id, attempts, error)
         values ($1, $2, $3::text::xid8, $4, $5, $6, $7, $8)
         on conflict (subscription, global_position) do update set attempts = excluded.attempts, error = excluded.error,
           parked_at = now(), retry_requested_at = null`,
        [
          this.definition.name,
          event.globalPosition.toString(),
          event.transactionId.toString(),
          event.eventId,
          event.type,
          event.streamId,
          attempts,
          describe(error),
        ],
      );
      await this.moveCheckpoint(tx, event, 1);
    });
    this.position = event;
    this.logger.warn(
      `Parked event ${event.globalPosition} (${event.type}) after ${attempts} attempts: ${describe(error)}`,
    );
  }

  private async fail(event: StoredEvent, error: unknown): Promise<void> {
    const [name, token, owner] = this.fence();
    await this.db.queryOnPool(
      `update kernel.subscriptions set status = 'failed', last_error = $4, last_error_at = now(), updated_at = now()
       where name = $1 and lease_token = $2 and lease_owner = $3`,
      [
        name,
        token,
        owner,
        `Event ${event.globalPosition} (${event.type}, ${event.streamId}): ${describe(error)}`,
      ],
    );
    this.status = 'failed';
  }

  /** Parked events an operator asked to retry: handled again; on success their row goes. */
  private async retryRequestedParked(): Promise<void> {
    const rows = await this.db.queryOnPool<EventRow & { attempts: number }>(
      `select ${EVENT_COLUMNS.replace(/(\w+)/g, 'e.$1')}, p.attempts
       from kernel.parked_events p join kernel.events e on e.global_position = p.global_position
       where p.subscription = $1 and p.retry_requested_at is not null order by p.global_position limit 100`,
      [this.definition.name],
    );
    for (const row of rows) {
      const event = this.store.toStoredEvent(row);
      try {
        await this.db.transaction(async (tx) => {
          await this.definition.handleBatch(this.wanted([event]), tx);
          const [name, token, owner] = this.fence();
          const fenced = await tx.query(
            `delete from kernel.parked_events p using kernel.subscriptions s
             where p.subscription = $1 and p.global_position = $4 and s.name = p.subscription
               and s.lease_token = $2 and s.lease_owner = $3 returning p.global_position`,
            [name, token, owner, event.globalPosition.toString()],
          );
          if (fenced.length === 0) throw new LeaseLost(this.definition.name);
        });
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        await this.db.queryOnPool(
          `update kernel.parked_events set attempts = attempts + 1, error = $3, retry_requested_at = null, parked_at = now()
           where subscription = $1 and global_position = $2`,
          [this.definition.name, event.globalPosition.toString(), describe(error)],
        );
      }
    }
  }

  private async finishRebuild(): Promise<void> {
    const [name, token, owner] = this.fence();
    await this.db.queryOnPool(
      `update kernel.subscriptions set status = 'running', rebuild_finished_at = now(), updated_at = now()
       where name = $1 and lease_token = $2 and lease_owner = $3 and status = 'rebuilding'`,
      [name, token, owner],
    );
    this.status = 'running';
    this.logger.log('Rebuild finished');
  }

  private async sleep(ms: number, signal: AbortSignal, wakeOnCommit: boolean): Promise<void> {
    if (wakeOnCommit && this.listener) {
      await this.listener.wait(ms, signal);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Where the runner's checkpoint is, as last committed by this runner. */
  get checkpoint(): LogPosition {
    return this.position;
  }
}

/** A poison event stopped a subscriber whose policy is `stop`. */
export class PoisonStopped extends Error {
  constructor(name: string, event: StoredEvent, cause: unknown) {
    super(
      `Subscription ${name} stopped at event ${event.globalPosition} (${event.type}): ${describe(cause)}`,
      { cause },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
