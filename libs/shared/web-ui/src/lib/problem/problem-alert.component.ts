import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { type FieldError } from '@bandstand/shared/contracts';
import { type ShownProblem } from './problem';

/**
 * What went wrong with an action, in the api's own words (the problem's `detail`, else its title),
 * plus the field errors no field of the form could show. Announced as it appears: the alert region
 * is always there, so assistive technology notices when a problem fills it.
 */
@Component({
  selector: 'bs-problem-alert',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="bs-problem-alert" [attr.data-code]="problem()?.code">
      @if (problem(); as shown) {
        <mat-icon aria-hidden="true">error</mat-icon>
        <div>
          <p class="bs-problem-detail">{{ shown.detail || shown.title }}</p>
          @for (error of fieldErrors(); track $index) {
            <p class="bs-problem-field">{{ error.message }}</p>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .bs-problem-alert:not(:empty) {
      display: flex;
      gap: 8px;
      padding: 12px 16px;
      margin: 8px 0;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
    }
  `,
})
export class ProblemAlertComponent {
  /** The problem to show; nothing shows without one. */
  readonly problem = input<ShownProblem | null>(null);
  /** Field errors that belong to no field of the form. */
  readonly fieldErrors = input<readonly FieldError[]>([]);
}
