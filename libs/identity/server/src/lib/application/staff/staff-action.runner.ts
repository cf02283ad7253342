import { Inject, Injectable } from '@nestjs/common';
import { type StaffActionResult } from '@bandstand/identity/contracts';
import { approvalDecider, type ApprovalRequestedData } from '@bandstand/identity/domain';
import {
  DeciderCommandRunner,
  EventStore,
  KERNEL_CLOCK,
  KernelDatabase,
  type KernelClock,
} from '@bandstand/shared/event-store';
import { StaffActions } from './staff-actions';
import { approvalStreamId, staffMetadata, type StaffActor } from './staff-streams';

/**
 * Carries out staff actions under the four-eyes rule: an action that needs a second approver is
 * recorded as an approval request; approving it executes it in the approval's own transaction, so
 * that it is approved if and only if it was done.
 */
@Injectable()
export class StaffActionRunner {
  constructor(
    @Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(StaffActions) private readonly actions: StaffActions,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** Does the action at once, or asks for a second approval when it needs one. */
  perform(kind: string, payload: unknown, actor: StaffActor): Promise<StaffActionResult> {
    const action = this.actions.get(kind);
    return this.db.transaction(async () => {
      if (!(await this.actions.needsApproval(kind, payload))) {
        await action.execute(payload, { requestedBy: actor.userId, approvalId: null, actor });
        return { status: 'done' };
      }
      const approvalId = this.clock.newId();
      const amount = action.amountOf(payload);
      await this.runner.run(
        approvalDecider,
        approvalStreamId(approvalId),
        {
          kind: 'RequestApproval',
          action: kind,
          payload,
          summary: await action.summary(payload),
          amountMinor: amount?.minor ?? null,
          currency: amount?.currency ?? null,
          requestedBy: actor.userId,
        },
        staffMetadata(actor, null),
      );
      return { status: 'approval-required', approvalId };
    });
  }

  /** Approves a pending request (never the requester's own) and executes its action. */
  approve(approvalId: string, actor: StaffActor): Promise<void> {
    const stream = approvalStreamId(approvalId);
    return this.db.transaction(async () => {
      const result = await this.runner.run(
        approvalDecider,
        stream,
        { kind: 'Approve', by: actor.userId },
        staffMetadata(actor, null),
      );
      const requested = (await this.store.readStream(stream)).events.find(
        (event) => event.type === 'ApprovalRequested',
      );
      const granted = result.events[0];
      if (requested === undefined || granted === undefined)
        throw new Error(`Approval ${approvalId} has no request`);
      const request = requested.data as ApprovalRequestedData;
      await this.actions.get(request.action).execute(request.payload, {
        requestedBy: request.requestedBy,
        approvalId,
        actor: { ...actor, causationId: granted.eventId },
      });
    });
  }

  /** Rejects a pending request (never the requester's own), with a reason. */
  async reject(approvalId: string, reason: string, actor: StaffActor): Promise<void> {
    await this.runner.run(
      approvalDecider,
      approvalStreamId(approvalId),
      { kind: 'Reject', by: actor.userId, reason },
      staffMetadata(actor, null),
    );
  }
}
