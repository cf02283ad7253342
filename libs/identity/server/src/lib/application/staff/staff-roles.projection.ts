import { Injectable } from '@nestjs/common';
import { STAFF_ROLE_EVENT_TYPES, type StaffRoleEvent } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';

/**
 * identity.staff_roles, kept inside each grant's or revocation's transaction: the principal
 * resolver reads it on every request, so a revoked role stops working at once.
 */
@Injectable()
@InlineProjection({ name: 'identity.staff-roles', eventTypes: STAFF_ROLE_EVENT_TYPES })
export class StaffRolesProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as StaffRoleEvent;
      if (event.type === 'StaffRoleGranted') {
        await tx.query(
          `insert into identity.staff_roles (user_id, role, granted_by, approval_id, granted_at)
           values ($1, $2, $3, $4, $5) on conflict (user_id, role) do nothing`,
          [
            event.data.userId,
            event.data.role,
            event.data.grantedBy,
            event.data.approvalId,
            stored.recordedAt,
          ],
        );
      } else {
        await tx.query('delete from identity.staff_roles where user_id = $1 and role = $2', [
          event.data.userId,
          event.data.role,
        ]);
      }
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.staff_roles');
  }
}
