import { Inject, Injectable } from '@nestjs/common';
import {
  type ApprovalStatus,
  type OrgKind,
  type StaffApproval,
  type StaffUserDetail,
  type StaffUserSummary,
} from '@bandstand/identity/contracts';
import { ApprovalNotFound } from '@bandstand/identity/domain';
import { type OrgRole, type Page, STAFF_ROLES, type StaffRole } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { CursorInvalid, encodeCursor, keysetPage } from '@bandstand/shared/http';
import { isoUtc } from '../teams/teams.queries';
import { StaffUserNotFound } from './grant-role.action';

// GET /staff/users/:userId answers a StaffUserDetail (contracts); activeSessions counts sessions neither revoked nor expired.
export type { StaffUserDetail } from '@bandstand/identity/contracts';

/** Most approval requests one list returns (newest first). */
export const MAX_LISTED_APPROVALS = 200;

interface UserRow {
  readonly user_id: string;
  readonly email: string | null;
  readonly display_name: string;
  readonly email_verified: boolean;
  readonly staff_roles: StaffRole[];
  readonly created_at: string;
  readonly cursor_at: string;
  readonly deleted: boolean;
}

interface ApprovalRow {
  readonly approval_id: string;
  readonly action: string;
  readonly summary: string;
  readonly amount_minor: string | null;
  readonly currency: string | null;
  readonly requested_by: string;
  readonly requested_at: string;
  readonly status: ApprovalStatus;
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  readonly reason: string | null;
}

const USER_COLUMNS = `u.user_id, u.email, u.display_name, u.email_verified, u.deleted_at is not null as deleted,
  ${isoUtc('u.created_at')} as created_at,
  to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
  array(select r.role from identity.staff_roles r where r.user_id = u.user_id
         order by array_position($1::text[], r.role)) as staff_roles`;

const APPROVAL_COLUMNS = `approval_id, action, summary, amount_minor, currency, requested_by,
  ${isoUtc('requested_at')} as requested_at, status, decided_by, ${isoUtc('decided_at')} as decided_at, reason`;

function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The position of a cursor made from a user row: its exact creation instant and id. */
function decodeUsersCursor(cursor: string): readonly [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the error below: a malformed cursor is always the client's fault.
  }
  throw new CursorInvalid();
}

function summaryOf(row: UserRow): StaffUserSummary {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    staffRoles: row.staff_roles,
    createdAt: row.created_at,
    deleted: row.deleted,
  };
}

function approvalOf(row: ApprovalRow): StaffApproval {
  return {
    approvalId: row.approval_id,
    action: row.action,
    summary: row.summary,
    amountMinor: row.amount_minor === null ? null : Number(row.amount_minor),
    currency: row.currency,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
  };
}

/**
 * The staff console's reads: users (the accounts area's identity.users, with the roles and
 * memberships of this context), their sessions and the approval requests.
 */
@Injectable()
export class StaffQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** Users newest first, optionally those whose e-mail starts with or whose name contains `query`. */
  async users(
    query: string | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<StaffUserSummary>> {
    const params: unknown[] = [STAFF_ROLES];
    const where: string[] = [];
    const text = query?.trim() ?? '';
    if (text !== '') {
      params.push(likePattern(text));
      where.push(
        `(lower(u.email) like lower($${params.length}) || '%' or u.display_name ilike '%' || $${params.length} || '%')`,
      );
    }
    if (cursor !== undefined) {
      const [at, userId] = decodeUsersCursor(cursor);
      params.push(at, userId);
      where.push(`(u.created_at, u.user_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<UserRow>(
      `select ${USER_COLUMNS} from identity.users u
        ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
        order by u.created_at desc, u.user_id desc limit $${params.length}`,
      params,
    );
    return keysetPage(rows, limit, summaryOf, (last) => encodeCursor([last.cursor_at, last.user_id]));
  }

  /** One user with organisations and the count of active sessions; 404 when there is none. */
  async user(userId: string): Promise<StaffUserDetail> {
    const rows = await this.db.query<UserRow>(
      `select ${USER_COLUMNS} from identity.users u where u.user_id = $2`,
      [STAFF_ROLES, userId],
    );
    const row = rows[0];
    if (row === undefined) throw new StaffUserNotFound();
    const organisations = await this.db.query<{ org_id: string; name: string; kind: OrgKind; role: OrgRole }>(
      `select o.org_id, o.name, o.kind, m.role from identity.memberships m join identity.organisations o using (org_id)
        where m.user_id = $1 order by lower(o.name), o.org_id`,
      [userId],
    );
    const sessions = await this.activeSessionIds(userId);
    return {
      ...summaryOf(row),
      emailVerified: row.email_verified,
      organisations: organisations.map((each) => ({
        orgId: each.org_id,
        name: each.name,
        kind: each.kind,
        role: each.role,
      })),
      activeSessions: sessions.length,
    };
  }

  /** The user's sessions that are neither revoked nor expired. */
  async activeSessionIds(userId: string): Promise<string[]> {
    const rows = await this.db.query<{ session_id: string }>(
      `select session_id from identity.sessions
        where user_id = $1 and revoked_at is null and expires_at > $2 order by created_at`,
      [userId, this.clock.now()],
    );
    return rows.map((row) => row.session_id);
  }

  /** Approval requests newest first, optionally of one status. */
  async approvals(status: ApprovalStatus | undefined): Promise<StaffApproval[]> {
    const rows = await this.db.query<ApprovalRow>(
      `select ${APPROVAL_COLUMNS} from identity.approvals
        where ($1::text is null or status = $1)
        order by requested_at desc, approval_id limit ${MAX_LISTED_APPROVALS}`,
      [status ?? null],
    );
    return rows.map(approvalOf);
  }

  /** One approval request; 404 when there is none. */
  async approval(approvalId: string): Promise<StaffApproval> {
    const rows = await this.db.query<ApprovalRow>(
      `select ${APPROVAL_COLUMNS} from identity.approvals where approval_id = $1`,
      [approvalId],
    );
    const row = rows[0];
    if (row === undefined) throw new ApprovalNotFound();
    return approvalOf(row);
  }
}
