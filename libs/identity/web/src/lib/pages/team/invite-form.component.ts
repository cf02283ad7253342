import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type InviteMemberRequest } from '@bandstand/identity/contracts';
import { type FieldError, type OrgRole } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  ProblemAlertComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';

/** Invites someone by e-mail with a role; the form empties once `sent` counts a new invitation. */
@Component({
  selector: 'bs-invite-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatSelect,
    MatOption,
    MatButton,
    FieldErrorComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="bs-team-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      aria-label="Invite a member"
    >
      <mat-form-field>
        <mat-label>E-mail</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" required />
        <mat-error><bs-field-error [control]="form.controls.email" label="E-mail" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Role</mat-label>
        <mat-select formControlName="role">
          @for (role of roles(); track role) {
            <mat-option [value]="role">{{ role }}</mat-option>
          }
        </mat-select>
        <mat-error><bs-field-error [control]="form.controls.role" label="Role" /></mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Invite</button>
    </form>
    <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
  `,
  styleUrl: './team-forms.scss',
})
export class InviteFormComponent {
  /** The roles the inviter may hand out. */
  readonly roles = input.required<readonly OrgRole[]>();
  readonly busy = input(false);
  readonly problem = input<ShownProblem | null>(null);
  /** How many invitations were sent from this form; each new one empties it. */
  readonly sent = input(0);
  readonly invite = output<InviteMemberRequest>();

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    role: new FormControl<OrgRole>('reader', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      const problem = this.problem();
      this.unmatched.set(problem === null ? [] : applyProblemToForm(this.form, problem));
    });
    effect(() => {
      if (this.sent() > 0) this.form.reset();
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.invite.emit(this.form.getRawValue());
  }
}
