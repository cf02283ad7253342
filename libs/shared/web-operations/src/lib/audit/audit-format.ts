import {
  type AuditEvent,
  type IntegrityProblem,
  type IntegrityProblemKind,
} from '@bandstand/shared/contracts';

/** How the console names each kind of integrity finding. */
export const INTEGRITY_PROBLEM_LABELS: Readonly<Record<IntegrityProblemKind, string>> = {
  changed: 'Changed',
  removed: 'Removed',
  reordered: 'Reordered',
  'seal-broken': 'Seal broken',
  'stream-version-mismatch': 'Version stored twice',
};

/** A JSON value indented for reading; `undefined` (never stored) shows as nothing. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? '';
}

/** Everything recorded with an event besides its data, as an auditor reads it. */
export function eventMetadata(event: AuditEvent): Readonly<Record<string, unknown>> {
  return {
    eventId: event.eventId,
    globalPosition: event.globalPosition,
    transactionId: event.transactionId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    tenantId: event.tenantId,
    recordedAt: event.recordedAt,
    hash: event.hash,
    extra: event.extra,
  };
}

/**
 * What a finding is about, as precisely as the report names it: "event catalog-7 version 3 at
 * position 1042", "the event at position 1042", "seal 12", "stream catalog-7".
 */
export function problemSubject(problem: IntegrityProblem): string {
  const at = problem.globalPosition === undefined ? '' : ` at position ${problem.globalPosition}`;
  if (problem.streamId !== undefined && problem.streamVersion !== undefined) {
    return `event ${problem.streamId} version ${problem.streamVersion}${at}`;
  }
  if (problem.globalPosition !== undefined) return `the event${at}`;
  if (problem.sealNumber !== undefined) return `seal ${problem.sealNumber}`;
  if (problem.streamId !== undefined) return `stream ${problem.streamId}`;
  return 'the event store';
}

/**
 * The ISO moment a `datetime-local` field's value names in the browser's time zone, or undefined
 * for an empty field.
 */
export function localToIso(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? undefined : moment.toISOString();
}
