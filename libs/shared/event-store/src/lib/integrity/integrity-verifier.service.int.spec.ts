import { eventually } from '@bandstand/shared/testing';
import { type EventMetadata } from '../store/event';
import { type ExpectedVersion } from '../store/expected-version';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { IntegrityVerifier } from './integrity-verifier.service';
import { SealerService } from './sealer.service';

const metadata: EventMetadata = { correlationId: 'c-1', causationId: null, actor: 'user:1', tenantId: 't-1' };

interface StoredPlace {
  readonly globalPosition: string;
  readonly eventId: string;
  readonly transactionId: string;
}

async function append(kernel: KernelTestHarness, stream: string, count: number, expected: ExpectedVersion) {
  const events = Array.from({ length: count }, (_, n) => ({ type: 'OrderNoted', data: { stream, n } }));
  await kernel.store.append(stream, events, { expectedVersion: expected, metadata });
}

/** order-1 (5 events), order-2 (3) and order-3 (4), interleaved in the global log. */
async function seed(kernel: KernelTestHarness): Promise<void> {
  await append(kernel, 'order-1', 2, 'no_stream');
  await append(kernel, 'order-2', 1, 'no_stream');
  await append(kernel, 'order-1', 1, 2);
  await append(kernel, 'order-3', 4, 'no_stream');
  await kernel.db.transaction(async () => {
    await append(kernel, 'order-2', 2, 1);
    await append(kernel, 'order-1', 2, 3);
  });
}

// The horizon sealers read under is cluster-wide: a transaction held open by another test suite on
// the same server delays sealing, so tests wait until everything is sealed rather than assume it.
async function sealAll(kernel: KernelTestHarness, batchSize = 4): Promise<void> {
  const sealer = new SealerService(kernel.db, kernel.hasher, 'api', { batchSize });
  const [stored] = await kernel.db.query<{ n: string }>('select count(*) as n from kernel.events');
  await eventually(
    async () => {
      await sealer.sealNow();
      const [sealed] = await kernel.db.query<{ n: string }>(
        'select coalesce(sum(event_count), 0) as n from kernel.seals',
      );
      expect(sealed?.n).toBe(stored?.n);
    },
    30_000,
    50,
  );
}

async function at(kernel: KernelTestHarness, stream: string, version: number): Promise<StoredPlace> {
  const [row] = await kernel.db.query<{ global_position: string; event_id: string; transaction_id: string }>(
    'select global_position, event_id, transaction_id::text from kernel.events where stream_id = $1 and stream_version = $2',
    [stream, version],
  );
  if (!row) throw new Error(`no event ${stream}@${version}`);
  return { globalPosition: row.global_position, eventId: row.event_id, transactionId: row.transaction_id };
}

async function sealListing(kernel: KernelTestHarness, globalPosition: string): Promise<number> {
  const [row] = await kernel.db.query<{ seal_number: string }>(
    'select seal_number from kernel.seals where $1::bigint = any(positions)',
    [globalPosition],
  );
  if (!row) throw new Error(`no seal lists ${globalPosition}`);
  return Number(row.seal_number);
}

/** Changes kernel.seals as someone with the table owner's rights would: the append-only triggers off. */
async function tamperWithSeals(kernel: KernelTestHarness, sql: string, params: unknown[] = []) {
  await kernel.db.transaction(async (tx) => {
    await tx.query('alter table kernel.seals disable trigger user');
    await tx.query(sql, params);
    await tx.query('alter table kernel.seals enable trigger user');
  });
}

