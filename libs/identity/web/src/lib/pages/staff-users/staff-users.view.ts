import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type StaffUserSummary } from '@bandstand/identity/contracts';
import { type StaffPermission, type StaffRole, staffRolesAllow } from '@bandstand/shared/contracts';
import {
  ConfirmDialogComponent,
  type ConfirmDialogData,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../data/auth.store';
import { StaffClient } from '../../data/staff.client';
import { StaffUserDetailComponent } from './staff-user-detail.component';
import { StaffUserListComponent } from './staff-user-list.component';

/**
 * The staff console's users: search by e-mail or name, open one to see and change their staff
 * roles (granting admin asks for a second approver) or revoke all their sessions.
 */
@Component({
  selector: 'bs-staff-users-view',
  imports: [
    ReactiveFormsModule,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatButton,
    LoadingStateComponent,
    ProblemAlertComponent,
    StaffUserListComponent,
    StaffUserDetailComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <form class="bs-user-search" role="search" (submit)="$event.preventDefault(); search()">
          <mat-form-field>
            <mat-label>Search users</mat-label>
            <input matInput type="search" [formControl]="query" autocomplete="off" />
            <mat-hint>E-mail address or name; empty lists everyone.</mat-hint>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="loading()">Search</button>
        </form>
        <bs-problem-alert [problem]="listProblem()" />
        <bs-staff-user-list
          [users]="users()"
          [selectedId]="selected()?.userId ?? null"
          [hasMore]="cursor() !== null"
          [loading]="loading()"
          (open)="open($event)"
          (more)="more()"
        />
        @if (loading()) {
          <bs-loading-state [compact]="true" label="Looking up users…" />
        }
      </mat-card-content>
    </mat-card>
    @if (selected(); as user) {
      <mat-card appearance="outlined" class="bs-user-detail">
        <mat-card-header>
          <mat-card-title role="heading" aria-level="2">{{ user.displayName }}</mat-card-title>
        </mat-card-header>
        <mat-card-content>
          <p class="bs-notice" role="status" aria-live="polite">{{ notice() }}</p>
          <bs-staff-user-detail
            [user]="user"
            [canManageRoles]="may('staff.roles.manage')"
            [canManageUsers]="may('staff.users.manage')"
            [busy]="busy()"
            (grant)="grant(user, $event)"
            (revoke)="revoke(user, $event)"
            (revokeSessions)="revokeSessions(user)"
          />
          <bs-problem-alert [problem]="detailProblem()" />
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: var(--bs-gap, 16px);
    }
    .bs-user-search {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .bs-user-search mat-form-field {
      flex: 1 1 260px;
    }
    .bs-notice {
      min-height: 1lh;
      margin: 0;
    }
  `,
})
export class StaffUsersViewComponent {
  private readonly staff = inject(StaffClient);
  private readonly store = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly users = signal<readonly StaffUserSummary[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly listProblem = signal<ShownProblem | null>(null);
  protected readonly selected = signal<StaffUserSummary | null>(null);
  protected readonly busy = signal(false);
  protected readonly detailProblem = signal<ShownProblem | null>(null);
  protected readonly notice = signal('');

  private readonly myRoles = computed(() => this.store.user()?.staffRoles ?? []);
  /** The query of the list shown, for its next pages. */
  private shownQuery = '';

  constructor() {
    void this.search();
  }

  protected may(permission: StaffPermission): boolean {
    return staffRolesAllow(this.myRoles(), permission);
  }

  protected async search(): Promise<void> {
    this.shownQuery = this.query.value.trim();
    await this.load(undefined);
  }

  protected async more(): Promise<void> {
    const cursor = this.cursor();
    if (cursor !== null) await this.load(cursor);
  }

  protected async open(user: StaffUserSummary): Promise<void> {
    this.selected.set(user);
    this.notice.set('');
    this.detailProblem.set(null);
    await this.refresh(user.userId);
  }

  protected async grant(user: StaffUserSummary, role: StaffRole): Promise<void> {
    await this.act(user, async () => {
      const result = await firstValueFrom(this.staff.grantRole(user.userId, { role }));
      return result.status === 'approval-required'
        ? `Granting ${role} needs a second staff member: the request waits in Approvals.`
        : `${user.displayName} now holds ${role}.`;
    });
  }

  protected async revoke(user: StaffUserSummary, role: StaffRole): Promise<void> {
    await this.act(user, async () => {
      await firstValueFrom(this.staff.revokeRole(user.userId, role));
      return `${role} was revoked from ${user.displayName}.`;
    });
  }

  protected async revokeSessions(user: StaffUserSummary): Promise<void> {
    const data: ConfirmDialogData = {
      title: `Sign ${user.displayName} out everywhere?`,
      message: `Every session of ${user.displayName} ends at once, on every device. They can sign in again.`,
      confirmLabel: 'Revoke sessions',
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialogComponent, { data }).afterClosed(),
    );
    if (confirmed !== true) return;
    await this.act(user, async () => {
      await firstValueFrom(this.staff.revokeSessions(user.userId));
      return `Every session of ${user.displayName} was revoked.`;
    });
  }

  private async act(user: StaffUserSummary, action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.notice.set('');
    this.detailProblem.set(null);
    try {
      const done = await action();
      await this.refresh(user.userId);
      this.notice.set(done);
    } catch (error: unknown) {
      this.detailProblem.set(problemFromError(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Reads the user again, and updates their row in the list. */
  private async refresh(userId: string): Promise<void> {
    try {
      const fresh = await firstValueFrom(this.staff.user(userId));
      if (this.selected()?.userId === userId) this.selected.set(fresh);
      this.users.update((list) => list.map((candidate) => (candidate.userId === userId ? fresh : candidate)));
    } catch (error: unknown) {
      this.detailProblem.set(problemFromError(error));
    }
  }

  private async load(cursor: string | undefined): Promise<void> {
    this.loading.set(true);
    this.listProblem.set(null);
    try {
      const page = await firstValueFrom(this.staff.users(this.shownQuery, cursor));
      this.users.update((list) => (cursor === undefined ? page.items : [...list, ...page.items]));
      this.cursor.set(page.nextCursor);
    } catch (error: unknown) {
      this.listProblem.set(problemFromError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
