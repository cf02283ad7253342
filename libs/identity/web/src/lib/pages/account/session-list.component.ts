import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type SessionSummary } from '@bandstand/identity/contracts';
import { SIGN_IN_METHOD_LABELS } from '../../data/identity-messages';

/** The account's active sessions: how and where each started, with "Sign out" per session. */
@Component({
  selector: 'bs-session-list',
  imports: [DatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="bs-account-list">
      @for (session of sessions(); track session.sessionId) {
        <li [attr.data-session]="session.sessionId">
          <div>
            <strong>{{ methodLabel(session.method) }}</strong>
            @if (session.current) {
              <span class="bs-current">This browser</span>
            }
            <span class="bs-account-meta">{{ session.userAgent || 'Unknown device' }}</span>
            <span class="bs-account-meta">
              Started {{ session.createdAt | date: 'medium' }} · last active
              {{ session.lastUsedAt | date: 'medium' }}
            </span>
          </div>
          <button
            mat-button
            type="button"
            [disabled]="busy()"
            [attr.aria-label]="
              session.current
                ? 'Sign out this browser'
                : 'Sign out session started ' + (session.createdAt | date: 'medium')
            "
            (click)="end.emit(session)"
          >
            Sign out
          </button>
        </li>
      }
    </ul>
  `,
  styleUrl: './account-lists.scss',
})
export class SessionListComponent {
  readonly sessions = input.required<readonly SessionSummary[]>();
  readonly busy = input(false);
  /** The session to sign out. */
  readonly end = output<SessionSummary>();

  protected methodLabel(method: string): string {
    return SIGN_IN_METHOD_LABELS[method] ?? method;
  }
}
