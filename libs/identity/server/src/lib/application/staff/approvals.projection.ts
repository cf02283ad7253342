import { Injectable } from '@nestjs/common';
import { APPROVAL_EVENT_TYPES, type ApprovalEvent } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { approvalIdOfStream } from './staff-streams';

/** identity.approvals: every request for a second approval and how it was decided. */
@Injectable()
@InlineProjection({ name: 'identity.approvals', eventTypes: APPROVAL_EVENT_TYPES })
export class ApprovalsProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const approvalId = approvalIdOfStream(stored.streamId);
      const event = { type: stored.type, data: stored.data } as ApprovalEvent;
      switch (event.type) {
        case 'ApprovalRequested':
          await tx.query(
            `insert into identity.approvals
               (approval_id, action, payload, summary, amount_minor, currency, requested_by, requested_at, status)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending') on conflict (approval_id) do nothing`,
            [
              approvalId,
              event.data.action,
              JSON.stringify(event.data.payload ?? null),
              event.data.summary,
              event.data.amountMinor,
              event.data.currency,
              event.data.requestedBy,
              stored.recordedAt,
            ],
          );
          break;
        case 'ApprovalGranted':
          await tx.query(
            `update identity.approvals set status = 'approved', decided_by = $2, decided_at = $3 where approval_id = $1`,
            [approvalId, event.data.by, stored.recordedAt],
          );
          break;
        case 'ApprovalRejected':
          await tx.query(
            `update identity.approvals set status = 'rejected', decided_by = $2, decided_at = $3, reason = $4
              where approval_id = $1`,
            [approvalId, event.data.by, stored.recordedAt, event.data.reason],
          );
          break;
      }
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.approvals');
  }
}
