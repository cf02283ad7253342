import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type StaffUserSummary } from '@bandstand/identity/contracts';

/** Users found by a staff search, with "Open" for the detail and "Load more" for the next page. */
@Component({
  selector: 'bs-staff-user-list',
  imports: [DatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (users().length === 0 && !loading()) {
      <p class="bs-muted">No user matches.</p>
    } @else {
      <div class="bs-table-scroll">
        <table>
          <caption class="bs-visually-hidden">
            Users
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Staff roles</th>
              <th scope="col">Joined</th>
              <th scope="col"><span class="bs-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (user of users(); track user.userId) {
              <tr [attr.data-user]="user.userId" [class.bs-selected]="user.userId === selectedId()">
                <td>
                  {{ user.displayName }}
                  @if (user.deleted) {
                    <span class="bs-muted">(deleted)</span>
                  }
                </td>
                <td>{{ user.email ?? '—' }}</td>
                <td>{{ user.staffRoles.length === 0 ? '—' : user.staffRoles.join(', ') }}</td>
                <td>{{ user.createdAt | date: 'mediumDate' }}</td>
                <td>
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'Open ' + user.displayName"
                    [attr.aria-pressed]="user.userId === selectedId()"
                    (click)="open.emit(user)"
                  >
                    Open
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (hasMore()) {
      <button mat-stroked-button type="button" [disabled]="loading()" (click)="more.emit()">Load more</button>
    }
  `,
  styleUrl: '../team/team-tables.scss',
  styles: `
    .bs-selected {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class StaffUserListComponent {
  readonly users = input.required<readonly StaffUserSummary[]>();
  readonly selectedId = input<string | null>(null);
  readonly hasMore = input(false);
  readonly loading = input(false);
  readonly open = output<StaffUserSummary>();
  readonly more = output();
}
