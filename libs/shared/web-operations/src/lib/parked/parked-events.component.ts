import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { type ParkedEventView } from '@bandstand/shared/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';

const COLUMNS = ['position', 'type', 'stream', 'attempts', 'parkedAt', 'error', 'retry'];

/**
 * The events one subscriber parked after its retries, oldest first, each with its error and a
 * retry (the page performs it); more pages load on demand.
 */
@Component({
  selector: 'bs-parked-events',
  imports: [
    MatTable,
    MatColumnDef,
    MatHeaderCellDef,
    MatHeaderCell,
    MatCellDef,
    MatCell,
    MatHeaderRowDef,
    MatHeaderRow,
    MatRowDef,
    MatRow,
    MatButton,
    MatIconButton,
    MatIcon,
    DatePipe,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bs-parked-head">
      <h3 class="bs-parked-title">
        Parked events of <span class="bs-parked-subscription">{{ subscription() }}</span>
      </h3>
      <button mat-icon-button type="button" aria-label="Close the parked events" (click)="closed.emit()">
        <mat-icon aria-hidden="true">close</mat-icon>
      </button>
    </header>
    @if (problem(); as problem) {
      <bs-error-state [problem]="problem" [retryable]="true" (retry)="reload.emit()" />
    } @else if (items().length === 0) {
      @if (loading()) {
        <bs-loading-state label="Loading the parked events…" [compact]="true" />
      } @else {
        <bs-empty-state
          icon="task_alt"
          heading="Nothing parked"
          message="Every event this subscriber read was handled, or retried successfully."
        />
      }
    } @else {
      <div class="bs-table-scroll">
        <table mat-table [dataSource]="items()" [attr.aria-label]="'Parked events of ' + subscription()">
          <ng-container matColumnDef="position">
            <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Position</th>
            <td mat-cell *matCellDef="let row" class="bs-cell-end">{{ row.globalPosition }}</td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef>Event</th>
            <td mat-cell *matCellDef="let row">{{ row.eventType }}</td>
          </ng-container>
          <ng-container matColumnDef="stream">
            <th mat-header-cell *matHeaderCellDef>Stream</th>
            <td mat-cell *matCellDef="let row" class="bs-stream">{{ row.streamId }}</td>
          </ng-container>
          <ng-container matColumnDef="attempts">
            <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Attempts</th>
            <td mat-cell *matCellDef="let row" class="bs-cell-end">{{ row.attempts }}</td>
          </ng-container>
          <ng-container matColumnDef="parkedAt">
            <th mat-header-cell *matHeaderCellDef>Parked</th>
            <td mat-cell *matCellDef="let row" class="bs-nowrap">{{ row.parkedAt | date: 'medium' }}</td>
          </ng-container>
          <ng-container matColumnDef="error">
            <th mat-header-cell *matHeaderCellDef>Error</th>
            <td mat-cell *matCellDef="let row" class="bs-parked-error">{{ row.error }}</td>
          </ng-container>
          <ng-container matColumnDef="retry">
            <th mat-header-cell *matHeaderCellDef><span class="bs-visually-hidden">Retry</span></th>
            <td mat-cell *matCellDef="let row" class="bs-cell-end">
              @if (row.retryRequestedAt) {
                <span class="bs-retry-requested">Retry requested</span>
              } @else {
                <button
                  mat-stroked-button
                  type="button"
                  class="bs-retry"
                  [disabled]="busy().has(row.globalPosition)"
                  [attr.aria-label]="'Retry event ' + row.globalPosition"
                  (click)="retry.emit(row)"
                >
                  <mat-icon aria-hidden="true">replay</mat-icon>
                  Retry
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" [attr.data-position]="row.globalPosition"></tr>
        </table>
      </div>
      @if (hasMore()) {
        <button mat-button type="button" class="bs-more" [disabled]="loading()" (click)="more.emit()">
          Show more
        </button>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
      min-width: 0;
    }
    .bs-parked-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .bs-parked-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .bs-parked-subscription {
      font-family: monospace;
    }
    .bs-table-scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
    }
    .bs-cell-end {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .bs-nowrap,
    .bs-stream {
      white-space: nowrap;
    }
    .bs-parked-error {
      min-width: 24ch;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
      word-break: break-word;
    }
    .bs-retry-requested {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .bs-more {
      justify-self: center;
    }
    .bs-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class ParkedEventsComponent {
  readonly subscription = input.required<string>();
  readonly items = input.required<readonly ParkedEventView[]>();
  readonly hasMore = input(false);
  readonly loading = input(false);
  /** Why the list could not be read. */
  readonly problem = input<ShownProblem | null>(null);
  /** Positions with a retry request in flight. */
  readonly busy = input<ReadonlySet<string>>(new Set());

  readonly retry = output<ParkedEventView>();
  readonly more = output();
  readonly reload = output();
  readonly closed = output();

  protected readonly columns = COLUMNS;
}
