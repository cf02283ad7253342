import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type FieldError } from '@bandstand/shared/contracts';
import { FieldErrorComponent, ProblemAlertComponent, type ShownProblem } from '@bandstand/shared/web-ui';
import { formFailure } from '../../ui/form-failure';

/** What the dialog runs once the user confirms: the deletion itself, which may fail. */
export interface DeleteAccountData {
  readonly delete: (confirmation: string) => Promise<void>;
}

/**
 * Asks for the password (or, on an account without one, the e-mail address) before the account is
 * deleted; stays open with the api's answer when it refuses, closes with `true` once deleted.
 */
@Component({
  selector: 'bs-delete-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatError,
    FieldErrorComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Delete your account?</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p class="bs-delete-warning">
          Your account, your sessions and your personal data are deleted for good: this cannot be undone.
          Download your data first if you want to keep a copy.
        </p>
        <mat-form-field>
          <mat-label>Password</mat-label>
          <input
            matInput
            type="password"
            formControlName="confirmation"
            autocomplete="current-password"
            required
          />
          <mat-hint>An account without a password confirms with its e-mail address.</mat-hint>
          <mat-error><bs-field-error [control]="form.controls.confirmation" label="Password" /></mat-error>
        </mat-form-field>
        <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
        <button mat-flat-button type="submit" class="bs-danger" [disabled]="busy()">Delete my account</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .bs-delete-warning {
      max-width: 60ch;
    }
    mat-form-field {
      width: 100%;
    }
    .bs-danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DeleteAccountDialogComponent {
  private readonly data = inject<DeleteAccountData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<DeleteAccountDialogComponent, boolean>>(MatDialogRef);

  protected readonly form = new FormGroup({
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  protected async confirm(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    try {
      await this.data.delete(this.form.getRawValue().confirmation);
      this.dialog.close(true);
    } catch (error: unknown) {
      const failure = formFailure(this.form, error);
      this.problem.set(failure.problem);
      this.unmatched.set(failure.unmatched);
    } finally {
      this.busy.set(false);
    }
  }
}
