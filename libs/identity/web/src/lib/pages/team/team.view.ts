import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type CreateOrganisationRequest,
  type Invitation,
  type InviteMemberRequest,
  type MembershipSummary,
  type TeamMember,
} from '@bandstand/identity/contracts';
import { ORG_ROLES, type OrgPermission, orgRoleAllows } from '@bandstand/shared/contracts';
import {
  ConfirmDialogComponent,
  type ConfirmDialogData,
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../data/auth.store';
import { TeamClient } from '../../data/team.client';
import { CreateOrganisationFormComponent } from './create-organisation-form.component';
import { InviteFormComponent } from './invite-form.component';
import { PendingInvitationsComponent } from './pending-invitations.component';
import { PermissionMatrixComponent } from './permission-matrix.component';
import { TeamActivityComponent } from './team-activity.component';
import { type RoleChange, TeamMembersComponent } from './team-members.component';

/** Where an action's problem is shown. */
type Area = 'organisation' | 'members' | 'invite' | 'invitations';

/**
 * The creator console's team: choose (or create) an organisation, then its members and roles,
 * invitations, what each role may do, and — for owners and admins — the activity log.
 */
@Component({
  selector: 'bs-team-view',
  imports: [
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardSubtitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    ErrorStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    CreateOrganisationFormComponent,
    InviteFormComponent,
    PendingInvitationsComponent,
    PermissionMatrixComponent,
    TeamActivityComponent,
    TeamMembersComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team.view.html',
  styles: `
    :host {
      display: grid;
      gap: var(--bs-gap, 16px);
    }
    .bs-org-choice {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .bs-notice {
      min-height: 1lh;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TeamViewComponent {
  private readonly team = inject(TeamClient);
  private readonly store = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  protected readonly organisations = rxResource({ stream: () => this.team.organisations() });

  /** The chosen organisation: kept while it is in the list, otherwise the first one. */
  protected readonly selectedId = linkedSignal<readonly MembershipSummary[] | undefined, string | null>({
    source: () => this.organisations.value(),
    computation: (list, previous) =>
      list?.some((org) => org.orgId === previous?.value)
        ? (previous?.value ?? null)
        : (list?.[0]?.orgId ?? null),
  });
  protected readonly selected = computed(
    () => this.organisations.value()?.find((org) => org.orgId === this.selectedId()) ?? null,
  );
  protected readonly myUserId = computed(() => this.store.user()?.userId ?? null);
  protected readonly canManage = computed(() => this.allows('team.manage'));
  protected readonly canManageOwners = computed(() => this.allows('team.owners'));
  protected readonly canReadActivity = computed(() => this.allows('team.activity'));
  protected readonly invitableRoles = computed(() =>
    this.canManageOwners() ? ORG_ROLES : ORG_ROLES.filter((role) => role !== 'owner'),
  );

  protected readonly members = rxResource({
    params: () => this.selectedId() ?? undefined,
    stream: ({ params: orgId }) => this.team.members(orgId),
  });
  protected readonly invitations = rxResource({
    params: () => this.selectedId() ?? undefined,
    stream: ({ params: orgId }) => this.team.invitations(orgId),
  });
  protected readonly activity = rxResource({
    params: () => (this.canReadActivity() ? (this.selectedId() ?? undefined) : undefined),
    stream: ({ params: orgId }) => this.team.activity(orgId),
  });

  protected readonly creating = signal(false);
  protected readonly busy = signal<Area | null>(null);
  protected readonly problems = signal<Partial<Record<Area, ShownProblem>>>({});
  protected readonly invitesSent = signal(0);
  protected readonly notice = signal('');

  protected problemIn(area: Area): ShownProblem | null {
    return this.problems()[area] ?? null;
  }

  protected loadProblem(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected async createOrganisation(request: CreateOrganisationRequest): Promise<void> {
    await this.run('organisation', async () => {
      const created = await firstValueFrom(this.team.createOrganisation(request));
      this.selectedId.set(created.orgId);
      this.creating.set(false);
      this.organisations.reload();
      this.notice.set(`${created.name} was created. You are its owner.`);
    });
  }

  protected async changeRole({ member, role }: RoleChange, orgId: string): Promise<void> {
    if (role === member.role) return;
    await this.run('members', async () => {
      await firstValueFrom(this.team.changeRole(orgId, member.userId, { role }));
      this.members.reload();
      this.refreshActivity();
      this.notice.set(`${member.displayName} is now ${role}.`);
    });
  }

  protected async removeMember(member: TeamMember, orgId: string): Promise<void> {
    const confirmed = await this.confirm({
      title: `Remove ${member.displayName}?`,
      message: `${member.displayName} (${member.email}) loses access to this organisation at once. You can invite them again later.`,
      confirmLabel: 'Remove member',
    });
    if (!confirmed) return;
    await this.run('members', async () => {
      await firstValueFrom(this.team.removeMember(orgId, member.userId));
      this.members.reload();
      this.refreshActivity();
      this.notice.set(`${member.displayName} was removed from the team.`);
    });
  }

  protected async invite(request: InviteMemberRequest, orgId: string): Promise<void> {
    await this.run('invite', async () => {
      await firstValueFrom(this.team.invite(orgId, request));
      this.invitesSent.update((count) => count + 1);
      this.invitations.reload();
      this.refreshActivity();
      this.notice.set(`An invitation was sent to ${request.email}.`);
    });
  }

  protected async revoke(invitation: Invitation, orgId: string): Promise<void> {
    await this.run('invitations', async () => {
      await firstValueFrom(this.team.revokeInvitation(orgId, invitation.invitationId));
      this.invitations.reload();
      this.refreshActivity();
      this.notice.set(`The invitation for ${invitation.email} was revoked.`);
    });
  }

  private allows(permission: OrgPermission): boolean {
    const role = this.selected()?.role;
    return role !== undefined && orgRoleAllows(role, permission);
  }

  private refreshActivity(): void {
    if (this.canReadActivity()) this.activity.reload();
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const answer: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialogComponent, { data }).afterClosed(),
    );
    return answer === true;
  }

  private async run(area: Area, action: () => Promise<void>): Promise<void> {
    this.busy.set(area);
    this.notice.set('');
    this.problems.update((current) => ({ ...current, [area]: undefined }));
    try {
      await action();
    } catch (error: unknown) {
      this.problems.update((current) => ({ ...current, [area]: problemFromError(error) }));
    } finally {
      this.busy.set(null);
    }
  }
}
