import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** A place with nothing to show yet: says what will appear there and why it is empty now. */
@Component({
  selector: 'bs-empty-state',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon class="bs-state-icon" aria-hidden="true">{{ icon() }}</mat-icon>
    <h3 class="bs-state-title">{{ heading() }}</h3>
    @if (message()) {
      <p class="bs-state-message">{{ message() }}</p>
    }
    <ng-content />
  `,
  styleUrl: './state.scss',
  host: { class: 'bs-state bs-empty-state' },
})
export class EmptyStateComponent {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly message = input<string>();
}
