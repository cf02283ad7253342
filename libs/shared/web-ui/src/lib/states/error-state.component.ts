import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { type ShownProblem } from '../problem/problem';

/**
 * A request failed: the problem's title and detail for the user, its code and correlation id for
 * support (they find the server's log lines with it), and an optional retry.
 */
@Component({
  selector: 'bs-error-state',
  imports: [MatIcon, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon class="bs-state-icon" aria-hidden="true">error</mat-icon>
    <h3 class="bs-state-title">{{ problem().title }}</h3>
    @if (problem().detail) {
      <p class="bs-state-message">{{ problem().detail }}</p>
    }
    <dl class="bs-problem-facts">
      <dt>Code</dt>
      <dd>
        <code class="bs-problem-code">{{ problem().code }}</code>
      </dd>
      @if (problem().status > 0) {
        <dt>Status</dt>
        <dd>{{ problem().status }}</dd>
      }
      @if (problem().correlationId) {
        <dt>Correlation id</dt>
        <dd>
          <code class="bs-problem-correlation">{{ problem().correlationId }}</code>
        </dd>
      }
    </dl>
    @if (retryable()) {
      <button mat-stroked-button type="button" (click)="retry.emit()">
        <mat-icon aria-hidden="true">refresh</mat-icon>
        Try again
      </button>
    }
  `,
  styleUrl: './state.scss',
  host: { class: 'bs-state bs-error-state', role: 'alert' },
})
export class ErrorStateComponent {
  readonly problem = input.required<ShownProblem>();
  /** Show the "Try again" button. */
  readonly retryable = input(false);
  readonly retry = output();
}
