import { randomUUID } from 'node:crypto';
import { type ExpectedStreamVersion, STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { createTestDatabase } from '@bandstand/shared/testing';
import pg from 'pg';
import { type BenchClient, benchStreamId, type ContenderSession } from './contender';

/**
 * Emmett's PostgreSQL event store through its public API. Its pool is ours, so that it holds as
 * many connections as there are clients (dumbo's own would hold pg's default of 10); its schema is
 * migrated before the clock starts. Emmett turns int8 into BigInt for the whole process, one more
 * reason each measurement runs in a process of its own.
 */
export async function openEmmett(clients: number): Promise<ContenderSession> {
  const database = await createTestDatabase('bandstand_bench');
  const pool = new pg.Pool({ connectionString: database.url, max: clients });
  // An idle connection ended by the server is dropped from the pool; without a listener, it would crash us.
  pool.on('error', () => undefined);
  const eventStore = getPostgreSQLEventStore(database.url, { connectionOptions: { pool } });
  await eventStore.schema.migrate();
  const salt = randomUUID().slice(0, 8);
  return {
    databaseUrl: database.url,
    client(index): BenchClient {
      const stream = benchStreamId(index, salt);
      let expected: ExpectedStreamVersion = STREAM_DOES_NOT_EXIST;
      return {
        async append(events, metadata) {
          const result = await eventStore.appendToStream(
            stream,
            events.map((event) => ({ type: event.type, data: event.data, metadata: { ...metadata } })),
            { expectedStreamVersion: expected },
          );
          expected = result.nextExpectedStreamVersion;
        },
      };
    },
    async close() {
      await eventStore.close();
      await pool.end();
      await database.drop();
    },
  };
}
