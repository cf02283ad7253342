import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';

/**
 * A release or artist the api does not show: unknown, or not out in the fan's territory yet. The
 * api answers both alike on purpose, so the page does not guess which.
 */
@Component({
  selector: 'bs-not-available',
  imports: [EmptyStateComponent, MatAnchor, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading() }}</h1>
    <bs-empty-state
      icon="search_off"
      heading="Nothing to show at this address"
      message="It may not be out yet where you are, or the link may be mistyped."
    >
      <a mat-stroked-button routerLink="/discover">Discover new releases</a>
    </bs-empty-state>
  `,
})
export class NotAvailableComponent {
  /** "Release not found", "Artist not found". */
  readonly heading = input.required<string>();
}
