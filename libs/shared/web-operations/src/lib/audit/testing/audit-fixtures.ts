import { type AuditEvent, type IntegrityReport } from '@bandstand/shared/contracts';

/** A stored event at `globalPosition`, with whatever the test changes. */
export function auditEventFixture(globalPosition: string, changes: Partial<AuditEvent> = {}): AuditEvent {
  return {
    globalPosition,
    transactionId: '7731',
    streamId: 'identity-user-7f3c',
    streamVersion: 2,
    eventId: `0b7e1c2a-0000-4000-8000-${globalPosition.padStart(12, '0')}`,
    type: 'EmailVerified',
    schemaVersion: 1,
    data: { userId: '7f3c', verifiedAt: '2026-11-21T09:58:00.000Z' },
    extra: { requestId: 'req-9' },
    correlationId: 'corr-42',
    causationId: null,
    actor: 'user:7f3c',
    tenantId: '7f3c',
    recordedAt: '2026-11-21T09:58:00.000Z',
    hash: 'ab'.repeat(32),
    ...changes,
  };
}

/** A report of an intact store, with whatever the test changes. */
export function intactReportFixture(changes: Partial<IntegrityReport> = {}): IntegrityReport {
  return {
    intact: true,
    complete: true,
    checkedEvents: 1234,
    checkedStreams: 56,
    seals: 3,
    unsealedEvents: 0,
    problemCount: 0,
    problems: [],
    latestSeal: {
      sealNumber: 3,
      eventCount: 234,
      lastGlobalPosition: '1234',
      lastTransactionId: '9001',
      chain: 'cd'.repeat(32),
      sealedAt: '2026-11-21T09:59:00.000Z',
    },
    startedAt: '2026-11-21T10:00:00.000Z',
    finishedAt: '2026-11-21T10:00:01.000Z',
    ...changes,
  };
}

/** A report finding event identity-user-7f3c version 2 changed, and one more problem. */
export function tamperedReportFixture(): IntegrityReport {
  const changed = {
    kind: 'changed',
    globalPosition: '1042',
    streamId: 'identity-user-7f3c',
    streamVersion: 2,
    eventId: '0b7e1c2a-0000-4000-8000-000000001042',
    sealNumber: 2,
    detail: 'Its content (data, type, metadata, time) or hash no longer matches its HMAC: it was changed',
  } as const;
  return intactReportFixture({
    intact: false,
    problemCount: 2,
    firstProblem: changed,
    problems: [changed, { kind: 'seal-broken', sealNumber: 3, detail: 'Seal 3 does not verify' }],
  });
}
