import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type OrgRole, type StaffRole } from '@bandstand/shared/contracts';
import { type FastifyRequest } from 'fastify';
import { type AccessPolicy } from './access-policy';
import { Unauthenticated } from './access.errors';

/** A signed-in caller, as established by the server from a verified access token. */
export interface Principal {
  readonly userId: string;
  /** The session the access token belongs to. */
  readonly sessionId: string;
  /** Staff roles; empty for fans and artists. */
  readonly staffRoles: readonly StaffRole[];
}

/** What the {@link AccessGuard} established about a request. */
export interface AccessContext {
  readonly policy: AccessPolicy;
  readonly principal: Principal | null;
  /** The organisation an `org` policy admitted the caller to, and the caller's role there. */
  readonly orgId?: string;
  /** Null when a staff member was admitted through the policy's staff permission. */
  readonly orgRole?: OrgRole | null;
}

/**
 * Turns a request's credentials into a {@link Principal}: null without credentials; throws
 * {@link Unauthenticated} (or a subclass) for credentials that are forged, expired or revoked.
 * The identity context provides it.
 */
export interface PrincipalResolver {
  resolve(request: FastifyRequest): Promise<Principal | null>;
}

/** A member's current role in an organisation, read at every request so that removal acts at once. */
export interface MembershipLookup {
  roleIn(orgId: string, userId: string): Promise<OrgRole | null>;
}

/** Injection token of the process's {@link PrincipalResolver}. */
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
/** Injection token of the process's {@link MembershipLookup}. */
export const MEMBERSHIP_LOOKUP = Symbol('MEMBERSHIP_LOOKUP');

const contexts = new WeakMap<object, AccessContext>();

/** Records what the guard established; only the guard calls it. */
export function setAccessContext(request: FastifyRequest, context: AccessContext): void {
  contexts.set(request, context);
}

/** What the guard established about `request`; undefined before the guard ran. */
export function accessContextOf(request: FastifyRequest): AccessContext | undefined {
  return contexts.get(request);
}

/** The signed-in caller of `request`, or null. */
export function principalOf(request: FastifyRequest): Principal | null {
  return contexts.get(request)?.principal ?? null;
}

/** The signed-in caller; on a route whose policy admits anonymous callers, a 401 when there is none. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (principal === null) throw new Unauthenticated();
    return principal;
  },
);

/** The whole {@link AccessContext} of the request. */
export const CurrentAccess = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessContext => {
    const access = accessContextOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (access === undefined) throw new Unauthenticated();
    return access;
  },
);
