import { eventually } from '@bandstand/shared/testing';
import { KernelDatabase } from '../sql/kernel-database';
import { type EventMetadata, LOG_START } from '../store/event';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { IntegrityVerifier } from './integrity-verifier.service';
import { GENESIS_CHAIN, SEAL_COLUMNS, type Seal, type SealRow, sealChain, sealOfRow } from './seal-chain';
import { SEALER_LOCK_KEY, SealerService } from './sealer.service';

const metadata: EventMetadata = { correlationId: 'c-1', causationId: null, actor: 'user:1', tenantId: 't-1' };
const events = (count: number) =>
  Array.from({ length: count }, (_, n) => ({ type: 'ThingHappened', data: { n } }));

async function allSeals(kernel: KernelTestHarness): Promise<Seal[]> {
  const rows = await kernel.db.query<SealRow>(
    `select ${SEAL_COLUMNS} from kernel.seals order by seal_number`,
  );
  return rows.map(sealOfRow);
}

// The horizon sealers read under is cluster-wide: a transaction held open by another test suite on
// the same server delays sealing, so tests wait until everything is sealed rather than assume it.
async function sealAll(kernel: KernelTestHarness, sealer: SealerService): Promise<Seal[]> {
  const [stored] = await kernel.db.query<{ n: string }>('select count(*) as n from kernel.events');
  return eventually(
    async () => {
      await sealer.sealNow();
      const seals = await allSeals(kernel);
      expect(seals.reduce((sum, seal) => sum + seal.eventCount, 0)).toBe(Number(stored?.n));
      return seals;
    },
    30_000,
    50,
  );
}

async function positionsInCommitOrder(kernel: KernelTestHarness): Promise<bigint[]> {
  const all = await kernel.store.readAll(LOG_START, 1_000_000);
  return all.map((event) => event.globalPosition);
}

