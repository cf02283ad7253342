import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { ErrorStateComponent, LoadingStateComponent, problemFromError } from '@bandstand/shared/web-ui';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { CatalogClient } from '../../shared/data/catalog.client';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { PageHeadingComponent } from '../../shared/ui/page-heading.component';
import { calendarDays, type CalendarMode, calendarRange, shiftAnchor } from './calendar-days';
import { CalendarGridComponent } from './calendar-grid.component';

/**
 * The release calendar: release moments, territories' own moments and embargo windows of the
 * organisation's releases, a month or a week at a time, in the browser's time zone.
 */
@Component({
  selector: 'bs-release-calendar-page',
  imports: [
    DatePipe,
    MatButton,
    MatIconButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatCard,
    MatCardContent,
    MatIcon,
    ErrorStateComponent,
    LoadingStateComponent,
    OrgScopeComponent,
    PageHeadingComponent,
    CalendarGridComponent,
  ],
  providers: [ActiveOrganisation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <bs-catalog-page-heading heading="Release calendar" />
      <bs-catalog-org-scope
        [organisations]="org.list()"
        [selected]="org.organisation()"
        [problem]="org.problem()"
        (choose)="org.choose($event)"
        (retry)="org.organisations.reload()"
      >
        <mat-card appearance="outlined">
          <mat-card-content class="bs-calendar-card">
            <div class="bs-toolbar">
              <button
                mat-icon-button
                type="button"
                [attr.aria-label]="'Previous ' + mode()"
                (click)="shift(-1)"
              >
                <mat-icon aria-hidden="true">chevron_left</mat-icon>
              </button>
              <button mat-stroked-button type="button" (click)="today()">Today</button>
              <button mat-icon-button type="button" [attr.aria-label]="'Next ' + mode()" (click)="shift(1)">
                <mat-icon aria-hidden="true">chevron_right</mat-icon>
              </button>
              <h2 class="bs-period" aria-live="polite">
                @if (mode() === 'month') {
                  {{ anchor() | date: 'MMMM y' }}
                } @else {
                  {{ range().from | date: 'd MMM' }} – {{ lastDay() | date: 'd MMM y' }}
                }
              </h2>
              <mat-button-toggle-group
                [value]="mode()"
                (change)="mode.set($event.value)"
                aria-label="Calendar view"
                hideSingleSelectionIndicator
              >
                <mat-button-toggle value="month">Month</mat-button-toggle>
                <mat-button-toggle value="week">Week</mat-button-toggle>
              </mat-button-toggle-group>
            </div>
            @if (entries.error(); as error) {
              <bs-error-state [problem]="problemOf(error)" [retryable]="true" (retry)="entries.reload()" />
            } @else {
              @if (entries.isLoading()) {
                <bs-loading-state [compact]="true" label="Loading the calendar…" />
              }
              <bs-calendar-grid [days]="days()" [mode]="mode()" />
            }
          </mat-card-content>
        </mat-card>
      </bs-catalog-org-scope>
    </div>
  `,
  styles: `
    .bs-calendar-card {
      display: grid;
      gap: 12px;
    }
    .bs-toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .bs-period {
      flex: 1;
      margin: 0 8px;
      font: var(--mat-sys-title-large);
    }
  `,
})
export class ReleaseCalendarPageComponent {
  private readonly client = inject(CatalogClient);
  protected readonly org = inject(ActiveOrganisation);

  protected readonly mode = signal<CalendarMode>('month');
  protected readonly anchor = signal(new Date());
  protected readonly range = computed(() => calendarRange(this.mode(), this.anchor()));
  protected readonly lastDay = computed(() => new Date(this.range().to.getTime() - 1));

  protected readonly entries = rxResource({
    params: () => {
      const orgId = this.org.orgId();
      const { from, to } = this.range();
      return orgId === null ? undefined : { orgId, from: from.toISOString(), to: to.toISOString() };
    },
    stream: ({ params }) => this.client.calendar(params.orgId, { from: params.from, to: params.to }),
  });

  protected readonly days = computed(() =>
    calendarDays(this.mode(), this.anchor(), this.entries.hasValue() ? this.entries.value() : []),
  );

  protected problemOf(error: unknown) {
    return problemFromError(error);
  }

  protected shift(by: -1 | 1): void {
    this.anchor.update((anchor) => shiftAnchor(this.mode(), anchor, by));
  }

  protected today(): void {
    this.anchor.set(new Date());
  }
}
