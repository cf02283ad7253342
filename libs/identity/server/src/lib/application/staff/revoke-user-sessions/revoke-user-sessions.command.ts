import { Command } from '@nestjs/cqrs';
import { type StaffActor } from '../staff-streams';

/** Ends every active session of a user (support); answers how many were ended. */
export class RevokeUserSessions extends Command<{ readonly revoked: number }> {
  constructor(
    readonly userId: string,
    readonly actor: StaffActor,
  ) {
    super();
  }
}
