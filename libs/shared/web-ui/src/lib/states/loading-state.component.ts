import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

/** Data is on its way: a spinner and a short label, announced politely. */
@Component({
  selector: 'bs-loading-state',
  imports: [MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-progress-spinner mode="indeterminate" [diameter]="compact() ? 24 : 40" [attr.aria-label]="label()" />
    <p class="bs-state-message">{{ label() }}</p>
  `,
  styleUrl: './state.scss',
  host: {
    class: 'bs-state bs-loading-state',
    role: 'status',
    'aria-live': 'polite',
    '[class.bs-state--compact]': 'compact()',
  },
})
export class LoadingStateComponent {
  readonly label = input('Loading…');
  /** A one-line variant for use inside cards and table cells. */
  readonly compact = input(false);
}
