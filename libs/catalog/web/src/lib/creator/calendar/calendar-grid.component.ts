import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type CalendarEntry } from '@bandstand/catalog/contracts';
import { type CalendarDay, type CalendarMode, inWeeks } from './calendar-days';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The calendar's days as a grid: weeks of seven (month) or one tall week, each day with its entries. */
@Component({
  selector: 'bs-calendar-grid',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="bs-calendar" [class.bs-week]="mode() === 'week'">
      <caption class="bs-visually-hidden">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          @for (weekday of weekdays; track weekday) {
            <th scope="col">
              <abbr [title]="weekday">{{ weekday.slice(0, 3) }}</abbr>
            </th>
          }
        </tr>
      </thead>
      <tbody>
        @for (week of weeks(); track week[0]?.key) {
          <tr>
            @for (day of week; track day.key) {
              <td
                [attr.data-day]="day.key"
                [class.bs-outside]="!day.inPeriod"
                [class.bs-today]="day.today"
                [attr.aria-current]="day.today ? 'date' : null"
              >
                <div class="bs-day-number">
                  {{ day.date | date: (mode() === 'week' ? 'EEE d MMM' : 'd') }}
                </div>
                <ul>
                  @for (entry of day.entries; track $index) {
                    <li [class]="'bs-entry bs-entry-' + entry.kind" [attr.data-release]="entry.releaseId">
                      <a [routerLink]="['/catalog/releases', entry.releaseId]">
                        <span class="bs-entry-kind">{{ kindLabel(entry) }}</span>
                        @if (entry.kind !== 'embargo') {
                          <span class="bs-entry-time">{{ entry.at | date: 'shortTime' }}</span>
                        }
                        {{ entry.title }}
                      </a>
                      @if (mode() === 'week') {
                        <span class="bs-entry-artist">{{ entry.displayArtist }}</span>
                      }
                    </li>
                  }
                </ul>
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .bs-calendar {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
    }
    th {
      padding: 4px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    abbr {
      text-decoration: none;
    }
    td {
      height: 96px;
      padding: 4px;
      vertical-align: top;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .bs-week td {
      height: 320px;
    }
    .bs-outside {
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-today .bs-day-number {
      display: inline-block;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    ul {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    .bs-entry {
      padding: 1px 4px;
      border-radius: 4px;
      font: var(--mat-sys-body-small);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .bs-entry a {
      color: inherit;
      text-decoration: none;
    }
    .bs-entry-release,
    .bs-entry-territory-release {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .bs-entry-embargo {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-entry-kind {
      font-weight: 600;
    }
    .bs-entry-artist {
      display: block;
      opacity: 0.8;
    }
  `,
})
export class CalendarGridComponent {
  readonly days = input.required<readonly CalendarDay[]>();
  readonly mode = input<CalendarMode>('month');
  readonly caption = input('Release calendar');

  protected readonly weekdays = WEEKDAYS;
  protected readonly weeks = computed(() => inWeeks(this.days()));

  protected kindLabel(entry: CalendarEntry): string {
    switch (entry.kind) {
      case 'release':
        return 'Release';
      case 'territory-release':
        return `Release ${entry.territory ?? ''}`.trim();
      case 'embargo':
        return `Embargo ${entry.territory ?? ''}`.trim();
    }
  }
}
