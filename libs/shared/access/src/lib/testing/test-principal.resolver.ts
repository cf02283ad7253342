import { Injectable } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { STAFF_ROLES, type StaffRole } from '@bandstand/shared/contracts';
import { type Principal, type PrincipalResolver } from '../principal';

const SCHEME = 'Test ';

/**
 * Who calls a test app's HTTP routes: `Authorization: Test <userId>[ <staff role>,…]`. It stands in
 * for the identity context's token-checking resolver, which has its own tests; the access guard,
 * the membership lookup and the controllers stay the real ones.
 */
@Injectable()
export class TestPrincipalResolver implements PrincipalResolver {
  resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header === undefined || !header.startsWith(SCHEME)) return Promise.resolve(null);
    const [userId = '', staff = ''] = header.slice(SCHEME.length).split(' ');
    const staffRoles = staff
      .split(',')
      .filter((role): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role));
    return Promise.resolve({ userId, sessionId: `session-of-${userId}`, staffRoles });
  }
}

/** The `Authorization` header {@link TestPrincipalResolver} reads. */
export function testAuthorization(userId: string, staffRoles: readonly StaffRole[] = []): string {
  return `${SCHEME}${userId} ${staffRoles.join(',')}`.trimEnd();
}
