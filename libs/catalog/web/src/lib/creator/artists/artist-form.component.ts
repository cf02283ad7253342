import { ChangeDetectionStrategy, Component, effect, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type Artist, type ArtistInput, formatIsni } from '@bandstand/catalog/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  ProblemAlertComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { LocalizedTextFieldsComponent } from '../../shared/ui/localized-text-fields.component';
import { localizedTextForm, localizedTextValue } from '../../shared/ui/localized-text.form';
import { revalidate } from '../../shared/ui/revalidate';
import { tidyIdentifier } from '../../shared/format/catalog-display';

function artistForm(artist: Artist | null) {
  return new FormGroup({
    name: localizedTextForm(artist?.name),
    isni: new FormControl(artist?.isni ? formatIsni(artist.isni) : '', { nonNullable: true }),
    ipi: new FormControl(artist?.ipi ?? '', { nonNullable: true }),
    country: new FormControl(artist?.country ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(2)],
    }),
    bio: new FormControl(artist?.bio ?? '', { nonNullable: true, validators: [Validators.maxLength(5000)] }),
  });
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An artist profile's form: name with translations, ISNI, IPI, country and bio; new when `artist` is null. */
@Component({
  selector: 'bs-artist-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    FieldErrorComponent,
    LocalizedTextFieldsComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="bs-artist-form"
      [formGroup]="form()"
      (ngSubmit)="submit()"
      novalidate
      [attr.aria-label]="artist() === null ? 'New artist' : 'Edit artist'"
    >
      <bs-localized-text-fields [group]="form().controls.name" label="Name" />
      <div class="bs-row">
        <mat-form-field>
          <mat-label>ISNI</mat-label>
          <input matInput formControlName="isni" placeholder="0000 0001 2103 2683" (blur)="tidyIsni()" />
          <mat-error><bs-field-error [control]="form().controls.isni" label="ISNI" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>IPI</mat-label>
          <input matInput formControlName="ipi" inputmode="numeric" />
          <mat-hint>11 digits, for songwriters</mat-hint>
          <mat-error><bs-field-error [control]="form().controls.ipi" label="IPI" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Country</mat-label>
          <input matInput formControlName="country" placeholder="GB" maxlength="2" />
          <mat-hint>ISO 3166 code</mat-hint>
          <mat-error><bs-field-error [control]="form().controls.country" label="Country" /></mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>Bio</mat-label>
        <textarea matInput rows="4" formControlName="bio"></textarea>
        <mat-error><bs-field-error [control]="form().controls.bio" label="Bio" /></mat-error>
      </mat-form-field>
      <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
      <div class="bs-actions">
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ artist() === null ? 'Create artist' : 'Save artist' }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .bs-artist-form {
      display: grid;
      gap: 4px;
    }
    .bs-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class ArtistFormComponent {
  /** The artist edited, or null for a new one. */
  readonly artist = input<Artist | null>(null);
  readonly busy = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly saved = output<ArtistInput>();
  readonly cancelled = output();

  protected readonly form = signal(artistForm(null));
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => this.form.set(artistForm(this.artist())));
    effect(() => {
      const problem = this.problem();
      const form = untracked(this.form);
      this.unmatched.set(problem === null ? [] : applyProblemToForm(form, problem));
    });
  }

  protected tidyIsni(): void {
    const control = this.form().controls.isni;
    const tidied = tidyIdentifier('isni', control.value);
    if (tidied !== control.value) control.setValue(tidied);
  }

  protected submit(): void {
    const form = this.form();
    revalidate(form);
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const value = form.getRawValue();
    this.saved.emit({
      name: localizedTextValue(form.controls.name),
      isni: blankToNull(value.isni),
      ipi: blankToNull(value.ipi),
      country: blankToNull(value.country)?.toUpperCase() ?? null,
      bio: blankToNull(value.bio),
    });
  }
}
