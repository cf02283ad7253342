import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';
import { type ConsoleSection } from '../console/console-definition';

/**
 * A section of the console before its context is built: what the section is for, and an empty
 * state saying what will appear and with which part of the platform. Content projected into it
 * (the platform status, later the section's own views) goes between the two.
 */
@Component({
  selector: 'bs-section-page',
  imports: [MatCard, EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <header>
        <h1>{{ section().heading }}</h1>
        <p class="purpose">{{ section().purpose }}</p>
      </header>
      <ng-content />
      <mat-card appearance="outlined">
        <bs-empty-state
          icon="{{ section().icon }}"
          [heading]="section().upcoming.heading"
          [message]="section().upcoming.message"
        />
      </mat-card>
    </div>
  `,
  styles: `
    .purpose {
      max-width: 75ch;
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SectionPageComponent {
  /** Bound from the route's data. */
  readonly section = input.required<ConsoleSection>();
}
