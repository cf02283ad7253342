import { FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { externalIdentityStreamId } from './external-identity-stream';
import { ExternalIdentitiesProjection } from './external-identities.projection';
import { externalTables } from './external.tables';

/** The identity schema with only this area's tables. */
const externalPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  ...externalTables,
};

const ROWS_SQL = `select provider, subject, user_id,
  to_char(linked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as linked_at
  from identity.external_identities order by provider, subject`;

const claimed = (userId: string, provider: string, subject: string, recordedAt = FIXED_NOW_ISO) => ({
  type: 'ExternalIdentityClaimed',
  data: { userId, provider, subject },
  streamId: externalIdentityStreamId(provider, subject),
  recordedAt,
});
const released = (userId: string, provider: string, subject: string) => ({
  type: 'ExternalIdentityReleased',
  data: { userId, provider, subject },
  streamId: externalIdentityStreamId(provider, subject),
});

describe('ExternalIdentitiesProjection (identity.external_identities)', () => {
  let kernel: KernelTestHarness;
  const projection = new ExternalIdentitiesProjection();

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [externalPersistence] });
  });

  afterAll(async () => {
    await kernel.close();
  });

  it('adds a row per claimed provider account, linked when the claim was recorded', async () => {
    await projectionSpec(projection, kernel)
      .given([
        claimed('user-ana', 'spotify', 'wizzler', '2026-03-01T10:00:00.000Z'),
        claimed('user-ana', 'oidc', 'ana-sub'),
        claimed('user-bo', 'oidc', 'bo-sub'),
      ])
      .thenRows(ROWS_SQL, [
        { provider: 'oidc', subject: 'ana-sub', user_id: 'user-ana', linked_at: FIXED_NOW_ISO },
        { provider: 'oidc', subject: 'bo-sub', user_id: 'user-bo', linked_at: FIXED_NOW_ISO },
        {
          provider: 'spotify',
          subject: 'wizzler',
          user_id: 'user-ana',
          linked_at: '2026-03-01T10:00:00.000Z',
        },
      ]);
  });

  it('removes a released provider account, and a later claim by another user takes it over', async () => {
    await projectionSpec(projection, kernel)
      .given([
        claimed('user-ana', 'spotify', 'wizzler'),
        claimed('user-ana', 'oidc', 'ana-sub'),
        released('user-ana', 'spotify', 'wizzler'),
        claimed('user-bo', 'spotify', 'wizzler', '2026-02-01T00:00:00.000Z'),
      ])
      .thenRows(ROWS_SQL, [
        { provider: 'oidc', subject: 'ana-sub', user_id: 'user-ana', linked_at: FIXED_NOW_ISO },
        {
          provider: 'spotify',
          subject: 'wizzler',
          user_id: 'user-bo',
          linked_at: '2026-02-01T00:00:00.000Z',
        },
      ]);
  });

  it('gives the same rows when the events come one at a time', async () => {
    await projectionSpec(projection, kernel, { batchSize: 1 })
      .given([
        claimed('user-ana', 'oidc', 'ana-sub'),
        released('user-ana', 'oidc', 'ana-sub'),
        claimed('user-bo', 'oidc', 'ana-sub'),
      ])
      .thenRows(ROWS_SQL, [
        { provider: 'oidc', subject: 'ana-sub', user_id: 'user-bo', linked_at: FIXED_NOW_ISO },
      ]);
  });
});
