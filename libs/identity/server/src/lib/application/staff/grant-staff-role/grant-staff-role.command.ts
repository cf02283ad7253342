import { Command } from '@nestjs/cqrs';
import { type StaffActionResult } from '@bandstand/identity/contracts';
import { type StaffRole } from '@bandstand/shared/contracts';
import { type StaffActor } from '../staff-streams';

/** Grants a staff role through the staff actions: at once, or (admin) after a second approval. */
export class GrantStaffRole extends Command<StaffActionResult> {
  constructor(
    readonly userId: string,
    readonly role: StaffRole,
    readonly actor: StaffActor,
  ) {
    super();
  }
}
