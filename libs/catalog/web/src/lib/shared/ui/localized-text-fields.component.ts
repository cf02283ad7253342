import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';
import { type LocalizedTextForm, translationForm } from './localized-text.form';

/**
 * A text in its own language with translations and transliterations: the text, its language tag
 * and one row (language tag + text) per other rendering, e.g. `ja-Latn` for a romanised Japanese title.
 */
@Component({
  selector: 'bs-localized-text-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatIconButton,
    MatIcon,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-localized" [formGroup]="group()">
      <div class="bs-localized-main">
        <mat-form-field class="bs-localized-text">
          <mat-label>{{ label() }}</mat-label>
          <input matInput formControlName="text" [required]="required()" />
          <mat-error><bs-field-error [control]="group().controls.text" [label]="label()" /></mat-error>
        </mat-form-field>
        <mat-form-field class="bs-language">
          <mat-label>{{ label() }} language</mat-label>
          <input matInput formControlName="language" placeholder="en" />
          <mat-hint>BCP 47 tag</mat-hint>
          <mat-error>
            <bs-field-error [control]="group().controls.language" [label]="label() + ' language'" />
          </mat-error>
        </mat-form-field>
      </div>
      <div formArrayName="translations" class="bs-translations">
        @for (row of group().controls.translations.controls; track $index; let i = $index) {
          <div class="bs-translation" [formGroupName]="i">
            <mat-form-field class="bs-language">
              <mat-label>{{ label() }} translation {{ i + 1 }} language</mat-label>
              <input matInput formControlName="language" placeholder="ja-Latn" />
              <mat-error>
                <bs-field-error [control]="row.controls.language" label="Language" />
              </mat-error>
            </mat-form-field>
            <mat-form-field class="bs-localized-text">
              <mat-label>{{ label() }} translation {{ i + 1 }}</mat-label>
              <input matInput formControlName="text" />
              <mat-error><bs-field-error [control]="row.controls.text" label="Translation" /></mat-error>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Remove ' + label() + ' translation ' + (i + 1)"
              (click)="remove(i)"
            >
              <mat-icon aria-hidden="true">close</mat-icon>
            </button>
          </div>
        }
      </div>
      <button mat-button type="button" class="bs-add-translation" (click)="add()">
        <mat-icon aria-hidden="true">translate</mat-icon>
        Add a translation of {{ label() }}
      </button>
    </div>
  `,
  styles: `
    .bs-localized-main,
    .bs-translation {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .bs-localized-text {
      flex: 1 1 240px;
    }
    .bs-language {
      flex: 0 1 140px;
    }
  `,
})
export class LocalizedTextFieldsComponent {
  readonly group = input.required<LocalizedTextForm>();
  /** The field's name as the user sees it ("Title", "Track 2 title"). */
  readonly label = input.required<string>();
  readonly required = input(true);

  protected add(): void {
    this.group().controls.translations.push(translationForm());
  }

  protected remove(index: number): void {
    this.group().controls.translations.removeAt(index);
    this.group().markAsDirty();
  }
}
