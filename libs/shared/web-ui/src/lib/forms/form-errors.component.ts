import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { type FieldError } from '@bandstand/shared/contracts';

/**
 * Errors that belong to the form as a whole (typically the ones {@link applyProblemToForm}
 * could not attach to a field), announced to assistive technology as they appear.
 */
@Component({
  selector: 'bs-form-errors',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="bs-form-errors">
      @if (errors().length > 0) {
        <mat-icon aria-hidden="true">error</mat-icon>
        <ul>
          @for (error of errors(); track $index) {
            <li [attr.data-code]="error.code">{{ error.message }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .bs-form-errors:not(:empty) {
      display: flex;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    ul {
      margin: 0;
      padding-left: 16px;
    }
  `,
})
export class FormErrorsComponent {
  readonly errors = input<readonly FieldError[]>([]);
}
