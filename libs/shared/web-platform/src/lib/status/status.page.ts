import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardActions,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { type NumberCard, NumberCardsComponent } from '@bandstand/shared/web-charts';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  PlatformStatusComponent,
} from '@bandstand/shared/web-ui';
import { SectionPageComponent } from '../section/section.page';
import { type ConsoleSection } from '../console/console-definition';
import { PlatformStatusService } from './platform-status.service';

/** The console's start page: its section, plus what the api reports about the platform right now. */
@Component({
  selector: 'bs-status-page',
  imports: [
    SectionPageComponent,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardSubtitle,
    MatCardContent,
    MatCardActions,
    MatButton,
    MatIcon,
    LoadingStateComponent,
    ErrorStateComponent,
    PlatformStatusComponent,
    NumberCardsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-section-page [section]="section()">
      <mat-card appearance="outlined" class="status-card" aria-labelledby="platform-status-title">
        <mat-card-header>
          <mat-card-title id="platform-status-title" role="heading" aria-level="2"
            >Platform status</mat-card-title
          >
          <mat-card-subtitle>Live from the Bandstand api</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @let result = readiness.value();
          @if (result === undefined) {
            <bs-loading-state label="Asking the api whether it is ready…" />
          } @else if (!result.ok) {
            <bs-error-state [problem]="result.problem" [retryable]="true" (retry)="reload()" />
          } @else {
            <bs-platform-status [report]="result.value" [meta]="meta()" />
            @if (latencies().length > 0) {
              <bs-number-cards
                class="latencies"
                label="Time each dependency took to answer"
                [cards]="latencies()"
              />
            }
            @if (metaProblem(); as problem) {
              <p class="meta-problem">The release could not be read: {{ problem }}</p>
            }
          }
        </mat-card-content>
        <mat-card-actions>
          <button mat-button type="button" (click)="reload()" [disabled]="readiness.isLoading()">
            <mat-icon aria-hidden="true">refresh</mat-icon>
            Check again
          </button>
        </mat-card-actions>
      </mat-card>
    </bs-section-page>
  `,
  styles: `
    .latencies {
      margin-top: 16px;
    }
    .meta-problem {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
})
export class StatusPageComponent {
  /** Bound from the route's data. */
  readonly section = input.required<ConsoleSection>();

  private readonly status = inject(PlatformStatusService);
  protected readonly readiness = rxResource({ stream: () => this.status.readiness() });
  private readonly metaResult = rxResource({ stream: () => this.status.meta() });

  protected readonly meta = computed(() => {
    const result = this.metaResult.value();
    return result?.ok ? result.value : null;
  });

  protected readonly metaProblem = computed(() => {
    const result = this.metaResult.value();
    return result && !result.ok ? `${result.problem.title} (${result.problem.code})` : null;
  });

  /** Latency of each dependency check that reported one: real figures from this very request. */
  protected readonly latencies = computed<readonly NumberCard[]>(() => {
    const result = this.readiness.value();
    if (!result?.ok) return [];
    return result.value.dependencies.flatMap((dependency) =>
      dependency.latencyMs === undefined
        ? []
        : [{ label: dependency.name, value: dependency.latencyMs, unit: 'ms' }],
    );
  });

  protected reload(): void {
    this.readiness.reload();
    this.metaResult.reload();
  }
}
