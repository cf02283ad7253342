import { deciderSpec } from '@bandstand/shared/domain';
import { approvalDecider, type ApprovalEvent, type ApprovalRequestedData } from './approval.decider';
import { ApprovalByRequester, ApprovalNotFound, ApprovalNotPending } from './approval.errors';

const request: ApprovalRequestedData = {
  action: 'staff.grant-role',
  payload: { userId: 'user-sam', role: 'admin' },
  summary: 'Grant admin to sam@example.com',
  amountMinor: null,
  currency: null,
  requestedBy: 'user-ana',
};
const requested: ApprovalEvent = { type: 'ApprovalRequested', data: request };

describe('approvalDecider', () => {
  it('records a request', () => {
    deciderSpec(approvalDecider)
      .when({ kind: 'RequestApproval', ...request })
      .then([requested]);
    deciderSpec(approvalDecider)
      .when({ kind: 'RequestApproval', ...request })
      .thenState({ status: 'pending', requestedBy: 'user-ana' });
  });

  it('refuses to request twice on one stream', () => {
    deciderSpec(approvalDecider)
      .given([requested])
      .when({ kind: 'RequestApproval', ...request })
      .thenThrows(ApprovalNotPending);
  });

  it('is approved or rejected by another staff member', () => {
    deciderSpec(approvalDecider)
      .given([requested])
      .when({ kind: 'Approve', by: 'user-bo' })
      .then([{ type: 'ApprovalGranted', data: { by: 'user-bo' } }]);
    deciderSpec(approvalDecider)
      .given([requested])
      .when({ kind: 'Reject', by: 'user-bo', reason: 'Not needed' })
      .then([{ type: 'ApprovalRejected', data: { by: 'user-bo', reason: 'Not needed' } }]);
  });

  it('is never decided by its requester', () => {
    deciderSpec(approvalDecider)
      .given([requested])
      .when({ kind: 'Approve', by: 'user-ana' })
      .thenThrows(ApprovalByRequester);
    deciderSpec(approvalDecider)
      .given([requested])
      .when({ kind: 'Reject', by: 'user-ana', reason: 'Changed my mind' })
      .thenThrows('IDENTITY.APPROVAL_BY_REQUESTER');
  });

  it('is decided once', () => {
    const approved: ApprovalEvent = { type: 'ApprovalGranted', data: { by: 'user-bo' } };
    deciderSpec(approvalDecider)
      .given([requested, approved])
      .when({ kind: 'Approve', by: 'user-cy' })
      .thenThrows(ApprovalNotPending);
    deciderSpec(approvalDecider)
      .given([requested, { type: 'ApprovalRejected', data: { by: 'user-bo', reason: 'No' } }])
      .when({ kind: 'Approve', by: 'user-cy' })
      .thenThrows('IDENTITY.APPROVAL_NOT_PENDING');
  });

  it('refuses to decide a request that does not exist', () => {
    deciderSpec(approvalDecider).when({ kind: 'Approve', by: 'user-bo' }).thenThrows(ApprovalNotFound);
  });
});
