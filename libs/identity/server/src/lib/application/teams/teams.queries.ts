import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Invitation,
  type InvitationPreview,
  type InvitationStatus,
  type Organisation,
  type OrgKind,
  type TeamActivityEntry,
  type TeamMember,
} from '@bandstand/identity/contracts';
import {
  InvitationExpired,
  InvitationNotFound,
  InvitationNotPending,
  OrganisationNotFound,
} from '@bandstand/identity/domain';
import { type OrgRole, ORG_ROLES, type Page } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { keysetPage } from '@bandstand/shared/http';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/account-services';
import { UNKNOWN_USER_NAME } from './team-activity.projection';

/** SQL rendering a timestamptz column as ISO 8601 in UTC. */
export function isoUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** sha256 hex of an invitation token: what the events and read models keep instead of the token. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Most invitations one list returns (newest first). */
export const MAX_LISTED_INVITATIONS = 200;

interface InvitationRow {
  readonly invitation_id: string;
  readonly org_id: string;
  readonly email: string | null;
  readonly role: OrgRole;
  readonly status: 'pending' | 'accepted' | 'revoked';
  readonly invited_by: string;
  readonly created_at: string;
  readonly expires_at: string;
}

function invitationColumns(alias: string): string {
  return `${alias}.invitation_id, ${alias}.org_id, ${alias}.email, ${alias}.role, ${alias}.status, ${alias}.invited_by,
    ${isoUtc(`${alias}.created_at`)} as created_at, ${isoUtc(`${alias}.expires_at`)} as expires_at`;
}

/**
 * The teams area's read side: organisations, members, invitations and the activity log, from the
 * read models the inline projections keep. Names of people come from the account directory.
 */
