import { type CommandMetadata, streamId } from '@bandstand/shared/event-store';

/** The stream of a user's staff roles: `identity-staff-<userId>`. */
export function staffRolesStreamId(userId: string): string {
  return streamId('identity', `staff-${userId}`);
}

/** The stream of a request for a second approval: `identity-approval-<approvalId>`. */
export function approvalStreamId(approvalId: string): string {
  return streamId('identity', `approval-${approvalId}`);
}

/** The approval an `identity-approval-<approvalId>` stream belongs to. */
export function approvalIdOfStream(stream: string): string {
  const prefix = approvalStreamId('');
  if (!stream.startsWith(prefix)) throw new Error(`${stream} is not an approval stream`);
  return stream.slice(prefix.length);
}

/** A staff member (or the platform itself, `system`) acting, under a correlation id. */
export interface StaffActor {
  /** The staff member's user id, or `system`. */
  readonly userId: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** The actor string of event metadata: `user:<id>`, or `system`. */
export function actorString(actor: StaffActor): string {
  return actor.userId === 'system' ? 'system' : `user:${actor.userId}`;
}

/** Metadata of staff events; the tenant is the user the event is about (or null). */
export function staffMetadata(actor: StaffActor, tenantId: string | null): CommandMetadata {
  return {
    correlationId: actor.correlationId,
    causationId: actor.causationId ?? null,
    actor: actorString(actor),
    tenantId,
  };
}
