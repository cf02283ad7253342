import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';

/** What a text prompt asks: a confirmation that also takes a note or a reason. */
export interface TextPromptData {
  readonly title: string;
  readonly message: string;
  readonly label: string;
  readonly confirmLabel: string;
  /** The text must not be blank. */
  readonly required: boolean;
  readonly maxLength?: number;
}

/** Confirms an action with a text (a version's note, a takedown's reason); closes with the text, or undefined. */
@Component({
  selector: 'bs-text-prompt-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="bs-prompt-message">{{ data.message }}</p>
      <mat-form-field class="bs-prompt-field">
        <mat-label>{{ data.label }}</mat-label>
        <textarea matInput rows="3" [formControl]="text" [required]="data.required"></textarea>
        <mat-error><bs-field-error [control]="text" [label]="data.label" /></mat-error>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
      <button mat-flat-button type="button" class="bs-confirm" (click)="confirm()">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .bs-prompt-message {
      max-width: 60ch;
    }
    .bs-prompt-field {
      width: 100%;
    }
  `,
})
export class TextPromptDialogComponent {
  protected readonly data = inject<TextPromptData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<TextPromptDialogComponent, string>>(MatDialogRef);

  protected readonly text = new FormControl('', {
    nonNullable: true,
    validators: [
      ...(this.data.required ? [Validators.required] : []),
      Validators.maxLength(this.data.maxLength ?? 1000),
    ],
  });

  protected confirm(): void {
    const value = this.text.value.trim();
    if (this.data.required && value === '') this.text.setValue('');
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.dialog.close(value);
  }
}