@Injectable()
export class TeamsQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** One organisation as `myRole` sees it; 404 when there is none. */
  async organisation(orgId: string, myRole: OrgRole | null): Promise<Organisation> {
    const rows = await this.db.query<{ org_id: string; name: string; kind: OrgKind; created_at: string }>(
      `select org_id, name, kind, ${isoUtc('created_at')} as created_at from identity.organisations where org_id = $1`,
      [orgId],
    );
    const row = rows[0];
    if (row === undefined) throw new OrganisationNotFound();
    return { orgId: row.org_id, name: row.name, kind: row.kind, createdAt: row.created_at, myRole };
  }

  /** The organisations a user belongs to, by name. */
  async organisationsOf(userId: string): Promise<Organisation[]> {
    const rows = await this.db.query<{
      org_id: string;
      name: string;
      kind: OrgKind;
      created_at: string;
      role: OrgRole;
    }>(
      `select o.org_id, o.name, o.kind, ${isoUtc('o.created_at')} as created_at, m.role
         from identity.memberships m join identity.organisations o using (org_id)
        where m.user_id = $1 order by lower(o.name), o.org_id`,
      [userId],
    );
    return rows.map((row) => ({
      orgId: row.org_id,
      name: row.name,
      kind: row.kind,
      createdAt: row.created_at,
      myRole: row.role,
    }));
  }

  /** The team: owners first, then by role and by when they joined. */
  async members(orgId: string): Promise<TeamMember[]> {
    const rows = await this.db.query<{ user_id: string; role: OrgRole; joined_at: string }>(
      `select user_id, role, ${isoUtc('joined_at')} as joined_at from identity.memberships
        where org_id = $1 order by array_position($2::text[], role), joined_at, user_id`,
      [orgId, ORG_ROLES],
    );
    return Promise.all(
      rows.map(async (row) => {
        const account = await this.accounts.byId(row.user_id);
        return {
          userId: row.user_id,
          displayName: account?.displayName ?? UNKNOWN_USER_NAME,
          email: account?.email ?? '',
          role: row.role,
          joinedAt: row.joined_at,
        };
      }),
    );
  }

  /** The organisation's invitations, newest first. */
  async invitations(orgId: string): Promise<Invitation[]> {
    const rows = await this.db.query<InvitationRow>(
      `select ${invitationColumns('i')} from identity.invitations i
        where i.org_id = $1 order by i.created_at desc, i.invitation_id limit ${MAX_LISTED_INVITATIONS}`,
      [orgId],
    );
    const names = new Map<string, Promise<string>>();
    return Promise.all(rows.map((row) => this.toInvitation(row, names)));
  }

  /** One invitation of the organisation; 404 when it has none of that id. */
  async invitation(orgId: string, invitationId: string): Promise<Invitation> {
    const rows = await this.db.query<InvitationRow>(
      `select ${invitationColumns('i')} from identity.invitations i where i.org_id = $1 and i.invitation_id = $2`,
      [orgId, invitationId],
    );
    const row = rows[0];
    if (row === undefined) throw new InvitationNotFound();
    return this.toInvitation(row, new Map());
  }

  /** The organisation an invitation token belongs to, or null. */
  async organisationOfToken(tokenHash: string): Promise<string | null> {
    const rows = await this.db.query<{ org_id: string }>(
      'select org_id from identity.invitations where token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.org_id ?? null;
  }

  /** What the invitee sees before accepting: 404 unknown, 409 used or revoked, 410 expired. */
  async preview(token: string): Promise<InvitationPreview> {
    const rows = await this.db.query<InvitationRow & { org_name: string; org_kind: OrgKind }>(
      `select ${invitationColumns('i')}, o.name as org_name, o.kind as org_kind
         from identity.invitations i join identity.organisations o using (org_id)
        where i.token_hash = $1`,
      [invitationTokenHash(token)],
    );
    const row = rows[0];
    if (row === undefined) throw new InvitationNotFound('token');
    const status = this.statusOf(row);
    if (status === 'expired') throw new InvitationExpired();
    if (status !== 'pending') throw new InvitationNotPending(status);
    return {
      orgName: row.org_name,
      orgKind: row.org_kind,
      role: row.role,
      invitedBy: await this.nameOf(row.invited_by),
      email: row.email ?? '',
      expiresAt: row.expires_at,
    };
  }

  /** The activity log, newest first; `cursor` is the previous page's `nextCursor`. */
  async activity(orgId: string, cursor: string | undefined, limit: number): Promise<Page<TeamActivityEntry>> {
    const before = cursor === undefined ? 2_147_483_647 : Number(cursor);
    const rows = await this.db.query<{
      event_id: string;
      stream_version: number;
      at: string;
      actor_id: string | null;
      actor_name: string;
      kind: TeamActivityEntry['kind'];
      summary: string;
    }>(
      `select event_id, stream_version, ${isoUtc('at')} as at, actor_id, actor_name, kind, summary
         from identity.team_activity
        where org_id = $1 and stream_version < $2
        order by stream_version desc limit $3`,
      [orgId, before, limit + 1],
    );
    return keysetPage(
      rows,
      limit,
      (row) => ({
        eventId: row.event_id,
        at: row.at,
        actor: { userId: row.actor_id, displayName: row.actor_name },
        kind: row.kind,
        summary: row.summary,
      }),
      (last) => String(last.stream_version),
    );
  }

  private statusOf(row: InvitationRow): InvitationStatus {
    if (row.status === 'pending' && Date.parse(row.expires_at) < this.clock.now().getTime()) return 'expired';
    return row.status;
  }

  private async toInvitation(row: InvitationRow, names: Map<string, Promise<string>>): Promise<Invitation> {
    let name = names.get(row.invited_by);
    if (name === undefined) {
      name = this.nameOf(row.invited_by);
      names.set(row.invited_by, name);
    }
    return {
      invitationId: row.invitation_id,
      email: row.email ?? '',
      role: row.role,
      invitedBy: await name,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      status: this.statusOf(row),
    };
  }

  private async nameOf(userId: string): Promise<string> {
    return (await this.accounts.byId(userId))?.displayName ?? UNKNOWN_USER_NAME;
  }
}
