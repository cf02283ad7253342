import { randomBytes, randomUUID } from 'node:crypto';
import { kernelPersistence } from '@bandstand/shared/event-store';
import { migrateDatabase, platformPersistence } from '@bandstand/shared/persistence';
import { createTestDatabase } from '@bandstand/shared/testing';
import pg from 'pg';
import { type BenchClient, benchStreamId, type ContenderSession } from './contender';

const COLUMNS = `global_position, stream_id, stream_version, event_id, event_type, schema_version, data,
  metadata, correlation_id, causation_id, actor, tenant_id, recorded_at, hash`;

const INSERT_ONE = `insert into kernel.events (${COLUMNS})
  values (nextval('kernel.events_global_position_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

const INSERT_MANY = `insert into kernel.events (${COLUMNS})
  select nextval('kernel.events_global_position_seq'), $1, e.stream_version, e.event_id, e.event_type,
    e.schema_version, e.data, $7, $8, $9, $10, $11, $12, e.hash
  from unnest($2::bigint[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $13::bytea[])
    as e(stream_version, event_id, event_type, schema_version, data, hash)`;

/**
 * The floor: a plain `pg` pool inserting rows of kernel.events' shape into kernel.events itself (the
 * kernel's migrations create it, so columns, indexes and sequence cannot drift from the store's),
 * one autocommit statement per append. It checks no version and keeps no stream row; a fixed
 * 32-byte value stands in for the HMAC.
 */
export async function openRawInsert(clients: number): Promise<ContenderSession> {
  const database = await createTestDatabase('bandstand_bench');
  await migrateDatabase({ url: database.url, contexts: [platformPersistence, kernelPersistence] });
  const pool = new pg.Pool({ connectionString: database.url, max: clients });
  // An idle connection ended by the server is dropped from the pool; without a listener, it would crash us.
  pool.on('error', () => undefined);
  const hash = randomBytes(32);
  const salt = randomUUID().slice(0, 8);
  return {
    databaseUrl: database.url,
    client(index): BenchClient {
      const stream = benchStreamId(index, salt);
      let version = 0;
      return {
        async append(events, metadata) {
          // Text, as the store sends it: node-postgres formats Date parameters slowly (local time).
          const at = new Date().toISOString();
          const common = [
            JSON.stringify({}),
            metadata.correlationId,
            metadata.causationId,
            metadata.actor,
            metadata.tenantId,
            at,
          ];
          const first = events[0];
          if (events.length === 1 && first) {
            await pool.query(INSERT_ONE, [
              stream,
              version + 1,
              randomUUID(),
              first.type,
              1,
              JSON.stringify(first.data),
              ...common,
              hash,
            ]);
          } else {
            await pool.query(INSERT_MANY, [
              stream,
              events.map((_, offset) => version + 1 + offset),
              events.map(() => randomUUID()),
              events.map((event) => event.type),
              events.map(() => 1),
              events.map((event) => JSON.stringify(event.data)),
              ...common,
              events.map(() => hash),
            ]);
          }
          version += events.length;
        },
      };
    },
    async close() {
      await pool.end();
      await database.drop();
    },
  };
}
