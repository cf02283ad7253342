import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type StaffApproval } from '@bandstand/identity/contracts';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';

/** A rejection with the reason the requester will read. */
export interface Rejection {
  readonly approval: StaffApproval;
  readonly reason: string;
}

/** Money in minor units as people read it ("€ 250.00"); null when the action moves none. */
function amountOf(approval: StaffApproval): string | null {
  if (approval.amountMinor === null) return null;
  const currency = approval.currency ?? 'EUR';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(approval.amountMinor / 100);
}

/**
 * Staff actions waiting for a second approver. Approve and reject are offered to whoever may
 * decide, except on their own requests: the reason is shown next to the disabled buttons.
 */
@Component({
  selector: 'bs-approval-list',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (approvals().length === 0) {
      <p class="bs-muted">No request is waiting for approval.</p>
    } @else {
      <ul class="bs-approvals">
        @for (approval of approvals(); track approval.approvalId) {
          <li [attr.data-approval]="approval.approvalId">
            <p class="bs-approval-summary">
              <strong>{{ approval.summary }}</strong>
              @if (amount(approval); as money) {
                <span> · {{ money }}</span>
              }
            </p>
            <p class="bs-muted">
              {{ approval.action }} · requested by {{ approval.requestedBy }}
              @if (mine(approval)) {
                (you)
              }
              on {{ approval.requestedAt | date: 'medium' }}
            </p>
            @if (blockedReason(approval); as reason) {
              <p class="bs-approval-blocked" [id]="'bs-blocked-' + approval.approvalId">{{ reason }}</p>
            }
            @if (rejecting() === approval.approvalId) {
              <form class="bs-approval-reject" (submit)="$event.preventDefault(); submitRejection(approval)">
                <mat-form-field>
                  <mat-label>Reason</mat-label>
                  <textarea matInput [formControl]="reason" rows="2" required></textarea>
                  <mat-error><bs-field-error [control]="reason" label="Reason" /></mat-error>
                </mat-form-field>
                <div class="bs-approval-actions">
                  <button mat-flat-button type="submit" [disabled]="busy()">Reject</button>
                  <button mat-button type="button" (click)="rejecting.set(null)">Cancel</button>
                </div>
              </form>
            } @else {
              <div class="bs-approval-actions">
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busy() || blockedReason(approval) !== null"
                  [attr.aria-describedby]="
                    blockedReason(approval) ? 'bs-blocked-' + approval.approvalId : null
                  "
                  (click)="approve.emit(approval)"
                >
                  Approve
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy() || blockedReason(approval) !== null"
                  [attr.aria-describedby]="
                    blockedReason(approval) ? 'bs-blocked-' + approval.approvalId : null
                  "
                  (click)="startRejection(approval)"
                >
                  Reject
                </button>
              </div>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .bs-approvals {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding-bottom: 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    p {
      margin: 0 0 4px;
    }
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-approval-blocked {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .bs-approval-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-approval-reject mat-form-field {
      width: 100%;
    }
  `,
})
export class ApprovalListComponent {
  readonly approvals = input.required<readonly StaffApproval[]>();
  readonly myUserId = input<string | null>(null);
  /** The viewer holds staff.approvals.decide. */
  readonly canDecide = input(false);
  readonly busy = input(false);
  readonly approve = output<StaffApproval>();
  readonly reject = output<Rejection>();

  /** The approval whose rejection reason is being written. */
  protected readonly rejecting = signal<string | null>(null);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(500)],
  });
  protected readonly amount = amountOf;

  protected mine(approval: StaffApproval): boolean {
    return approval.requestedBy === this.myUserId();
  }

  /** Why the viewer cannot decide this request, or null when they can. */
  protected blockedReason(approval: StaffApproval): string | null {
    if (this.mine(approval))
      return 'You requested this, so another staff member has to approve or reject it.';
    if (!this.canDecide()) return 'Your staff roles let you request approvals, not decide them.';
    return null;
  }

  protected startRejection(approval: StaffApproval): void {
    this.reason.reset();
    this.rejecting.set(approval.approvalId);
  }

  protected submitRejection(approval: StaffApproval): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.reject.emit({ approval, reason: this.reason.value.trim() });
    this.rejecting.set(null);
  }
}
