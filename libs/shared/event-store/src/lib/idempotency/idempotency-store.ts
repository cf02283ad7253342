import { type KernelDatabase, type SqlRunner } from '../sql/kernel-database';
import { IdempotencyRequestInProgress } from './idempotency.errors';

/** How long a key is remembered unless the route says otherwise: 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** How long a duplicate waits for the first request with its key to finish before a 409. */
export const DEFAULT_IDEMPOTENCY_WAIT_MS = 2_000;

/** Where a key is valid: one caller on one route. The same key elsewhere is another key. */
export interface IdempotencyScope {
  /** The authenticated caller (tenant and principal); '' while requests carry no identity. */
  readonly caller: string;
  readonly method: string;
  /** The route pattern (`/api/v1/payouts/:id`), not the path: the path is in the fingerprint. */
  readonly route: string;
}

/** A response as stored and replayed: the body exactly as it was sent. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body text; `null` for an empty body. */
  readonly body: string | null;
}

/** What claiming a key found: it is ours now, it answered this request before, or another one. */
export type IdempotencyClaim =
  | { readonly outcome: 'claimed' }
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  | { readonly outcome: 'reused' };

/** How a key is claimed. */
export interface ClaimOptions {
  readonly ttlMs: number;
  /** The longest the claim waits for a running request with the same key. */
  readonly waitMs: number;
}

interface KeyRow {
  readonly fingerprint: Buffer;
  readonly response_status: number | null;
  readonly response_headers: Record<string, string | string[]> | null;
  readonly response_body: string | null;
}

// An expired row is taken over as if it were absent. ON CONFLICT waits for an uncommitted claim of
// the same key (the first request still running) and then sees its outcome: a committed row (no
// row returned here: replay or reuse) or none (rolled back: this insert goes through).
const CLAIM = `insert into kernel.idempotency_keys as k
    (caller, method, route, idempotency_key, fingerprint, created_at, expires_at)
  values ($1, $2, $3, $4, $5, clock_timestamp(), clock_timestamp() + $6 * interval '1 millisecond')
  on conflict (caller, method, route, idempotency_key) do update set
    fingerprint = excluded.fingerprint, created_at = excluded.created_at, expires_at = excluded.expires_at,
    response_status = null, response_headers = null, response_body = null, completed_at = null
  where k.expires_at <= clock_timestamp()
  returning 1 as claimed`;

const FIND = `select fingerprint, response_status, response_headers, response_body from kernel.idempotency_keys
  where caller = $1 and method = $2 and route = $3 and idempotency_key = $4`;

const COMPLETE = `update kernel.idempotency_keys
  set response_status = $5, response_headers = $6, response_body = $7, completed_at = clock_timestamp()
  where caller = $1 and method = $2 and route = $3 and idempotency_key = $4`;

// offset 0 keeps the subquery a plan node of its own, so the old value is read before set_config runs.
const SET_LOCK_TIMEOUT = `select s.previous, set_config('lock_timeout', $1, true) as current
  from (select current_setting('lock_timeout') as previous offset 0) s`;

const RESTORE_LOCK_TIMEOUT = `select set_config('lock_timeout', $1, true)`;

const SWEEP = `with deleted as (
    delete from kernel.idempotency_keys where ctid = any(array(
      select ctid from kernel.idempotency_keys where expires_at <= clock_timestamp()
      order by expires_at limit $1 for update skip locked))
    returning 1)
  select count(*)::int as n from deleted`;

// A row cannot vanish between the claim and the read unless the sweeper deleted it as expired.
const CLAIM_ATTEMPTS = 3;

function isLockTimeout(error: unknown): boolean {
  for (let current: unknown = error; typeof current === 'object' && current !== null;) {
    if ((current as { code?: unknown }).code === '55P03') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * kernel.idempotency_keys: claims a key inside the caller's transaction, stores the answer in it,
 * and sweeps keys past their expiry. The claim and the command's effects commit together.
 */
export class IdempotencyStore {
  constructor(private readonly db: KernelDatabase) {}

  /**
   * Claims `key` in `scope` for a request with `fingerprint`, inside the running transaction: a new
   * or expired key is ours ('claimed', complete it before committing); a key whose request committed
   * answers with its stored response ('replay') when the fingerprints match, or 'reused'. A request
   * with the same key still running is waited for up to `waitMs`, then {@link IdempotencyRequestInProgress}
   * is thrown (and the transaction must roll back).
   */
  async claim(
    scope: IdempotencyScope,
    key: string,
    fingerprint: Buffer,
    options: ClaimOptions,
  ): Promise<IdempotencyClaim> {
    const tx = this.db.currentTransaction;
    if (tx === undefined)
      throw new Error('IdempotencyStore.claim must run inside KernelDatabase.transaction');
    const params = [scope.caller, scope.method, scope.route, key];
    for (let attempt = 1; ; attempt++) {
      const [setting] = await tx.query<{ previous: string }>(SET_LOCK_TIMEOUT, [
        `${Math.max(1, Math.ceil(options.waitMs))}ms`,
      ]);
      let claimed: boolean;
      try {
        const rows = await tx.query(CLAIM, [...params, fingerprint, options.ttlMs]);
        claimed = rows.length === 1;
      } catch (error) {
        if (isLockTimeout(error)) throw new IdempotencyRequestInProgress();
        throw error;
      }
      // The command's own statements keep the process's lock timeout.
      await tx.query(RESTORE_LOCK_TIMEOUT, [setting?.previous ?? '0']);
      if (claimed) return { outcome: 'claimed' };
      const [row] = await tx.query<KeyRow>(FIND, params);
      if (row === undefined) {
        if (attempt < CLAIM_ATTEMPTS) continue;
        throw new IdempotencyRequestInProgress();
      }
      if (!row.fingerprint.equals(fingerprint)) return { outcome: 'reused' };
      // Claim and answer commit together, so a committed row without an answer is not expected.
      if (row.response_status === null) throw new IdempotencyRequestInProgress();
      return {
        outcome: 'replay',
        response: {
          status: row.response_status,
          headers: row.response_headers ?? {},
          body: row.response_body,
        },
      };
    }
  }

  /** Stores the answer to a claimed key, in the same transaction as the claim. */
  async complete(scope: IdempotencyScope, key: string, response: StoredResponse): Promise<void> {
    const tx = this.db.currentTransaction;
    if (tx === undefined)
      throw new Error('IdempotencyStore.complete must run inside KernelDatabase.transaction');
    await tx.query(COMPLETE, [
      scope.caller,
      scope.method,
      scope.route,
      key,
      response.status,
      JSON.stringify(response.headers),
      response.body,
    ]);
  }

  /**
   * Deletes every key past its expiry, in batches of `batchSize` so that no statement holds many
   * row locks; keys a running claim is taking over are skipped. Returns how many were deleted.
   */
  sweepExpired(batchSize = 1_000): Promise<number> {
    return sweepExpiredIdempotencyKeys(this.db, batchSize);
  }
}

/** Deletes every idempotency key past its expiry on `runner`, in batches; returns how many. */
export async function sweepExpiredIdempotencyKeys(runner: SqlRunner, batchSize = 1_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await runner.query<{ n: number }>(SWEEP, [batchSize]);
    const count = deleted[0]?.n ?? 0;
    total += count;
    if (count < batchSize) return total;
  }
}
