import { type Actor, type CommandMetadata } from '@bandstand/shared/event-store';
import { correlationIdOf } from '@bandstand/shared/http';
import { type FastifyRequest } from 'fastify';

/** The actor of requests from clients not signed in and not yet proven to be anyone. */
export const ANONYMOUS_ACTOR: Actor = 'anonymous';

/** The actor of a user's own actions. */
export function userActor(userId: string): Actor {
  return `user:${userId}`;
}

/**
 * The metadata of the commands one HTTP request causes: the request's correlation id, the actor,
 * and the user as tenant (identity's user and session streams belong to their user).
 */
export function requestMetadata(
  request: Pick<FastifyRequest, 'id'>,
  actor: Actor,
  tenantId: string | null,
): CommandMetadata {
  return { correlationId: correlationIdOf(request), causationId: null, actor, tenantId };
}
