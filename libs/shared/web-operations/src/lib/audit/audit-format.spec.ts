import { auditEventFixture } from './testing/audit-fixtures';
import { eventMetadata, formatJson, localToIso, problemSubject } from './audit-format';

describe('audit formatting', () => {
  it('names what a finding is about as precisely as the report does', () => {
    const detail = 'd';
    expect(
      problemSubject({
        kind: 'changed',
        streamId: 'release-7',
        streamVersion: 3,
        globalPosition: '1042',
        detail,
      }),
    ).toBe('event release-7 version 3 at position 1042');
    expect(problemSubject({ kind: 'removed', streamId: 'release-7', streamVersion: 2, detail })).toBe(
      'event release-7 version 2',
    );
    expect(problemSubject({ kind: 'removed', globalPosition: '17', sealNumber: 1, detail })).toBe(
      'the event at position 17',
    );
    expect(problemSubject({ kind: 'seal-broken', sealNumber: 12, detail })).toBe('seal 12');
    expect(problemSubject({ kind: 'stream-version-mismatch', streamId: 'release-7', detail })).toBe(
      'stream release-7',
    );
    expect(problemSubject({ kind: 'seal-broken', detail })).toBe('the event store');
  });

  it('indents JSON for reading', () => {
    expect(formatJson({ a: [1, null], b: 'x' })).toBe('{\n  "a": [\n    1,\n    null\n  ],\n  "b": "x"\n}');
    expect(formatJson(null)).toBe('null');
    expect(formatJson(undefined)).toBe('');
  });

  it('gathers everything but the data as the metadata', () => {
    const event = auditEventFixture('5', { causationId: 'evt-4', tenantId: null });
    expect(eventMetadata(event)).toEqual({
      eventId: event.eventId,
      globalPosition: '5',
      transactionId: '7731',
      streamId: 'identity-user-7f3c',
      streamVersion: 2,
      type: 'EmailVerified',
      schemaVersion: 1,
      correlationId: 'corr-42',
      causationId: 'evt-4',
      actor: 'user:7f3c',
      tenantId: null,
      recordedAt: '2026-11-21T09:58:00.000Z',
      hash: 'ab'.repeat(32),
      extra: { requestId: 'req-9' },
    });
  });

  it('reads a datetime-local value in the browser time zone, and nothing for an empty field', () => {
    expect(localToIso('2026-11-21T10:30')).toBe(new Date(2026, 10, 21, 10, 30).toISOString());
    expect(localToIso('2026-11-21T10:30:15')).toBe(new Date(2026, 10, 21, 10, 30, 15).toISOString());
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('  ')).toBeUndefined();
  });
});
