import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type Artist,
  PARENTAL_WARNINGS,
  type ParentalWarning,
  type TrackBatchFields,
} from '@bandstand/catalog/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  ProblemAlertComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { revalidate } from '../../shared/ui/revalidate';
import { ContributorsEditorComponent } from '../release-editor/contributors-editor.component';
import { type ContributorForm, contributorValue } from '../release-editor/release-form';

function batchForm() {
  return new FormGroup({
    change: new FormGroup({
      genre: new FormControl(false, { nonNullable: true }),
      parentalWarning: new FormControl(false, { nonNullable: true }),
      language: new FormControl(false, { nonNullable: true }),
      displayArtist: new FormControl(false, { nonNullable: true }),
    }),
    // Named like the request's `set`, so that the api's `set.genre` errors reach their fields.
    set: new FormGroup({
      genre: new FormControl('', { nonNullable: true }),
      parentalWarning: new FormControl<ParentalWarning>('not-explicit', { nonNullable: true }),
      language: new FormControl('', { nonNullable: true }),
      displayArtist: new FormControl('', { nonNullable: true }),
      addContributors: new FormArray<ContributorForm>([]),
    }),
  });
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * What a batch edit sets on every selected track: each field applies only when ticked (a ticked
 * blank genre or language clears it), and credits are added where missing.
 */
@Component({
  selector: 'bs-batch-fields-form',
  imports: [
    ReactiveFormsModule,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    FieldErrorComponent,
    ContributorsEditorComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="bs-batch-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      aria-label="Fields to change"
    >
      <div class="bs-field" formGroupName="change">
        <mat-checkbox formControlName="genre">Change the genre</mat-checkbox>
      </div>
      <div formGroupName="set" class="bs-fields">
        @if (form.controls.change.controls.genre.value) {
          <mat-form-field>
            <mat-label>Genre</mat-label>
            <input matInput formControlName="genre" />
            <mat-hint>Leave blank to clear it</mat-hint>
            <mat-error
              ><bs-field-error [control]="form.controls.set.controls.genre" label="Genre"
            /></mat-error>
          </mat-form-field>
        }
      </div>
      <div class="bs-field" formGroupName="change">
        <mat-checkbox formControlName="parentalWarning">Change the parental warning</mat-checkbox>
      </div>
      <div formGroupName="set" class="bs-fields">
        @if (form.controls.change.controls.parentalWarning.value) {
          <mat-form-field>
            <mat-label>Parental warning</mat-label>
            <mat-select formControlName="parentalWarning">
              @for (warning of warnings; track warning) {
                <mat-option [value]="warning">{{ warning }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
      </div>
      <div class="bs-field" formGroupName="change">
        <mat-checkbox formControlName="language">Change the language</mat-checkbox>
      </div>
      <div formGroupName="set" class="bs-fields">
        @if (form.controls.change.controls.language.value) {
          <mat-form-field>
            <mat-label>Language</mat-label>
            <input matInput formControlName="language" placeholder="en" />
            <mat-hint>BCP 47 tag; zxx for instrumentals</mat-hint>
            <mat-error>
              <bs-field-error [control]="form.controls.set.controls.language" label="Language" />
            </mat-error>
          </mat-form-field>
        }
      </div>
      <div class="bs-field" formGroupName="change">
        <mat-checkbox formControlName="displayArtist">Change the display artist</mat-checkbox>
      </div>
      <div formGroupName="set" class="bs-fields">
        @if (form.controls.change.controls.displayArtist.value) {
          <mat-form-field>
            <mat-label>Display artist</mat-label>
            <input matInput formControlName="displayArtist" />
            <mat-error>
              <bs-field-error [control]="form.controls.set.controls.displayArtist" label="Display artist" />
            </mat-error>
          </mat-form-field>
        }
      </div>
      <bs-contributors-editor
        [contributors]="form.controls.set.controls.addContributors"
        [artists]="artists()"
        label="Credit to add"
      />
      <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
      <div class="bs-actions">
        <button mat-flat-button type="submit" [disabled]="busy() || selectedCount() === 0">Preview</button>
        <span class="bs-muted"
          >{{ selectedCount() }} {{ selectedCount() === 1 ? 'track' : 'tracks' }} selected</span
        >
      </div>
    </form>
  `,
  styles: `
    .bs-batch-form {
      display: grid;
      gap: 4px;
    }
    .bs-fields {
      padding-left: 40px;
    }
    .bs-actions {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
    }
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class BatchFieldsFormComponent {
  readonly selectedCount = input(0);
  readonly artists = input<readonly Artist[]>([]);
  readonly busy = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly preview = output<TrackBatchFields>();

  protected readonly warnings = PARENTAL_WARNINGS;
  protected readonly form = batchForm();
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      const problem = this.problem();
      this.unmatched.set(problem === null ? [] : applyProblemToForm(this.form, problem));
    });
  }

  protected submit(): void {
    revalidate(this.form);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const change = this.form.controls.change.getRawValue();
    const set = this.form.controls.set.controls;
    const contributors = set.addContributors.controls.map(contributorValue);
    this.preview.emit({
      ...(change.genre ? { genre: blankToNull(set.genre.value) } : {}),
      ...(change.parentalWarning ? { parentalWarning: set.parentalWarning.value } : {}),
      ...(change.language ? { language: blankToNull(set.language.value) } : {}),
      ...(change.displayArtist ? { displayArtist: set.displayArtist.value.trim() } : {}),
      ...(contributors.length > 0 ? { addContributors: contributors } : {}),
    });
  }
}
