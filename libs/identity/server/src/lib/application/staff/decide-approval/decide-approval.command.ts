import { Command } from '@nestjs/cqrs';
import { type StaffActor } from '../staff-streams';

/** Approves a pending staff action (executing it) or rejects it with a reason; never by its requester. */
export class DecideApproval extends Command<void> {
  constructor(
    readonly approvalId: string,
    readonly decision: { readonly approve: true } | { readonly approve: false; readonly reason: string },
    readonly actor: StaffActor,
  ) {
    super();
  }
}
