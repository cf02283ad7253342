import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher } from '../store/event-hasher';
import { LOG_START, type LogPosition } from '../store/event';
import { GENESIS_CHAIN, SEAL_COLUMNS, type Seal, type SealRow, sealChain, sealOfRow } from './seal-chain';

/** How the sealer batches and paces its work. */
export interface SealerOptions {
  /** Most events one seal covers. */
  readonly batchSize?: number;
  /** Pause between two passes of the background loop. */
  readonly intervalMs?: number;
}

/** Injection token of optional {@link SealerOptions}. */
export const SEALER_OPTIONS = Symbol('SEALER_OPTIONS');

/** Default most events per seal. */
export const DEFAULT_SEAL_BATCH = 1_000;

/** Default pause of the background loop: seals trail the newest commits by about this much. */
export const DEFAULT_SEAL_INTERVAL_MS = 1_000;

/**
 * Key of the transaction-level advisory lock that makes one sealer at a time write: 'BANDSEAL'.
 * A transaction lock, not a lease: it is held exactly while a seal is read, computed and written,
 * and PostgreSQL releases it when that transaction ends however it ends.
 */
export const SEALER_LOCK_KEY = 0x42414e445345414cn;

/** What one attempt to seal did. */
export type SealAttempt =
  | { readonly status: 'sealed'; readonly seal: Seal }
  | { readonly status: 'idle' }
  | { readonly status: 'busy' };

/** What {@link SealerService.sealNow} wrote. */
export interface SealingResult {
  readonly seals: readonly Seal[];
  readonly events: number;
  /** True when another sealer held the lock (only without `wait`). */
  readonly busy: boolean;
}

interface LastSealRow {
  readonly seal_number: string;
  readonly chain: Buffer;
  readonly last_transaction_id: string;
  readonly last_global_position: string;
}

/**
 * Seals the global log: appends rows to kernel.seals, each covering the next events in commit order
 * (read with the same rule as EventStore.readAll, so an event whose transaction commits late is
 * sealed after it commits, never skipped) and chained to the previous seal by an HMAC. Runs as a
 * background loop in the worker only; {@link sealNow} is for tests and the CLI.
 */
@Injectable()
export class SealerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SealerService.name);
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private loop: { readonly abort: AbortController; readonly done: Promise<void> } | undefined;
  private failing = false;

  constructor(
    private readonly db: KernelDatabase,
    private readonly hasher: EventHasher,
    @Inject(KERNEL_ROLE) private readonly role: KernelRole,
    @Optional() @Inject(SEALER_OPTIONS) options: SealerOptions | null = null,
  ) {
    this.batchSize = options?.batchSize ?? DEFAULT_SEAL_BATCH;
    this.intervalMs = options?.intervalMs ?? DEFAULT_SEAL_INTERVAL_MS;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError(`The seal batch size must be a whole number ≥ 1, got ${this.batchSize}`);
    }
  }

  onApplicationBootstrap(): void {
    if (this.role === 'worker') this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Starts the background loop (the worker does this at bootstrap). */
  start(): void {
    if (this.loop) return;
    const abort = new AbortController();
    this.loop = { abort, done: this.run(abort.signal) };
  }

  /** Whether the background loop runs in this process. */
  get running(): boolean {
    return this.loop !== undefined;
  }

  /** Stops the background loop and waits for a seal being written to finish. */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.loop = undefined;
    if (!loop) return;
    loop.abort.abort();
    await loop.done;
  }

  /**
   * Seals every event that can be sealed now, in seals of at most `batchSize` events. With `wait`
   * (the default) it waits for a sealer running elsewhere; without, it returns `busy: true` at once.
   */
  async sealNow(options: { readonly wait?: boolean } = {}): Promise<SealingResult> {
    const seals: Seal[] = [];
    let events = 0;
    for (;;) {
      const attempt = await this.sealOnce(options.wait ?? true);
      if (attempt.status === 'busy') return { seals, events, busy: true };
      if (attempt.status === 'idle') return { seals, events, busy: false };
      seals.push(attempt.seal);
      events += attempt.seal.eventCount;
      if (attempt.seal.eventCount < this.batchSize) return { seals, events, busy: false };
    }
  }

  /** Writes at most one seal, in one short transaction holding the sealer lock. */
  async sealOnce(wait = true): Promise<SealAttempt> {
    return this.db.transaction(async (tx): Promise<SealAttempt> => {
      const key = SEALER_LOCK_KEY.toString();
      if (wait) {
        await tx.query('select pg_advisory_xact_lock($1::bigint)', [key]);
      } else {
        const [lock] = await tx.query<{ locked: boolean }>(
          'select pg_try_advisory_xact_lock($1::bigint) as locked',
          [key],
        );
        if (lock?.locked !== true) return { status: 'busy' };
      }
      const [last] = await tx.query<LastSealRow>(
        `select seal_number, chain, last_transaction_id, last_global_position
         from kernel.seals order by seal_number desc limit 1`,
      );
      const after: LogPosition = last
        ? {
            transactionId: BigInt(last.last_transaction_id),
            globalPosition: BigInt(last.last_global_position),
          }
        : LOG_START;
      // No xid is assigned before the insert below, so this transaction never holds back the horizon
      // it reads under, nor (for longer than the insert) the readers of the global log.
      const rows = await tx.query<{ global_position: string; transaction_id: string }>(
        `select global_position, transaction_id from kernel.events
         where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         order by transaction_id, global_position limit $3`,
        [after.transactionId.toString(), after.globalPosition.toString(), this.batchSize],
      );
      const lastRow = rows[rows.length - 1];
      if (lastRow === undefined) return { status: 'idle' };
      const fields = {
        sealNumber: last ? Number(last.seal_number) + 1 : 1,
        positions: rows.map((row) => BigInt(row.global_position)),
        last: {
          transactionId: BigInt(lastRow.transaction_id),
          globalPosition: BigInt(lastRow.global_position),
        },
        eventCount: rows.length,
      };
      const chain = sealChain(this.hasher, last ? last.chain : GENESIS_CHAIN, fields);
      const [inserted] = await tx.query<SealRow>(
        `insert into kernel.seals (seal_number, event_count, positions, last_transaction_id, last_global_position, chain)
         values ($1, $2, $3::bigint[], $4::text::xid8, $5::bigint, $6) returning ${SEAL_COLUMNS}`,
        [
          fields.sealNumber,
          fields.eventCount,
          fields.positions.map(String),
          fields.last.transactionId.toString(),
          fields.last.globalPosition.toString(),
          chain,
        ],
      );
      if (inserted === undefined) throw new Error('Inserting a seal returned no row');
      return { status: 'sealed', seal: sealOfRow(inserted) };
    });
  }

  /** The newest seal, if any. */
  async latestSeal(): Promise<Seal | undefined> {
    const [row] = await this.db.query<SealRow>(
      `select ${SEAL_COLUMNS} from kernel.seals order by seal_number desc limit 1`,
    );
    return row ? sealOfRow(row) : undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const result = await this.sealNow({ wait: false });
        if (this.failing) this.logger.log('Sealing the event store works again');
        this.failing = false;
        if (result.events > 0) {
          this.logger.debug(`Sealed ${result.events} event(s) in ${result.seals.length} seal(s)`);
        }
      } catch (error) {
        // Once per outage: the database being away is reported by readiness already.
        if (!this.failing) this.logger.warn(`Sealing the event store failed, retrying: ${String(error)}`);
        this.failing = true;
      }
      await sleep(this.intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }
}
