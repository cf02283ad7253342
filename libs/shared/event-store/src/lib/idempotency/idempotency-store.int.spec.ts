import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { eventually } from '@bandstand/shared/testing';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';
import { KernelDatabase } from '../sql/kernel-database';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { IdempotencyRequestInProgress } from './idempotency.errors';
import { requestFingerprint } from './idempotency-key';
import { IdempotencyModule } from './idempotency.module';
import { type IdempotencyScope, IdempotencyStore, type StoredResponse } from './idempotency-store';
import { IdempotencySweeper } from './idempotency-sweeper';

const scope: IdempotencyScope = {
  caller: 'tenant:t-1/user:u-1',
  method: 'POST',
  route: '/api/v1/payouts/:id',
};
const options = { ttlMs: 60_000, waitMs: 5_000 };
const fingerprint = (amount: number) =>
  requestFingerprint({ method: 'POST', url: '/api/v1/payouts/p-1', body: { amount } });
const answer: StoredResponse = {
  status: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/api/v1/payouts/p-1' },
  body: '{"payoutId":"p-1","amount":100}',
};

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('IdempotencyStore', () => {
  let kernel: KernelTestHarness;
  let store: IdempotencyStore;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    store = new IdempotencyStore(kernel.db);
  });
  afterAll(() => kernel.close());

  const rowsOf = (key: string) =>
    kernel.db.query<{ response_status: number | null }>(
      'select response_status from kernel.idempotency_keys where idempotency_key = $1',
      [key],
    );

  const waitingOnLocks = async () => {
    const [row] = await kernel.db.queryOnPool<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%idempotency_keys%'`,
    );
    return row?.n ?? 0;
  };

  /** Claims `key` in a transaction that stays open until `release` is called, then completes or fails. */
  function holdClaim(key: string, outcome: 'complete' | 'rollback') {
    const claimed = deferred();
    const release = deferred();
    const done = kernel.db.transaction(async () => {
      await expect(store.claim(scope, key, fingerprint(100), options)).resolves.toEqual({
        outcome: 'claimed',
      });
      claimed.resolve();
      await release.promise;
      if (outcome === 'rollback') throw new Error('the command failed');
      await store.complete(scope, key, answer);
    });
    return { claimed: claimed.promise, release: () => release.resolve(), done };
  }

  it('refuses to claim outside a transaction', async () => {
    await expect(store.claim(scope, randomUUID(), fingerprint(1), options)).rejects.toThrow(
      'must run inside KernelDatabase.transaction',
    );
  });

  it('claims a new key, then replays its stored answer for the same request and refuses another', async () => {
    const key = randomUUID();
    await kernel.db.transaction(async () => {
      expect(await store.claim(scope, key, fingerprint(100), options)).toEqual({ outcome: 'claimed' });
      await store.complete(scope, key, answer);
    });
    const again = await kernel.db.transaction(() => store.claim(scope, key, fingerprint(100), options));
    expect(again).toEqual({ outcome: 'replay', response: answer });
    const other = await kernel.db.transaction(() => store.claim(scope, key, fingerprint(101), options));
    expect(other).toEqual({ outcome: 'reused' });
  });

  it('keeps keys of another caller, method or route apart', async () => {
    const key = randomUUID();
    await kernel.db.transaction(async () => {
      await store.claim(scope, key, fingerprint(100), options);
      await store.complete(scope, key, answer);
    });
    for (const elsewhere of [
      { ...scope, caller: 'tenant:t-2/user:u-9' },
      { ...scope, method: 'PUT' },
      { ...scope, route: '/api/v1/refunds/:id' },
    ]) {
      const claim = await kernel.db.transaction(() => store.claim(elsewhere, key, fingerprint(101), options));
      expect(claim).toEqual({ outcome: 'claimed' });
    }
  });

  it('leaves no key behind when the transaction rolls back', async () => {
    const key = randomUUID();
    await expect(
      kernel.db.transaction(async () => {
        await store.claim(scope, key, fingerprint(100), options);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await rowsOf(key)).toEqual([]);
    const retry = await kernel.db.transaction(() => store.claim(scope, key, fingerprint(100), options));
    expect(retry).toEqual({ outcome: 'claimed' });
  });

  it('makes a duplicate wait for the running request and then replay its answer', async () => {
    const key = randomUUID();
    const first = holdClaim(key, 'complete');
    await first.claimed;
    const duplicate = kernel.db.transaction(() => store.claim(scope, key, fingerprint(100), options));
    await eventually(async () => expect(await waitingOnLocks()).toBeGreaterThan(0));
    first.release();
    await first.done;
    await expect(duplicate).resolves.toEqual({ outcome: 'replay', response: answer });
  });

  it('lets a waiting duplicate run when the first request rolls back', async () => {
    const key = randomUUID();
    const first = holdClaim(key, 'rollback');
    await first.claimed;
    const duplicate = kernel.db.transaction(async () => {
      const claim = await store.claim(scope, key, fingerprint(100), options);
      await store.complete(scope, key, answer);
      return claim;
    });
    await eventually(async () => expect(await waitingOnLocks()).toBeGreaterThan(0));
    first.release();
    await expect(first.done).rejects.toThrow('the command failed');
    await expect(duplicate).resolves.toEqual({ outcome: 'claimed' });
    expect(await rowsOf(key)).toEqual([{ response_status: 201 }]);
  });

  it('gives up waiting after waitMs with "in progress", and the first request still completes', async () => {
    const key = randomUUID();
    const first = holdClaim(key, 'complete');
    await first.claimed;
    await expect(
      kernel.db.transaction(() => store.claim(scope, key, fingerprint(100), { ...options, waitMs: 50 })),
    ).rejects.toBeInstanceOf(IdempotencyRequestInProgress);
    first.release();
    await first.done;
    expect(await rowsOf(key)).toEqual([{ response_status: 201 }]);
  });

  it("restores the transaction's own lock timeout after claiming", async () => {
    const setting = await kernel.db.transaction(async (tx) => {
      await tx.query("set local lock_timeout = '7s'");
      await store.claim(scope, randomUUID(), fingerprint(1), options);
      const [row] = await tx.query<{ lock_timeout: string }>('show lock_timeout');
      return row?.lock_timeout;
    });
    expect(setting).toBe('7s');
  });

  it('treats an expired key as absent, whatever request it answered', async () => {
    const key = randomUUID();
    await kernel.db.transaction(async () => {
      await store.claim(scope, key, fingerprint(100), options);
      await store.complete(scope, key, answer);
    });
    await kernel.db.query(
      "update kernel.idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = $1",
      [key],
    );
    const reclaimed = await kernel.db.transaction(async () => {
      const claim = await store.claim(scope, key, fingerprint(999), options);
      const rows = await rowsOf(key);
      return { claim, rows };
    });
    expect(reclaimed).toEqual({ claim: { outcome: 'claimed' }, rows: [{ response_status: null }] });
  });

  it('sweeps expired keys in batches and keeps the others', async () => {
    await kernel.db.query('delete from kernel.idempotency_keys');
    const keys = Array.from({ length: 7 }, () => randomUUID());
    for (const key of keys) {
      await kernel.db.transaction(async () => {
        await store.claim(scope, key, fingerprint(1), options);
        await store.complete(scope, key, answer);
      });
    }
    await kernel.db.query(
      "update kernel.idempotency_keys set expires_at = now() - interval '1 minute' where idempotency_key = any($1)",
      [keys.slice(0, 5)],
    );
    expect(await store.sweepExpired(2)).toBe(5);
    const left = await kernel.db.query<{ idempotency_key: string }>(
      'select idempotency_key from kernel.idempotency_keys order by idempotency_key',
    );
    expect(left.map((row) => row.idempotency_key)).toEqual(keys.slice(5).sort());
    expect(await store.sweepExpired()).toBe(0);
  });

  describe('IdempotencySweeper', () => {
    async function startApp(role: KernelRole, idempotency: DynamicModule | Type = IdempotencyModule) {
      @Global()
      @Module({
        providers: [
          { provide: KernelDatabase, useValue: kernel.db },
          { provide: KERNEL_ROLE, useValue: role },
        ],
        exports: [KernelDatabase, KERNEL_ROLE],
      })
      class KernelStubModule {}
      const moduleRef = await Test.createTestingModule({
        imports: [KernelStubModule, idempotency],
      }).compile();
      await moduleRef.init();
      return moduleRef;
    }

    it('deletes expired keys periodically in the worker', async () => {
      const key = randomUUID();
      await kernel.db.transaction(async () => {
        await store.claim(scope, key, fingerprint(1), { ...options, ttlMs: 1 });
        await store.complete(scope, key, answer);
      });
      const app = await startApp('worker', IdempotencyModule.forRoot({ sweepIntervalMs: 20 }));
      try {
        expect(app.get(IdempotencySweeper).active).toBe(true);
        await eventually(async () => expect(await rowsOf(key)).toEqual([]));
      } finally {
        await app.close();
      }
      expect(app.get(IdempotencySweeper).active).toBe(false);
    });

    it.each([
      ['api', false],
      ['worker', true],
    ] as const)('sweeps in the %s: %s (module imported as the kernel imports it)', async (role, sweeps) => {
      const app = await startApp(role);
      try {
        expect(app.get(IdempotencySweeper).active).toBe(sweeps);
      } finally {
        await app.close();
      }
    });
  });
});
