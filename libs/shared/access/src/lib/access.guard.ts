import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { orgRoleAllows, staffRolesAllow } from '@bandstand/shared/contracts';
import { type FastifyRequest } from 'fastify';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy';
import { Forbidden, NoAccessPolicy, NotAMember, Unauthenticated } from './access.errors';
import {
  type AccessContext,
  MEMBERSHIP_LOOKUP,
  type MembershipLookup,
  PRINCIPAL_RESOLVER,
  type Principal,
  type PrincipalResolver,
  setAccessContext,
} from './principal';

/** The access policy declared on a handler, or else on its controller. */
export function policyOf(reflector: Reflector, context: ExecutionContext): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
    context.getHandler(),
    context.getClass(),
  ]);
}

function stringField(source: unknown, field: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The one access check of every HTTP route (deny by default): a route without a declared
 * {@link AccessPolicy} is refused; credentials are resolved to a {@link Principal} (forged,
 * expired or revoked ones are refused even on public routes, so a client learns its token is
 * bad); an organisation's routes admit only its members whose *current* role holds the
 * permission, and an `orgId` in the query or body must name that same organisation.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(PRINCIPAL_RESOLVER) private readonly principals?: PrincipalResolver,
    @Optional() @Inject(MEMBERSHIP_LOOKUP) private readonly memberships?: MembershipLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = policyOf(this.reflector, context);
    if (policy === undefined) {
      const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
      this.logger.error(`${route} has no access policy; refused`);
      throw new NoAccessPolicy(route);
    }
    const principal = this.principals === undefined ? null : await this.principals.resolve(request);
    setAccessContext(request, await this.admit(policy, principal, request));
    return true;
  }

  private async admit(
    policy: AccessPolicy,
    principal: Principal | null,
    request: FastifyRequest,
  ): Promise<AccessContext> {
    switch (policy.kind) {
      case 'public':
        return { policy, principal };
      case 'signedIn':
        if (principal === null) throw new Unauthenticated();
        return { policy, principal };
      case 'staff':
        if (principal === null) throw new Unauthenticated();
        if (!staffRolesAllow(principal.staffRoles, policy.permission)) throw new Forbidden();
        return { policy, principal };
      case 'org': {
        if (principal === null) throw new Unauthenticated();
        const orgId = stringField(request.params, policy.param);
        if (orgId === undefined) throw new NotAMember(policy.param);
        for (const [where, source] of [
          ['query', request.query],
          ['body', request.body],
        ] as const) {
          const named = stringField(source, 'orgId');
          if (named !== undefined && named !== orgId) throw new NotAMember(`${where}.orgId`);
        }
        const role =
          this.memberships === undefined ? null : await this.memberships.roleIn(orgId, principal.userId);
        if (role !== null) {
          if (!orgRoleAllows(role, policy.permission)) throw new Forbidden();
          return { policy, principal, orgId, orgRole: role };
        }
        if (policy.staff !== undefined && staffRolesAllow(principal.staffRoles, policy.staff)) {
          return { policy, principal, orgId, orgRole: null };
        }
        throw new NotAMember(policy.param);
      }
    }
  }
}