describe('IntegrityVerifier', () => {
  let kernel: KernelTestHarness;
  let verifier: IntegrityVerifier;

  beforeEach(async () => {
    kernel = await createKernelTestHarness();
    verifier = new IntegrityVerifier(kernel.db, kernel.hasher);
  });
  afterEach(() => kernel.close());

  describe('an intact store', () => {
    it('verifies an empty store', async () => {
      const report = await verifier.verify();
      expect(report).toMatchObject({
        intact: true,
        complete: true,
        checkedEvents: 0,
        checkedStreams: 0,
        seals: 0,
        unsealedEvents: 0,
        problemCount: 0,
        problems: [],
      });
      expect(report.firstProblem).toBeUndefined();
      expect(report.latestSeal).toBeUndefined();
    });

    it('verifies sealed and unsealed events and every stream, page by page', async () => {
      await seed(kernel);
      await sealAll(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const [seals] = await kernel.db.query<{ n: string; last: string }>(
        'select count(*) as n, max(seal_number) as last from kernel.seals',
      );

      for (const options of [{}, { pageSize: 2, streamPageSize: 1 }]) {
        const report = await verifier.verify(options);
        expect(report).toMatchObject({
          intact: true,
          complete: true,
          checkedEvents: 15,
          checkedStreams: 4,
          seals: Number(seals?.n),
          unsealedEvents: 3,
          problemCount: 0,
          problems: [],
        });
        expect(report.latestSeal?.sealNumber).toBe(Number(seals?.last));
        expect(report.latestSeal?.chain).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it('stops at its event limit and says the report is incomplete', async () => {
      await seed(kernel);
      const report = await verifier.verify({ maxEvents: 5, pageSize: 2 });
      expect(report).toMatchObject({ intact: true, complete: false, checkedStreams: 0 });
      expect(report.checkedEvents).toBeGreaterThanOrEqual(5);
      expect(report.checkedEvents).toBeLessThan(12);
    });
  });

  describe('a changed event', () => {
    it('names a sealed event whose data was changed', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const target = await at(kernel, 'order-1', 3);
      await kernel.db.query(
        `update kernel.events set data = jsonb_set(data, '{n}', '99') where global_position = $1`,
        [target.globalPosition],
      );

      const report = await verifier.verify();

      expect(report.intact).toBe(false);
      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toEqual({
        kind: 'changed',
        globalPosition: target.globalPosition,
        streamId: 'order-1',
        streamVersion: 3,
        eventId: target.eventId,
        sealNumber: await sealListing(kernel, target.globalPosition),
        detail: expect.stringContaining('no longer matches its HMAC') as unknown,
      });
    });

    it('names an unsealed event whose metadata was changed', async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const target = await at(kernel, 'order-4', 2);
      await kernel.db.query(`update kernel.events set actor = 'staff:mallory' where global_position = $1`, [
        target.globalPosition,
      ]);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({
        kind: 'changed',
        globalPosition: target.globalPosition,
        streamId: 'order-4',
        streamVersion: 2,
        eventId: target.eventId,
      });
      expect(report.firstProblem?.sealNumber).toBeUndefined();
    });
  });

  describe('a reordered event', () => {
    it('names both events of a stream whose versions were swapped, the earlier first', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const first = await at(kernel, 'order-1', 1);
      const second = await at(kernel, 'order-1', 2);
      // Three steps, as the unique (stream, version) constraint forces on whoever does it.
      await kernel.db.query(
        `update kernel.events set stream_version = 999 where stream_id = 'order-1' and stream_version = 1`,
      );
      await kernel.db.query(
        `update kernel.events set stream_version = 1 where stream_id = 'order-1' and stream_version = 2`,
      );
      await kernel.db.query(
        `update kernel.events set stream_version = 2 where stream_id = 'order-1' and stream_version = 999`,
      );

      const report = await verifier.verify();

      expect(report.problemCount).toBe(2);
      expect(
        report.problems.map((problem) => [problem.kind, problem.globalPosition, problem.streamVersion]),
      ).toEqual([
        ['reordered', first.globalPosition, 2],
        ['reordered', second.globalPosition, 1],
      ]);
      expect(report.firstProblem).toMatchObject({ streamId: 'order-1', eventId: first.eventId });
      expect(report.firstProblem?.detail).toBe(
        `Stored as version 2 at global position ${first.globalPosition}, but signed as version 1 at global position ${first.globalPosition}: it was moved`,
      );
    });

    it('names a sealed event moved elsewhere in the commit order by its transaction id', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const target = await at(kernel, 'order-2', 1);
      await kernel.db.query(
        `update kernel.events set transaction_id = '999999999' where global_position = $1`,
        [target.globalPosition],
      );

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({
        kind: 'reordered',
        globalPosition: target.globalPosition,
        streamId: 'order-2',
        streamVersion: 1,
        eventId: target.eventId,
        sealNumber: await sealListing(kernel, target.globalPosition),
      });
    });
  });

  describe('a removed event', () => {
    it('names an unsealed event deleted from the middle of its stream by stream and version', async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const target = await at(kernel, 'order-4', 2);
      await kernel.db.query('delete from kernel.events where global_position = $1', [target.globalPosition]);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toEqual({
        kind: 'removed',
        streamId: 'order-4',
        streamVersion: 2,
        detail: expect.stringContaining('Version 2 of stream order-4 is missing') as unknown,
      });
    });

    it('names a sealed event deleted from the middle of its stream by position, seal, stream and version', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const target = await at(kernel, 'order-1', 3);
      const seal = await sealListing(kernel, target.globalPosition);
      await kernel.db.query('delete from kernel.events where global_position = $1', [target.globalPosition]);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({
        kind: 'removed',
        globalPosition: target.globalPosition,
        streamId: 'order-1',
        streamVersion: 3,
        sealNumber: seal,
      });
    });

    it('names a sealed event deleted from the end of its stream by its seal, and cannot see an unsealed one', async () => {
      await seed(kernel);
      await sealAll(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const sealed = await at(kernel, 'order-1', 5);
      const unsealed = await at(kernel, 'order-4', 3);
      await kernel.db.query('delete from kernel.events where global_position = any($1::bigint[])', [
        [sealed.globalPosition, unsealed.globalPosition],
      ]);

      const report = await verifier.verify();

      // Nothing marks a stream's end: without a seal listing it, order-4 simply looks two events long.
      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toEqual({
        kind: 'removed',
        globalPosition: sealed.globalPosition,
        sealNumber: await sealListing(kernel, sealed.globalPosition),
        detail: expect.stringContaining('no stored event has that position any more') as unknown,
      });
      expect(report.unsealedEvents).toBe(2);
    });

    it('names every event of a stream deleted after sealing, the first one first', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const positions = await Promise.all([1, 2, 3, 4].map((v) => at(kernel, 'order-3', v)));
      await kernel.db.query(`delete from kernel.events where stream_id = 'order-3'`);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(4);
      expect(report.problems.map((problem) => [problem.kind, problem.globalPosition])).toEqual(
        positions.map((place) => ['removed', place.globalPosition]),
      );
      expect(report.checkedStreams).toBe(2);
    });

    it("names the first events of a stream deleted before sealing, by the stream's versions", async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const third = await at(kernel, 'order-4', 3);
      await kernel.db.query(`delete from kernel.events where stream_id = 'order-4' and stream_version < 3`);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toEqual({
        kind: 'removed',
        streamId: 'order-4',
        streamVersion: 1,
        detail: `Versions 1–2 of stream order-4 are missing though version 3 is stored (they were stored before ${third.globalPosition}): they were removed`,
      });
    });

    it("names an unsealed event deleted and hidden by moving its stream's last event down into its version", async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const first = await at(kernel, 'order-4', 1);
      const gone = await at(kernel, 'order-4', 2);
      const last = await at(kernel, 'order-4', 3);
      await kernel.db.query('delete from kernel.events where global_position = $1', [gone.globalPosition]);
      await kernel.db.query(`update kernel.events set stream_version = 2 where global_position = $1`, [
        last.globalPosition,
      ]);

      const report = await verifier.verify();

      // Versions 1–2 are contiguous now; the moved event still counts at version 3, signed for.
      expect(report.problems).toEqual([
        {
          kind: 'removed',
          streamId: 'order-4',
          streamVersion: 2,
          detail: `Version 2 of stream order-4 is missing though version 3 is stored (it was stored after global position ${first.globalPosition} and before ${last.globalPosition}): it was removed`,
        },
        {
          kind: 'reordered',
          globalPosition: last.globalPosition,
          streamId: 'order-4',
          streamVersion: 2,
          eventId: last.eventId,
          detail: `Stored as version 2 at global position ${last.globalPosition}, but signed as version 3 at global position ${last.globalPosition}: it was moved`,
        },
      ]);
    });
  });

  describe('a moved or copied event', () => {
    it('names an event moved past the end of its stream once, as moved, not as a gap', async () => {
      await seed(kernel);
      await sealAll(kernel);
      const target = await at(kernel, 'order-2', 3);
      await kernel.db.query(`update kernel.events set stream_version = 7 where global_position = $1`, [
        target.globalPosition,
      ]);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({
        kind: 'reordered',
        globalPosition: target.globalPosition,
        streamId: 'order-2',
        streamVersion: 7,
        sealNumber: await sealListing(kernel, target.globalPosition),
        detail: expect.stringContaining('signed as version 3') as unknown,
      });
    });

    it('names an event stored twice, which takes dropping the unique constraints first', async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const target = await at(kernel, 'order-4', 2);
      await kernel.db.query(
        'alter table kernel.events drop constraint events_stream_version_unique, drop constraint events_pkey',
      );
      await kernel.db.query(
        'insert into kernel.events select * from kernel.events where global_position = $1',
        [target.globalPosition],
      );

      const report = await verifier.verify();

      // An exact copy carries a valid HMAC: only the stream's versions show it.
      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toEqual({
        kind: 'stream-version-mismatch',
        globalPosition: target.globalPosition,
        streamId: 'order-4',
        streamVersion: 2,
        eventId: target.eventId,
        detail: 'Version 2 of stream order-4 is stored more than once: an event was copied',
      });
    });
  });

  describe('a broken seal', () => {
    it('names a seal whose positions were changed', async () => {
      await seed(kernel);
      await sealAll(kernel);
      await tamperWithSeals(
        kernel,
        'update kernel.seals set positions = positions[2:cardinality(positions)] || positions[1:1] where seal_number = 2',
      );

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({
        kind: 'seal-broken',
        sealNumber: 2,
        detail:
          'Seal 2 does not match its chain: its row (positions, count, last position or chain) was changed',
      });
    });

    it('names the first seal whose chain was changed', async () => {
      await seed(kernel);
      await sealAll(kernel);
      await tamperWithSeals(kernel, `update kernel.seals set chain = sha256('forged') where seal_number = 1`);

      const report = await verifier.verify();

      expect(report.firstProblem).toMatchObject({ kind: 'seal-broken', sealNumber: 1 });
    });

    it('names a seal that was deleted', async () => {
      await seed(kernel);
      await sealAll(kernel, 2);
      await tamperWithSeals(kernel, 'delete from kernel.seals where seal_number = 2');

      const report = await verifier.verify();

      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({ kind: 'seal-broken', sealNumber: 2 });
      expect(report.firstProblem?.detail).toContain('Seal 2 is missing');
    });

    it('finds a truncated log against an anchor recorded earlier', async () => {
      await seed(kernel);
      await sealAll(kernel, 2);
      const intact = await verifier.verify();
      const anchor = intact.latestSeal;
      if (!anchor) throw new Error('no seal');
      expect(
        (await verifier.verify({ anchor: { sealNumber: anchor.sealNumber, chain: anchor.chain } })).intact,
      ).toBe(true);

      await tamperWithSeals(kernel, 'delete from kernel.seals where seal_number = $1', [anchor.sealNumber]);
      // Without the anchor the shortened chain of seals cannot be told from one not yet extended.
      expect((await verifier.verify()).intact).toBe(true);
      const report = await verifier.verify({
        anchor: { sealNumber: anchor.sealNumber, chain: anchor.chain },
      });
      expect(report.problemCount).toBe(1);
      expect(report.firstProblem).toMatchObject({ kind: 'seal-broken', sealNumber: anchor.sealNumber });
      expect(report.firstProblem?.detail).toContain('recorded as anchor, is missing');

      const forged = await verifier.verify({ anchor: { sealNumber: 1, chain: 'ab'.repeat(32) } });
      expect(forged.firstProblem).toMatchObject({ kind: 'seal-broken', sealNumber: 1 });
    });
  });

  describe('the first problem', () => {
    it('is the earliest in commit order, whatever the kinds and the order they were made in', async () => {
      await seed(kernel);
      await sealAll(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const late = await at(kernel, 'order-4', 2);
      const early = await at(kernel, 'order-1', 2);
      await kernel.db.query(`update kernel.events set data = '{}' where global_position = $1`, [
        late.globalPosition,
      ]);
      await kernel.db.query('delete from kernel.events where global_position = $1', [early.globalPosition]);

      const report = await verifier.verify();

      expect(report.problemCount).toBe(2);
      expect(report.problems.map((problem) => [problem.kind, problem.globalPosition])).toEqual([
        ['removed', early.globalPosition],
        ['changed', late.globalPosition],
      ]);
    });

    it('puts an event changed early before a gap in a stream later', async () => {
      await seed(kernel);
      await append(kernel, 'order-4', 3, 'no_stream');
      const early = await at(kernel, 'order-1', 1);
      const gone = await at(kernel, 'order-4', 2);
      await kernel.db.query('delete from kernel.events where global_position = $1', [gone.globalPosition]);
      await kernel.db.query(
        `update kernel.events set event_type = 'OrderForged' where global_position = $1`,
        [early.globalPosition],
      );

      const report = await verifier.verify();

      expect(
        report.problems.map((problem) => [problem.kind, problem.streamId, problem.streamVersion]),
      ).toEqual([
        ['changed', 'order-1', 1],
        ['removed', 'order-4', 2],
      ]);
    });
  });
});
