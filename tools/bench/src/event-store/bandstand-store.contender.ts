import { randomUUID } from 'node:crypto';
import { type ExpectedVersion } from '@bandstand/shared/event-store';
import { createKernelTestHarness } from '@bandstand/shared/event-store/testing';
import { type BenchClient, benchStreamId, type ContenderSession } from './contender';

/**
 * Bandstand's EventStore as the command path uses it outside a transaction: `append` in autocommit
 * on a KernelDatabase over MikroORM (pool = clients), with its HMACs and its commit notifier.
 */
export async function openBandstandStore(clients: number): Promise<ContenderSession> {
  const kernel = await createKernelTestHarness({ poolMax: clients });
  const salt = randomUUID().slice(0, 8);
  return {
    databaseUrl: kernel.database.url,
    client(index): BenchClient {
      const stream = benchStreamId(index, salt);
      let version = 0;
      return {
        async append(events, metadata) {
          const expectedVersion: ExpectedVersion = version === 0 ? 'no_stream' : version;
          const result = await kernel.store.append(stream, events, { expectedVersion, metadata });
          version = result.nextVersion;
        },
      };
    },
    close: () => kernel.close(),
  };
}
