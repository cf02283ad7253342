import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type TeamActivityEntry } from '@bandstand/identity/contracts';

/** The team's activity log, newest first: who changed what, when. */
@Component({
  selector: 'bs-team-activity',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="bs-muted">Nothing has happened in this team yet.</p>
    } @else {
      <ol class="bs-activity" aria-label="Team activity">
        @for (entry of entries(); track entry.eventId) {
          <li [attr.data-kind]="entry.kind">
            <time [attr.datetime]="entry.at">{{ entry.at | date: 'medium' }}</time>
            <span>{{ entry.summary }}</span>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .bs-activity {
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: minmax(12ch, max-content) 1fr;
      gap: 16px;
    }
    time,
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TeamActivityComponent {
  readonly entries = input.required<readonly TeamActivityEntry[]>();
}
