import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, resource } from '@angular/core';
import { MatCard } from '@angular/material/card';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
} from '@bandstand/shared/web-ui';
import { type ConsoleSection } from '../console/console-definition';

/**
 * A section of the console: what the section is for, content projected into it (the platform
 * status), the section's own view when it has one, and an empty state saying what will appear and
 * with which part of the platform.
 */
@Component({
  selector: 'bs-section-page',
  imports: [MatCard, EmptyStateComponent, ErrorStateComponent, LoadingStateComponent, NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <header>
        <h1>{{ section().heading }}</h1>
        <p class="purpose">{{ section().purpose }}</p>
      </header>
      <ng-content />
      @if (viewProblem(); as problem) {
        <bs-error-state [problem]="problem" />
      } @else if (view.hasValue()) {
        <ng-container *ngComponentOutlet="view.value()" />
      } @else if (view.isLoading()) {
        <bs-loading-state label="Loading this section…" />
      }
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

  protected readonly view = resource({
    params: () => this.section().view,
    loader: ({ params: load }) => load(),
  });

  protected readonly viewProblem = computed(() => {
    const error = this.view.error();
    return error === undefined ? null : problemFromError(error);
  });
}
