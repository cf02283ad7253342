import { type AuditEvent, type AuditEventQuery, DomainError } from '@bandstand/shared/contracts';
import { type ContextPersistence, migrateDatabase, platformPersistence } from '@bandstand/shared/persistence';
import { createTestDatabase } from '@bandstand/shared/testing';
import { Client } from 'pg';
import { kernelPersistence } from '../kernel.persistence';
import { type EventMetadata } from '../store/event';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import {
  AUDIT_INDEX_STATEMENTS,
  Migration20261121_add_audit_indexes_to_events,
} from './20261121-add-audit-indexes-to-events.migration';
import { encodeAuditCursor } from './audit-cursor';
import { AuditLog, auditStatement } from './audit-log.service';

function metadata(actor: string, tenantId: string | null, extra?: Record<string, unknown>): EventMetadata {
  return { correlationId: `c-${actor}`, causationId: null, actor, tenantId, ...(extra ? { extra } : {}) };
}

/** Where an event sits in the listing: stream@version. */
function places(events: readonly AuditEvent[]): string[] {
  return events.map((event) => `${event.streamId}@${event.streamVersion}`);
}

/** A kernel harness with the audit indexes, which the kernel's descriptor may not list yet. */
async function auditHarness(): Promise<KernelTestHarness> {
  const kernel = await createKernelTestHarness();
  for (const statement of AUDIT_INDEX_STATEMENTS) await kernel.db.query(statement);
  return kernel;
}

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('AuditLog against PostgreSQL', () => {
  let kernel: KernelTestHarness;
  let log: AuditLog;

  beforeAll(async () => {
    kernel = await auditHarness();
    log = new AuditLog(kernel.db);
    const at = (iso: string) => new Date(iso);
    // In log order: thing-a_1 v1–v2 and thing-ab1 v1 by user:1 for org-1, other-1 by system,
    // thing-a_1 v3 by user:2, one per day from 20 to 24 November.
    await kernel.store.append(
      'thing-a_1',
      [
        { type: 'ThingMade', data: { name: 'first' } },
        { type: 'ThingRenamed', data: { name: 'second' }, schemaVersion: 1 },
      ],
      {
        expectedVersion: 'no_stream',
        metadata: metadata('user:1', 'org-1', { requestId: 'r-1' }),
        recordedAt: at('2026-11-20T10:00:00.000Z'),
      },
    );
    await kernel.store.append('thing-ab1', [{ type: 'ThingMade', data: { name: 'other' } }], {
      expectedVersion: 'no_stream',
      metadata: metadata('user:1', 'org-1'),
      recordedAt: at('2026-11-21T10:00:00.000Z'),
    });
    await kernel.store.append('other-1', [{ type: 'OtherNoted', data: [1, 'two', null] }], {
      expectedVersion: 'no_stream',
      metadata: metadata('system', null),
      recordedAt: at('2026-11-22T10:00:00.000Z'),
    });
    await kernel.store.append('thing-a_1', [{ type: 'ThingRenamed', data: { name: 'third' } }], {
      expectedVersion: 2,
      metadata: metadata('user:2', 'org-2'),
      recordedAt: at('2026-11-23T10:00:00.000Z'),
    });
    // Read models see ThingRenamed at v2 from now on; the audit log shows what was stored.
    kernel.schemas.register({
      type: 'ThingRenamed',
      version: 2,
      upcasters: { 1: (data) => ({ ...(data as object), upcast: true }) },
    });
  });

  afterAll(() => kernel.close());

  const list = async (query: AuditEventQuery) => places((await log.events(query)).items);

  it('lists every event newest first, exactly as stored, with the HMAC the store keeps', async () => {
    const page = await log.events();
    expect(places(page.items)).toEqual([
      'thing-a_1@3',
      'other-1@1',
      'thing-ab1@1',
      'thing-a_1@2',
      'thing-a_1@1',
    ]);
    expect(page.nextCursor).toBeNull();
    const renamed = page.items[3];
    expect(renamed).toMatchObject({
      streamId: 'thing-a_1',
      streamVersion: 2,
      type: 'ThingRenamed',
      schemaVersion: 1,
      data: { name: 'second' },
      extra: { requestId: 'r-1' },
      correlationId: 'c-user:1',
      causationId: null,
      actor: 'user:1',
      tenantId: 'org-1',
      recordedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(page.items[1]?.data).toEqual([1, 'two', null]);
    expect(page.items[1]?.tenantId).toBeNull();
    for (const event of page.items) {
      expect(event.globalPosition).toMatch(/^\d+$/);
      expect(event.transactionId).toMatch(/^\d+$/);
      const expected = kernel.hasher.hashOf(
        {
          streamId: event.streamId,
          eventId: event.eventId,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: {
            correlationId: event.correlationId,
            causationId: event.causationId,
            actor: event.actor,
            tenantId: event.tenantId,
            extra: event.extra,
          },
          recordedAt: new Date(event.recordedAt),
        },
        { streamVersion: event.streamVersion, globalPosition: BigInt(event.globalPosition) },
      );
      expect(event.hash).toBe(expected.toString('hex'));
    }
  });

  it('filters by exact stream, or by a prefix taken literally', async () => {
    expect(await list({ streamId: 'thing-a_1' })).toEqual(['thing-a_1@3', 'thing-a_1@2', 'thing-a_1@1']);
    expect(await list({ streamId: 'thing-a' })).toEqual([]);
    expect(await list({ streamPrefix: 'thing-' })).toEqual([
      'thing-a_1@3',
      'thing-ab1@1',
      'thing-a_1@2',
      'thing-a_1@1',
    ]);
    // `_` and `%` are characters, not LIKE wildcards.
    expect(await list({ streamPrefix: 'thing-a_' })).toEqual(['thing-a_1@3', 'thing-a_1@2', 'thing-a_1@1']);
    expect(await list({ streamPrefix: 'thing-%' })).toEqual([]);
  });

  it('filters by actor, tenant and type', async () => {
    expect(await list({ actor: 'user:1' })).toEqual(['thing-ab1@1', 'thing-a_1@2', 'thing-a_1@1']);
    expect(await list({ actor: 'user:' })).toEqual([]);
    expect(await list({ tenantId: 'org-2' })).toEqual(['thing-a_1@3']);
    expect(await list({ type: 'ThingRenamed' })).toEqual(['thing-a_1@3', 'thing-a_1@2']);
  });

  it('filters by time: from inclusive, to exclusive, a date meaning midnight UTC', async () => {
    expect(await list({ from: '2026-11-21T10:00:00.000Z' })).toEqual([
      'thing-a_1@3',
      'other-1@1',
      'thing-ab1@1',
    ]);
    expect(await list({ to: '2026-11-21T10:00:00.000Z' })).toEqual(['thing-a_1@2', 'thing-a_1@1']);
    expect(await list({ from: '2026-11-21', to: '2026-11-23' })).toEqual(['other-1@1', 'thing-ab1@1']);
    expect(await list({ from: '2026-11-22T11:00+01:00', to: '2026-11-22T11:00:00.001+01:00' })).toEqual([
      'other-1@1',
    ]);
  });

  it('combines filters with AND', async () => {
    expect(await list({ streamPrefix: 'thing-', actor: 'user:1', type: 'ThingMade' })).toEqual([
      'thing-ab1@1',
      'thing-a_1@1',
    ]);
    expect(
      await list({ streamId: 'thing-a_1', tenantId: 'org-1', from: '2026-11-20T10:00:00.001Z' }),
    ).toEqual([]);
    expect(await list({ streamId: 'other-1', streamPrefix: 'thing-' })).toEqual([]);
  });

  it('pages with a cursor to the last page, which has none', async () => {
    const first = await log.events({ limit: 2 });
    expect(places(first.items)).toEqual(['thing-a_1@3', 'other-1@1']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await log.events({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(places(second.items)).toEqual(['thing-ab1@1', 'thing-a_1@2']);
    const third = await log.events({ limit: 2, cursor: second.nextCursor ?? '' });
    expect(places(third.items)).toEqual(['thing-a_1@1']);
    expect(third.nextCursor).toBeNull();
    // A page that is exactly full says so without a cursor to an empty page.
    expect((await log.events({ limit: 5 })).nextCursor).toBeNull();
    expect((await log.events({ cursor: encodeAuditCursor('1') })).items).toEqual([]);
  });

  it('refuses a time range that ends before it starts, naming "to"', async () => {
    for (const range of [
      { from: '2026-11-22', to: '2026-11-21' },
      { from: '2026-11-22T00:00Z', to: '2026-11-22' },
    ]) {
      const error = await thrown(log.events(range));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'KERNEL.AUDIT_QUERY_INVALID', status: 400, field: 'to' });
    }
  });

  it('refuses a cursor it did not hand out', async () => {
    expect(await thrown(log.events({ cursor: 'bm9wZQ' }))).toMatchObject({
      code: 'KERNEL.INVALID_CURSOR',
      field: 'cursor',
    });
  });
});

describe('AuditLog paging while events are appended', () => {
  let kernel: KernelTestHarness;
  let log: AuditLog;
  let appended = 0;

  beforeAll(async () => {
    kernel = await auditHarness();
    log = new AuditLog(kernel.db);
  });
  afterAll(() => kernel.close());

  /** One event on each of `page-<n>` and `noise-<n>`, in one transaction or two. */
  async function appendMore(): Promise<void> {
    appended += 1;
    const write = async () => {
      await kernel.store.append(`page-${appended % 3}`, [{ type: 'PageNoted', data: { n: appended } }], {
        expectedVersion: 'any',
        metadata: metadata('user:pager', 'org-1'),
      });
      await kernel.store.append(`noise-${appended}`, [{ type: 'NoiseMade', data: {} }], {
        expectedVersion: 'no_stream',
        metadata: metadata('user:other', null),
      });
    };
    if (appended % 2 === 0) await kernel.db.transaction(write);
    else await write();
  }

  async function positionsOf(query: AuditEventQuery, atMost: string): Promise<string[]> {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await log.events({ ...query, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
      all.push(...page.items.map((event) => event.globalPosition).filter((p) => BigInt(p) <= BigInt(atMost)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return all;
  }

  it.each<[string, AuditEventQuery]>([
    ['the whole log', {}],
    ['a stream prefix', { streamPrefix: 'page-' }],
    ['an actor', { actor: 'user:pager' }],
  ])('returns %s once each, in order, without the events appended after the first page', async (_, query) => {
    for (let n = 0; n < 20; n++) await appendMore();
    const seen: string[] = [];
    let cursor: string | undefined;
    let top: string | undefined;
    let pages = 0;
    do {
      const page = await log.events({ ...query, limit: 3, ...(cursor === undefined ? {} : { cursor }) });
      top ??= page.items[0]?.globalPosition;
      seen.push(...page.items.map((event) => event.globalPosition));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      // New events land above the first page, some of them matching the filter.
      await appendMore();
      await appendMore();
    } while (cursor !== undefined);

    expect(pages).toBeGreaterThan(3);
    expect(top).toBeDefined();
    const descending = [...seen].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(seen).toEqual(descending);
    expect(new Set(seen).size).toBe(seen.length);
    // Exactly what matched when the first page was read: nothing skipped, nothing added.
    expect(seen).toEqual(await positionsOf(query, top ?? '0'));
  });
});

describe('AuditLog query plans', () => {
  let kernel: KernelTestHarness;

  /** Every node type and index name of the plan PostgreSQL picks for the audit statement. */
  async function planOf(query: AuditEventQuery, before: string | null = null): Promise<string[]> {
    const statement = auditStatement(query, before, 51);
    const [row] = await kernel.db.query<{ 'QUERY PLAN': unknown }>(
      `explain (format json) ${statement.text}`,
      statement.params,
    );
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record['Node Type'] === 'string') found.push(record['Node Type']);
      if (typeof record['Index Name'] === 'string') found.push(record['Index Name']);
      Object.values(record).forEach(visit);
    };
    visit(row?.['QUERY PLAN']);
    return found;
  }

  beforeAll(async () => {
    kernel = await auditHarness();
    // A log large enough for the planner to care: 20,000 events over 500 streams, 50 actors, 20
    // tenants and a minute apart, then a few rare ones to look for.
    await kernel.db.query(
      `insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
         data, metadata, correlation_id, actor, tenant_id, recorded_at, hash)
       select nextval('kernel.events_global_position_seq'), 'noise-' || (g % 500), g / 500 + 1, gen_random_uuid(),
         'NoiseMade', 1, '{}', '{}', 'c', 'user:noise-' || (g % 50), 'org-noise-' || (g % 20),
         timestamptz '2026-01-01' + g * interval '1 minute', '\\x00'::bytea
       from generate_series(0, 19999) g`,
    );
    await kernel.store.append('rare-1', [{ type: 'RareThing', data: {} }], {
      expectedVersion: 'no_stream',
      metadata: metadata('user:rare', 'org-rare'),
      recordedAt: new Date('2027-06-01T00:00:00.000Z'),
    });
    await kernel.db.query('analyze kernel.events');
  });
  afterAll(() => kernel.close());

  it.each<[string, AuditEventQuery, string]>([
    ['nothing', {}, 'events_pkey'],
    ['an exact stream', { streamId: 'rare-1' }, 'events_audit_stream_idx'],
    ['a stream prefix', { streamPrefix: 'rare-' }, 'events_audit_stream_idx'],
    ['an actor', { actor: 'user:rare' }, 'events_audit_actor_idx'],
    ['a tenant', { tenantId: 'org-rare' }, 'events_audit_tenant_idx'],
    ['a type', { type: 'RareThing' }, 'events_audit_type_idx'],
    ['a time range', { from: '2027-05-01', to: '2027-07-01' }, 'events_audit_recorded_at_idx'],
  ])('reads a page filtered by %s through an index', async (_, query, index) => {
    for (const before of [null, '15000']) {
      const plan = await planOf(query, before);
      expect(plan).not.toContain('Seq Scan');
      expect(plan).toContain(index);
    }
  });
});

describe('the audit indexes migration', () => {
  it('creates the five indexes when MikroORM runs it', async () => {
    const database = await createTestDatabase('bandstand_kernel');
    try {
      const standIn: ContextPersistence = {
        context: 'audit-indexes-test',
        schema: 'audit_indexes_test',
        entities: [],
        migrations: [
          {
            name: 'Migration20261121_add_audit_indexes_to_events',
            class: Migration20261121_add_audit_indexes_to_events,
          },
        ],
      };
      await migrateDatabase({
        url: database.url,
        contexts: [platformPersistence, kernelPersistence, standIn],
      });
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const indexes = await client.query<{ indexname: string }>(
          `select indexname from pg_indexes where schemaname = 'kernel' and indexname like 'events_audit_%' order by 1`,
        );
        expect(indexes.rows.map((row) => row.indexname)).toEqual([
          'events_audit_actor_idx',
          'events_audit_recorded_at_idx',
          'events_audit_stream_idx',
          'events_audit_tenant_idx',
          'events_audit_type_idx',
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });

  it('is listed in the kernel persistence descriptor, so that the api and worker create the indexes', () => {
    expect(kernelPersistence.migrations).toContainEqual({
      name: 'Migration20261121_add_audit_indexes_to_events',
      class: Migration20261121_add_audit_indexes_to_events,
    });
  });
});
