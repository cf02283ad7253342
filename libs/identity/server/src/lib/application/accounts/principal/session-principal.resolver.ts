import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AccessTokenInvalid,
  type Principal,
  type PrincipalResolver,
  SessionEnded,
} from '@bandstand/shared/access';
import { KERNEL_CLOCK, type KernelClock } from '@bandstand/shared/event-store';
import { type FastifyRequest } from 'fastify';
import { ACCESS_TOKENS, type AccessTokens } from '../../../ports/tokens.port';
import { STAFF_ROLE_DIRECTORY, type StaffRoleDirectory } from '../../staff/staff-roles';
import { AccountQueries } from '../read-models/account-queries';

/** Requests move a session's last use at most this often (a write per request would be waste). */
export const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i;

/**
 * PRINCIPAL_RESOLVER: `Authorization: Bearer <access token>` → the signed-in {@link Principal}.
 * The token's signature and expiry are checked by ACCESS_TOKENS; then, on every request, its
 * session must still exist, be neither revoked nor expired, and belong to a live account
 * (SessionEnded otherwise), so that sign-out, revocation and deletion act at once. Staff roles are
 * read fresh from STAFF_ROLE_DIRECTORY for the same reason.
 */
@Injectable()
export class SessionPrincipalResolver implements PrincipalResolver {
  constructor(
    @Inject(ACCESS_TOKENS) private readonly accessTokens: AccessTokens,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
    @Optional() @Inject(STAFF_ROLE_DIRECTORY) private readonly staffRoles?: StaffRoleDirectory,
  ) {}

  async resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') return null;
    const token = BEARER.exec(header.trim())?.[1];
    if (token === undefined)
      throw new AccessTokenInvalid('The Authorization header must be "Bearer <access token>"');
    const claims = await this.accessTokens.verify(token);
    const session = await this.queries.requestSession(claims.sessionId);
    const now = this.clock.now();
    if (
      session === null ||
      session.userId !== claims.userId ||
      session.revokedAt !== null ||
      session.userDeleted ||
      Date.parse(session.expiresAt) <= now.getTime()
    ) {
      throw new SessionEnded();
    }
    if (now.getTime() - Date.parse(session.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
      await this.queries.touchSession(claims.sessionId, now, LAST_USED_RESOLUTION_MS);
    }
    return {
      userId: claims.userId,
      sessionId: claims.sessionId,
      staffRoles: (await this.staffRoles?.rolesOf(claims.userId)) ?? [],
    };
  }
}
