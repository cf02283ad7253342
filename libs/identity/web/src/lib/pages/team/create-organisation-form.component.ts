import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type CreateOrganisationRequest, type OrgKind } from '@bandstand/identity/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  ProblemAlertComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';

/** Creates an organisation: an artist, or a label with several artists. */
@Component({
  selector: 'bs-create-organisation-form',
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
    <form class="bs-team-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>Organisation name</mat-label>
        <input matInput formControlName="name" autocomplete="organization" required />
        <mat-error><bs-field-error [control]="form.controls.name" label="Organisation name" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Kind</mat-label>
        <mat-select formControlName="kind">
          <mat-option value="artist">Artist</mat-option>
          <mat-option value="label">Label</mat-option>
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">Create organisation</button>
    </form>
    <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
  `,
  styleUrl: './team-forms.scss',
})
export class CreateOrganisationFormComponent {
  readonly busy = input(false);
  /** Why the last attempt failed; its field errors go next to their fields. */
  readonly problem = input<ShownProblem | null>(null);
  readonly create = output<CreateOrganisationRequest>();

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    kind: new FormControl<OrgKind>('artist', { nonNullable: true }),
  });
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      const problem = this.problem();
      this.unmatched.set(problem === null ? [] : applyProblemToForm(this.form, problem));
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.create.emit(this.form.getRawValue());
  }
}
