import { type ApprovalEvent, type StaffRoleEvent } from '@bandstand/identity/domain';
import {
  createKernelTestHarness,
  type GivenEvent,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { teamsTestPersistence } from '../teams/identity.test-kit';
import { ApprovalsProjection } from './approvals.projection';
import { approvalStreamId, staffRolesStreamId } from './staff-streams';
import { StaffRolesProjection } from './staff-roles.projection';

const role = (userId: string, event: StaffRoleEvent): GivenEvent => ({
  ...event,
  streamId: staffRolesStreamId(userId),
});
const approval = (approvalId: string, event: ApprovalEvent): GivenEvent => ({
  ...event,
  streamId: approvalStreamId(approvalId),
});

describe('staff projections', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [teamsTestPersistence] });
  });
  afterAll(async () => {
    await kernel.close();
  });

  it('keeps the roles each user holds now', async () => {
    await projectionSpec(new StaffRolesProjection(), kernel)
      .given([
        role('u1', {
          type: 'StaffRoleGranted',
          data: { userId: 'u1', role: 'admin', grantedBy: 'system', approvalId: null },
        }),
        role('u2', {
          type: 'StaffRoleGranted',
          data: { userId: 'u2', role: 'support', grantedBy: 'u1', approvalId: null },
        }),
        role('u2', {
          type: 'StaffRoleGranted',
          data: { userId: 'u2', role: 'admin', grantedBy: 'u1', approvalId: 'a1' },
        }),
        role('u2', { type: 'StaffRoleRevoked', data: { userId: 'u2', role: 'support', revokedBy: 'u1' } }),
      ])
      .thenRows(
        'select user_id, role, granted_by, approval_id from identity.staff_roles order by user_id, role',
        [
          { user_id: 'u1', role: 'admin', granted_by: 'system', approval_id: null },
          { user_id: 'u2', role: 'admin', granted_by: 'u1', approval_id: 'a1' },
        ],
      );
  });

  it('keeps every approval request and its decision', async () => {
    const request = (action: string, amountMinor: number | null): ApprovalEvent => ({
      type: 'ApprovalRequested',
      data: {
        action,
        payload: { userId: 'u3', role: 'admin' },
        summary: `Do ${action}`,
        amountMinor,
        currency: amountMinor === null ? null : 'EUR',
        requestedBy: 'u1',
      },
    });
    await projectionSpec(new ApprovalsProjection(), kernel)
      .given([
        approval('a1', request('staff.grant-role', null)),
        approval('a2', request('test.credit', 250_000)),
        approval('a3', request('test.credit', 20_000)),
        approval('a1', { type: 'ApprovalGranted', data: { by: 'u2' } }),
        approval('a2', { type: 'ApprovalRejected', data: { by: 'u2', reason: 'Too much' } }),
      ])
      .thenRows(
        `select approval_id, action, payload, summary, amount_minor, currency, requested_by, status, decided_by,
                decided_at is not null as decided, reason
           from identity.approvals order by approval_id`,
        [
          {
            approval_id: 'a1',
            action: 'staff.grant-role',
            payload: { userId: 'u3', role: 'admin' },
            summary: 'Do staff.grant-role',
            amount_minor: null,
            currency: null,
            requested_by: 'u1',
            status: 'approved',
            decided_by: 'u2',
            decided: true,
            reason: null,
          },
          {
            approval_id: 'a2',
            action: 'test.credit',
            payload: { userId: 'u3', role: 'admin' },
            summary: 'Do test.credit',
            amount_minor: '250000',
            currency: 'EUR',
            requested_by: 'u1',
            status: 'rejected',
            decided_by: 'u2',
            decided: true,
            reason: 'Too much',
          },
          {
            approval_id: 'a3',
            action: 'test.credit',
            payload: { userId: 'u3', role: 'admin' },
            summary: 'Do test.credit',
            amount_minor: '20000',
            currency: 'EUR',
            requested_by: 'u1',
            status: 'pending',
            decided_by: null,
            decided: false,
            reason: null,
          },
        ],
      );
  });
});
