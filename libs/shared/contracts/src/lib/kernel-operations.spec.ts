import fc from 'fast-check';
import { isErrorCode } from './error-code';
import {
  HORIZON_WARNING_SECONDS,
  horizonStalled,
  KERNEL_OPERATIONS_ERROR_CODES,
  type HorizonHolderView,
  type ReadHorizonView,
  rebuildPercent,
  subscriptionOperationsPath,
} from './kernel-operations';

const HOLDER: HorizonHolderView = {
  pid: 4242,
  database: 'bandstand',
  user: 'bandstand',
  applicationName: 'psql',
  state: 'idle in transaction',
  transactionStartedAt: '2026-11-21T10:00:00.000Z',
  ageSeconds: 0,
  queryStartedAt: '2026-11-21T10:00:00.000Z',
  preparedTransaction: null,
};

function horizon(holder: HorizonHolderView | null): ReadHorizonView {
  return { transactionId: '1057', eventsWaiting: 0, eventsWaitingCapped: false, holder };
}

describe('kernel operations contract', () => {
  it('escapes a subscription name into its path', () => {
    expect(subscriptionOperationsPath('catalog.release-list')).toBe(
      '/api/v1/kernel/operations/subscriptions/catalog.release-list',
    );
    expect(subscriptionOperationsPath('a/b c')).toBe('/api/v1/kernel/operations/subscriptions/a%2Fb%20c');
  });

  it('warns about the horizon only once a holder has kept it long enough', () => {
    expect(horizonStalled(horizon(null))).toBe(false);
    expect(horizonStalled(horizon({ ...HOLDER, ageSeconds: HORIZON_WARNING_SECONDS - 0.1 }))).toBe(false);
    expect(horizonStalled(horizon({ ...HOLDER, ageSeconds: HORIZON_WARNING_SECONDS }))).toBe(true);
  });

  it('reports rebuild progress as a whole percent between 0 and 100', () => {
    const base = { requestedAt: null, startedAt: null, finishedAt: null };
    expect(rebuildPercent({ ...base, done: null, total: null })).toBeNull();
    expect(rebuildPercent({ ...base, done: 0, total: 0 })).toBe(100);
    expect(rebuildPercent({ ...base, done: 1, total: 3 })).toBe(33);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (done, total) => {
        const percent = rebuildPercent({ ...base, done, total });
        return percent !== null && Number.isInteger(percent) && percent >= 0 && percent <= 100;
      }),
    );
  });

  it('uses stable error codes of the KERNEL area', () => {
    for (const code of Object.values(KERNEL_OPERATIONS_ERROR_CODES)) {
      expect(isErrorCode(code)).toBe(true);
      expect(code.startsWith('KERNEL.')).toBe(true);
    }
  });
});