describe('SealerService', () => {
  let kernel: KernelTestHarness;

  beforeEach(async () => {
    kernel = await createKernelTestHarness();
  });
  afterEach(() => kernel.close());

  it('has nothing to seal in an empty store', async () => {
    const sealer = new SealerService(kernel.db, kernel.hasher, 'api');
    expect(await sealer.sealNow()).toEqual({ seals: [], events: 0, busy: false });
    expect(await sealer.latestSeal()).toBeUndefined();
  });

  it('seals the global log in commit order, in batches, each chained to the one before', async () => {
    await kernel.store.append('thing-a', events(4), { expectedVersion: 'no_stream', metadata });
    await kernel.store.append('thing-b', events(3), { expectedVersion: 'no_stream', metadata });
    const sealer = new SealerService(kernel.db, kernel.hasher, 'api', { batchSize: 3 });

    const seals = await sealAll(kernel, sealer);

    expect(seals.length).toBeGreaterThanOrEqual(3);
    expect(seals.every((seal) => seal.eventCount <= 3 && seal.positions.length === seal.eventCount)).toBe(
      true,
    );
    expect(seals.map((seal) => seal.sealNumber)).toEqual(seals.map((_, index) => index + 1));
    expect(seals.flatMap((seal) => seal.positions)).toEqual(await positionsInCommitOrder(kernel));
    let previous: Buffer = GENESIS_CHAIN;
    for (const seal of seals) {
      expect(seal.chain.equals(sealChain(kernel.hasher, previous, seal))).toBe(true);
      expect(seal.last.globalPosition).toBe(seal.positions[seal.positions.length - 1]);
      previous = seal.chain;
    }
    expect((await sealer.latestSeal())?.sealNumber).toBe(seals.length);

    await kernel.store.append('thing-a', events(1), { expectedVersion: 4, metadata });
    const more = await sealAll(kernel, sealer);
    const added = more.slice(seals.length);
    expect(added.map((seal) => [seal.sealNumber, seal.eventCount])).toEqual([[seals.length + 1, 1]]);
    expect(added[0]?.chain.equals(sealChain(kernel.hasher, previous, added[0]))).toBe(true);
  });

  it('never seals past a transaction still running, and seals its events once it commits', async () => {
    const sealer = new SealerService(kernel.db, kernel.hasher, 'api');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended: () => void = () => undefined;
    const hasAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = kernel.db.transaction(async () => {
      await kernel.store.append('thing-slow', events(2), { expectedVersion: 'no_stream', metadata });
      appended();
      await held;
    });
    await hasAppended;
    await kernel.store.append('thing-fast', events(1), { expectedVersion: 'no_stream', metadata });

    expect((await sealer.sealNow()).events).toBe(0);

    release();
    await slow;
    const seals = await sealAll(kernel, sealer);
    expect(seals.flatMap((seal) => seal.positions)).toEqual(await positionsInCommitOrder(kernel));
  });

  it('lets only one sealer write at a time: the lock holder seals, the other is told it is busy', async () => {
    await kernel.store.append('thing-a', events(2), { expectedVersion: 'no_stream', metadata });
    const sealer = new SealerService(kernel.db, kernel.hasher, 'api');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const otherOrm = await kernel.openOrm(2);
    const other = new KernelDatabase(otherOrm);
    const holder = other.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1::bigint)', [SEALER_LOCK_KEY.toString()]);
      locked();
      await held;
    });
    await hasLock;

    expect(await sealer.sealNow({ wait: false })).toEqual({ seals: [], events: 0, busy: true });
    const waiting = sealer.sealNow();
    release();
    await holder;
    expect(await waiting).toMatchObject({ busy: false });
    expect((await sealAll(kernel, sealer)).map((seal) => seal.eventCount)).toEqual([2]);
  });

  it('seals every event appended concurrently exactly once, whatever the commit order', async () => {
    const sealers = [
      new SealerService(kernel.db, kernel.hasher, 'api', { batchSize: 5 }),
      new SealerService(new KernelDatabase(await kernel.openOrm(4)), kernel.hasher, 'api', { batchSize: 7 }),
    ];
    let appending = true;
    const sealing = sealers.map(async (sealer) => {
      while (appending) await sealer.sealNow({ wait: false });
    });
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let round = 0; round < 15; round += 1) {
        const stream = `thing-w${writer}r${round}`;
        if (round % 3 === 0) {
          // Held open a little, so that later transactions commit first.
          await kernel.db.transaction(async () => {
            await kernel.store.append(stream, events(1 + (round % 4)), {
              expectedVersion: 'no_stream',
              metadata,
            });
            await new Promise((resolve) => setTimeout(resolve, 5));
            await kernel.store.append(`${stream}x`, events(1), { expectedVersion: 'no_stream', metadata });
          });
        } else {
          await kernel.store.append(stream, events(1 + (round % 3)), {
            expectedVersion: 'no_stream',
            metadata,
          });
        }
      }
    });
    await Promise.all(writers);
    appending = false;
    await Promise.all(sealing);
    const [first] = sealers;
    if (!first) throw new Error('no sealer');

    const seals = await sealAll(kernel, first);
    const sealed = seals.flatMap((seal) => seal.positions);
    const stored = await positionsInCommitOrder(kernel);
    expect(new Set(sealed).size).toBe(sealed.length);
    expect(sealed).toEqual(stored);
    expect(seals.map((seal) => seal.sealNumber)).toEqual(seals.map((_, index) => index + 1));
    let previous: Buffer = GENESIS_CHAIN;
    for (const seal of seals) {
      expect(seal.chain.equals(sealChain(kernel.hasher, previous, seal))).toBe(true);
      previous = seal.chain;
    }
    const report = await new IntegrityVerifier(kernel.db, kernel.hasher).verify();
    expect(report).toMatchObject({ intact: true, seals: seals.length, unsealedEvents: 0 });
  });

  it('runs as a background loop in the worker only', async () => {
    const api = new SealerService(kernel.db, kernel.hasher, 'api', { intervalMs: 10 });
    const worker = new SealerService(kernel.db, kernel.hasher, 'worker', { intervalMs: 10 });
    api.onApplicationBootstrap();
    worker.onApplicationBootstrap();
    try {
      expect(api.running).toBe(false);
      expect(worker.running).toBe(true);
      await kernel.store.append('thing-a', events(2), { expectedVersion: 'no_stream', metadata });
      await eventually(async () => expect((await worker.latestSeal())?.eventCount).toBe(2), 30_000);
      await kernel.store.append('thing-a', events(1), { expectedVersion: 2, metadata });
      await eventually(async () => expect((await worker.latestSeal())?.sealNumber).toBe(2), 30_000);
    } finally {
      await worker.onModuleDestroy();
      await api.onModuleDestroy();
    }
    expect(worker.running).toBe(false);
  });

  it('keeps seals append-only', async () => {
    await kernel.store.append('thing-a', events(1), { expectedVersion: 'no_stream', metadata });
    await sealAll(kernel, new SealerService(kernel.db, kernel.hasher, 'api'));
    await expect(kernel.db.query('update kernel.seals set event_count = 2')).rejects.toThrow(
      'kernel.seals is append-only: UPDATE refused',
    );
    await expect(kernel.db.query('delete from kernel.seals')).rejects.toThrow(
      'kernel.seals is append-only: DELETE refused',
    );
    await expect(kernel.db.query('truncate kernel.seals')).rejects.toThrow(
      'kernel.seals is append-only: TRUNCATE refused',
    );
  });
});
