import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';

/** A one-field search (or filter) form: the text is two-way bound, and submitting emits it. */
@Component({
  selector: 'bs-catalog-search-form',
  imports: [FormsModule, MatFormField, MatLabel, MatInput, MatIconButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form role="search" (ngSubmit)="submitted.emit(text())">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ label() }}</mat-label>
        <input
          matInput
          name="q"
          [ngModel]="text()"
          (ngModelChange)="text.set($event)"
          [placeholder]="placeholder()"
        />
      </mat-form-field>
      <button mat-icon-button type="submit" [attr.aria-label]="submitLabel()">
        <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      </button>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    form {
      display: flex;
      align-items: center;
    }
    mat-form-field {
      flex: 1;
    }
  `,
})
export class SearchFormComponent {
  readonly label = input.required<string>();
  readonly placeholder = input('');
  /** The submit button's accessible name. */
  readonly submitLabel = input.required<string>();
  readonly icon = input('search');
  /** The text typed so far. */
  readonly text = model('');
  readonly submitted = output<string>();
}
