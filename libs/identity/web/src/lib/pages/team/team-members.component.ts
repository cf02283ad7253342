import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { type TeamMember } from '@bandstand/identity/contracts';
import { ORG_ROLES, type OrgRole } from '@bandstand/shared/contracts';

/** A request to give a member another role. */
export interface RoleChange {
  readonly member: TeamMember;
  readonly role: OrgRole;
}

/**
 * The members of an organisation with their roles. Managers change a role in place and remove
 * members; owners' rows change only for someone who may manage owners.
 */
@Component({
  selector: 'bs-team-members',
  imports: [DatePipe, MatSelect, MatOption, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table>
        <caption>
          Team members
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            @if (canManage()) {
              <th scope="col"><span class="bs-visually-hidden">Actions</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (member of members(); track member.userId) {
            <tr [attr.data-member]="member.userId">
              <td>
                {{ member.displayName }}
                @if (member.userId === myUserId()) {
                  <span class="bs-muted">(you)</span>
                }
              </td>
              <td>{{ member.email }}</td>
              <td>
                @if (canManage() && (member.role !== 'owner' || canManageOwners())) {
                  <mat-select
                    class="bs-role-select"
                    [value]="member.role"
                    [disabled]="busy()"
                    [aria-label]="'Role of ' + member.displayName"
                    (selectionChange)="changeRole(member, $event)"
                  >
                    @for (role of assignable(); track role) {
                      <mat-option [value]="role">{{ role }}</mat-option>
                    }
                  </mat-select>
                } @else {
                  {{ member.role }}
                }
              </td>
              <td>{{ member.joinedAt | date: 'mediumDate' }}</td>
              @if (canManage()) {
                <td>
                  @if (member.role !== 'owner' || canManageOwners()) {
                    <button
                      mat-button
                      type="button"
                      [disabled]="busy()"
                      [attr.aria-label]="'Remove ' + member.displayName"
                      (click)="remove.emit(member)"
                    >
                      Remove
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './team-tables.scss',
})
export class TeamMembersComponent {
  readonly members = input.required<readonly TeamMember[]>();
  readonly myUserId = input<string | null>(null);
  /** The viewer holds team.manage. */
  readonly canManage = input(false);
  /** The viewer holds team.owners. */
  readonly canManageOwners = input(false);
  readonly busy = input(false);
  readonly roleChange = output<RoleChange>();
  readonly remove = output<TeamMember>();

  protected assignable(): readonly OrgRole[] {
    return this.canManageOwners() ? ORG_ROLES : ORG_ROLES.filter((role) => role !== 'owner');
  }

  /** The select goes back to the member's current role: the table shows a new role once the api has it. */
  protected changeRole(member: TeamMember, change: MatSelectChange<OrgRole>): void {
    change.source.value = member.role;
    this.roleChange.emit({ member, role: change.value });
  }
}
