import { Command } from '@nestjs/cqrs';
import { type StaffRole } from '@bandstand/shared/contracts';
import { type StaffActor } from '../staff-streams';

/** Revokes a staff role at once; an admin cannot revoke their own admin role. */
export class RevokeStaffRole extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: StaffRole,
    readonly actor: StaffActor,
  ) {
    super();
  }
}
