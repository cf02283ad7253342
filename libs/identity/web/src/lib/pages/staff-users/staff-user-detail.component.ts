import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { type StaffUserSummary } from '@bandstand/identity/contracts';
import {
  STAFF_PERMISSION_LABELS,
  STAFF_ROLE_PERMISSIONS,
  STAFF_ROLES,
  type StaffRole,
} from '@bandstand/shared/contracts';

/**
 * One user as staff see it: their staff roles with grant and revoke, and "Revoke sessions" to sign
 * them out everywhere. Actions the viewer's roles do not allow are not offered.
 */
@Component({
  selector: 'bs-staff-user-detail',
  imports: [DatePipe, ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="bs-user-facts">
      <dt>Name</dt>
      <dd>{{ user().displayName }}</dd>
      <dt>E-mail</dt>
      <dd>{{ user().email ?? 'Forgotten (account deleted)' }}</dd>
      <dt>Joined</dt>
      <dd>{{ user().createdAt | date: 'medium' }}</dd>
      <dt>User id</dt>
      <dd>
        <code>{{ user().userId }}</code>
      </dd>
    </dl>
    <h3>Staff roles</h3>
    @if (user().staffRoles.length === 0) {
      <p class="bs-muted">No staff role: this is a fan or creator account.</p>
    } @else {
      <ul class="bs-user-roles">
        @for (role of user().staffRoles; track role) {
          <li>
            <span>
              <strong>{{ role }}</strong>
              <span class="bs-muted">{{ describe(role) }}</span>
            </span>
            @if (canManageRoles()) {
              <button
                mat-button
                type="button"
                [disabled]="busy()"
                [attr.aria-label]="'Revoke ' + role + ' from ' + user().displayName"
                (click)="revoke.emit(role)"
              >
                Revoke
              </button>
            }
          </li>
        }
      </ul>
    }
    @if (canManageRoles() && grantable().length > 0 && !user().deleted) {
      <form class="bs-user-grant" (submit)="$event.preventDefault(); submitGrant()">
        <mat-form-field>
          <mat-label>Staff role</mat-label>
          <mat-select [formControl]="role">
            @for (candidate of grantable(); track candidate) {
              <mat-option [value]="candidate">{{ candidate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || role.value === null">Grant role</button>
      </form>
      <p class="bs-muted">Granting admin waits for a second staff member's approval.</p>
    }
    @if (canManageUsers() && !user().deleted) {
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="revokeSessions.emit()">
        Revoke sessions
      </button>
    }
  `,
  styles: `
    .bs-user-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    dt,
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-user-roles {
      display: grid;
      gap: 4px;
      padding: 0;
      list-style: none;
    }
    .bs-user-roles li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .bs-user-roles li > span {
      display: grid;
    }
    .bs-user-grant {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
  `,
})
export class StaffUserDetailComponent {
  readonly user = input.required<StaffUserSummary>();
  /** The viewer holds staff.roles.manage. */
  readonly canManageRoles = input(false);
  /** The viewer holds staff.users.manage. */
  readonly canManageUsers = input(false);
  readonly busy = input(false);
  readonly grant = output<StaffRole>();
  readonly revoke = output<StaffRole>();
  readonly revokeSessions = output();

  protected readonly role = new FormControl<StaffRole | null>(null);
  protected readonly grantable = computed(() =>
    STAFF_ROLES.filter((role) => !this.user().staffRoles.includes(role)),
  );

  protected describe(role: StaffRole): string {
    return STAFF_ROLE_PERMISSIONS[role].map((permission) => STAFF_PERMISSION_LABELS[permission]).join(' · ');
  }

  protected submitGrant(): void {
    const role = this.role.value;
    if (role === null) return;
    this.grant.emit(role);
    this.role.reset();
  }
}
