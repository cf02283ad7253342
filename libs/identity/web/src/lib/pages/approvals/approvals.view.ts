import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { type StaffApproval } from '@bandstand/identity/contracts';
import { staffRolesAllow } from '@bandstand/shared/contracts';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../data/auth.store';
import { StaffClient } from '../../data/staff.client';
import { ApprovalListComponent, type Rejection } from './approval-list.component';

/**
 * The four-eyes rule of the staff console: actions that need a second staff member (granting the
 * admin role, money or credits above the threshold) wait here to be approved or rejected.
 */
@Component({
  selector: 'bs-approvals-view',
  imports: [
    DatePipe,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    ErrorStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    ApprovalListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (approvals.error(); as error) {
      <bs-error-state [problem]="loadProblem(error)" [retryable]="true" (retry)="approvals.reload()" />
    } @else if (approvals.value(); as all) {
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title role="heading" aria-level="2">Waiting for approval</mat-card-title>
        </mat-card-header>
        <mat-card-content>
          <p class="bs-notice" role="status" aria-live="polite">{{ notice() }}</p>
          <bs-approval-list
            [approvals]="pending()"
            [myUserId]="myUserId()"
            [canDecide]="canDecide()"
            [busy]="busy()"
            (approve)="approve($event)"
            (reject)="reject($event)"
          />
          <bs-problem-alert [problem]="problem()" />
        </mat-card-content>
      </mat-card>
      @if (decided().length > 0) {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title role="heading" aria-level="2">Decided</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ul class="bs-decided">
              @for (approval of decided(); track approval.approvalId) {
                <li>
                  <strong>{{ approval.summary }}</strong> — {{ approval.status }} by {{ approval.decidedBy }}
                  @if (approval.decidedAt) {
                    on {{ approval.decidedAt | date: 'medium' }}
                  }
                  @if (approval.reason) {
                    : “{{ approval.reason }}”
                  }
                </li>
              }
            </ul>
          </mat-card-content>
        </mat-card>
      }
    } @else {
      <bs-loading-state label="Loading the requests…" />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: var(--bs-gap, 16px);
    }
    .bs-notice {
      min-height: 1lh;
      margin: 0;
    }
    .bs-decided {
      display: grid;
      gap: 4px;
      margin: 0;
      padding-left: 16px;
    }
  `,
})
export class ApprovalsViewComponent {
  private readonly staff = inject(StaffClient);
  private readonly store = inject(AuthStore);

  protected readonly approvals = rxResource({ stream: () => this.staff.approvals() });
  protected readonly pending = computed(() => this.filtered((approval) => approval.status === 'pending'));
  protected readonly decided = computed(() => this.filtered((approval) => approval.status !== 'pending'));
  protected readonly myUserId = computed(() => this.store.user()?.userId ?? null);
  protected readonly canDecide = computed(() =>
    staffRolesAllow(this.store.user()?.staffRoles ?? [], 'staff.approvals.decide'),
  );

  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly notice = signal('');

  protected loadProblem(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected async approve(approval: StaffApproval): Promise<void> {
    await this.decide(async () => {
      await firstValueFrom(this.staff.approve(approval.approvalId));
      return `Approved: ${approval.summary}.`;
    });
  }

  protected async reject({ approval, reason }: Rejection): Promise<void> {
    await this.decide(async () => {
      await firstValueFrom(this.staff.reject(approval.approvalId, { reason }));
      return `Rejected: ${approval.summary}.`;
    });
  }

  private filtered(keep: (approval: StaffApproval) => boolean): readonly StaffApproval[] {
    return (this.approvals.value() ?? []).filter(keep);
  }

  private async decide(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set('');
    try {
      const done = await action();
      this.approvals.reload();
      this.notice.set(done);
    } catch (error: unknown) {
      this.problem.set(problemFromError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
