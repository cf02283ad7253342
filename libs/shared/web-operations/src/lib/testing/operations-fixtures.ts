import {
  type HorizonHolderView,
  type KernelOperationsOverview,
  type ParkedEventView,
  type SubscriptionOperationsView,
} from '@bandstand/shared/contracts';

/** When the fixtures' figures were read. */
export const READ_AT = '2026-11-21T10:00:00.000Z';

const BASE: SubscriptionOperationsView = {
  name: 'catalog.release-list',
  kind: 'projection',
  definitionVersion: 3,
  status: 'running',
  checkpoint: { transactionId: '7731', globalPosition: '1042' },
  eventsHandled: 1042,
  eventsBehind: 12,
  eventsBehindCapped: false,
  lagSeconds: 0.4,
  oldestUnprocessedAt: '2026-11-21T09:59:59.600Z',
  lastEventRecordedAt: '2026-11-21T09:59:59.000Z',
  lastHandledAt: '2026-11-21T09:59:59.500Z',
  lease: { owner: 'worker-1:41:1a2b3c4d', expiresAt: '2026-11-21T10:00:12.000Z', live: true },
  rebuild: { requestedAt: null, startedAt: null, finishedAt: null, done: null, total: null },
  lastError: null,
  parkedCount: 0,
  updatedAt: READ_AT,
};

/** A projection that keeps up. */
export const RUNNING = BASE;

/** A projection halfway through a rebuild. */
export const REBUILDING: SubscriptionOperationsView = {
  ...BASE,
  name: 'royalties.statements',
  status: 'rebuilding',
  eventsBehind: 100_000,
  eventsBehindCapped: true,
  lagSeconds: 7_800,
  rebuild: {
    requestedAt: null,
    startedAt: '2026-11-21T09:58:00.000Z',
    finishedAt: null,
    done: 52_000,
    total: 120_000,
  },
};

/** A processor that stopped on a poison event and parked two others. */
export const FAILED: SubscriptionOperationsView = {
  ...BASE,
  name: 'perks.delivery',
  kind: 'processor',
  status: 'failed',
  lease: { owner: 'worker-2:7:dcba4321', expiresAt: '2026-11-21T09:59:30.000Z', live: false },
  lastError: {
    message: 'Event 1043 (PerkClaimed, perk-9): wallet not found',
    at: '2026-11-21T09:59:00.000Z',
  },
  parkedCount: 2,
};

/** An idle-in-transaction session holding the read horizon for a minute and a half. */
export const HOLDER: HorizonHolderView = {
  pid: 4242,
  database: 'bandstand',
  user: 'bandstand',
  applicationName: 'psql',
  state: 'idle in transaction',
  transactionStartedAt: '2026-11-21T09:58:27.000Z',
  ageSeconds: 93,
  queryStartedAt: '2026-11-21T09:58:27.100Z',
  preparedTransaction: null,
};

/** An overview with the three subscribers above, a held horizon and two queues. */
export function overviewFixture(overrides: Partial<KernelOperationsOverview> = {}): KernelOperationsOverview {
  return {
    generatedAt: READ_AT,
    head: { transactionId: '7790', globalPosition: '1054', recordedAt: '2026-11-21T09:59:59.900Z' },
    horizon: { transactionId: '7731', eventsWaiting: 8, eventsWaitingCapped: false, holder: HOLDER },
    subscriptions: [FAILED, RUNNING, REBUILDING],
    queues: {
      status: 'ok',
      queues: [
        {
          queue: 'perks.delivery',
          waiting: 3,
          active: 1,
          delayed: 0,
          failed: 0,
          completed: 20,
          paused: 0,
          outbox: { pending: 0, dispatched: 1, failed: 0, oldestPendingAt: null },
        },
        {
          queue: 'royalties.ingest',
          waiting: 7,
          active: 2,
          delayed: 1,
          failed: 4,
          completed: 310,
          paused: 0,
          outbox: { pending: 5, dispatched: 2, failed: 1, oldestPendingAt: '2026-11-21T09:59:00.000Z' },
        },
      ],
    },
    ...overrides,
  };
}

/** A parked event of {@link FAILED}. */
export function parkedFixture(
  globalPosition: string,
  overrides: Partial<ParkedEventView> = {},
): ParkedEventView {
  return {
    subscription: FAILED.name,
    globalPosition,
    transactionId: '7732',
    eventId: `00000000-0000-4000-8000-${globalPosition.padStart(12, '0')}`,
    eventType: 'PerkClaimed',
    streamId: 'perk-9',
    attempts: 5,
    error: 'wallet not found',
    parkedAt: '2026-11-21T09:59:00.000Z',
    retryRequestedAt: null,
    ...overrides,
  };
}
