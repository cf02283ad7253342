import { type Decider } from '@bandstand/shared/domain';
import { ApprovalByRequester, ApprovalNotFound, ApprovalNotPending } from './approval.errors';

/** What a staff action requesting approval records: its kind, payload and how it reads to people. */
export interface ApprovalRequestedData {
  /** The staff action's kind, e.g. `staff.grant-role`. */
  readonly action: string;
  /** The action's input, executed as it is once approved (JSON). */
  readonly payload: unknown;
  readonly summary: string;
  /** Money or credits the action moves, in minor units; null when none. */
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly requestedBy: string;
}

/** Events of a second-approval request, stream `identity-approval-<approvalId>`. */
export type ApprovalEvent =
  | { readonly type: 'ApprovalRequested'; readonly data: ApprovalRequestedData }
  | { readonly type: 'ApprovalGranted'; readonly data: { readonly by: string } }
  | { readonly type: 'ApprovalRejected'; readonly data: { readonly by: string; readonly reason: string } };

/** Every event type of an approval stream. */
export const APPROVAL_EVENT_TYPES = [
  'ApprovalRequested',
  'ApprovalGranted',
  'ApprovalRejected',
] as const satisfies readonly ApprovalEvent['type'][];

/** Commands of a second-approval request. */
export type ApprovalCommand =
  | ({ readonly kind: 'RequestApproval' } & ApprovalRequestedData)
  | { readonly kind: 'Approve'; readonly by: string }
  | { readonly kind: 'Reject'; readonly by: string; readonly reason: string };

/** Where a request stands; `none` before it was made. */
export type ApprovalStateStatus = 'none' | 'pending' | 'approved' | 'rejected';

/** State of a request for a second approval. */
export interface ApprovalState {
  readonly status: ApprovalStateStatus;
  readonly requestedBy: string | null;
}

function decidable(state: ApprovalState, by: string): void {
  if (state.status === 'none') throw new ApprovalNotFound();
  if (state.status !== 'pending') throw new ApprovalNotPending(state.status);
  if (by === state.requestedBy) throw new ApprovalByRequester();
}

/**
 * A staff action waiting for a second staff member (four-eyes rule): requested once, then approved
 * or rejected once, never by the member who requested it.
 */
export const approvalDecider: Decider<ApprovalCommand, ApprovalEvent, ApprovalState> = {
  initialState: () => ({ status: 'none', requestedBy: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApprovalRequested':
        return { status: 'pending', requestedBy: event.data.requestedBy };
      case 'ApprovalGranted':
        return { ...state, status: 'approved' };
      case 'ApprovalRejected':
        return { ...state, status: 'rejected' };
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'RequestApproval': {
        if (state.status !== 'none') throw new ApprovalNotPending(state.status);
        const { kind: _kind, ...data } = command;
        return [{ type: 'ApprovalRequested', data }];
      }
      case 'Approve':
        decidable(state, command.by);
        return [{ type: 'ApprovalGranted', data: { by: command.by } }];
      case 'Reject':
        decidable(state, command.by);
        return [{ type: 'ApprovalRejected', data: { by: command.by, reason: command.reason } }];
    }
  },
};
