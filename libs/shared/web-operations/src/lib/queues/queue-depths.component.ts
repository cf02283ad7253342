import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
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
import { type QueueDepth, type QueueDepthsView } from '@bandstand/shared/contracts';
import { BarChartComponent, type CategoryValue } from '@bandstand/shared/web-charts';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';

/** A numeric column of the queue table. */
interface CountColumn {
  readonly id: string;
  readonly header: string;
  readonly count: (depth: QueueDepth) => number;
}

// The outbox holds jobs scheduled in PostgreSQL that BullMQ has not taken (or finished) yet.
const COUNT_COLUMNS: readonly CountColumn[] = [
  { id: 'waiting', header: 'Waiting', count: (depth) => depth.waiting },
  { id: 'active', header: 'Active', count: (depth) => depth.active },
  { id: 'delayed', header: 'Delayed', count: (depth) => depth.delayed },
  { id: 'paused', header: 'Paused', count: (depth) => depth.paused },
  { id: 'failed', header: 'Failed', count: (depth) => depth.failed },
  { id: 'completed', header: 'Completed', count: (depth) => depth.completed },
  { id: 'outboxPending', header: 'Outbox pending', count: (depth) => depth.outbox.pending },
  { id: 'outboxFailed', header: 'Outbox failed', count: (depth) => depth.outbox.failed },
];

/** How many jobs each queue holds: the backlog as bars, every state in a table. */
@Component({
  selector: 'bs-queue-depths',
  // A plain Material table rather than web-ui's DataTable: the consoles import web-ui's barrel in
  // their first bundle, so DataTable (with sort, paginator and select) would move into it.
  imports: [
    BarChartComponent,
    EmptyStateComponent,
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = depths();
    @switch (view.status) {
      @case ('not-configured') {
        <bs-empty-state
          icon="stacks"
          heading="No queue depths here"
          message="This api has no access to the job queues, so it cannot report their depths."
        />
      }
      @case ('unavailable') {
        <p class="bs-queues-unavailable" role="alert">The queue depths could not be read: {{ reason() }}</p>
      }
      @default {
        @if (queues().length === 0) {
          <bs-empty-state
            icon="stacks"
            heading="No queues yet"
            message="Queues appear once jobs are declared."
          />
        } @else {
          <bs-bar-chart
            label="Jobs waiting, by queue"
            orientation="horizontal"
            valueLabel="Jobs waiting"
            [data]="backlog()"
            [height]="chartHeight()"
            [animations]="animations()"
          />
          <div class="bs-table-scroll">
            <table mat-table [dataSource]="queues()" aria-label="Jobs by queue and state">
              <ng-container matColumnDef="queue">
                <th mat-header-cell *matHeaderCellDef>Queue</th>
                <td mat-cell *matCellDef="let row" class="bs-queue-name">{{ row.queue }}</td>
              </ng-container>
              @for (column of countColumns; track column.id) {
                <ng-container [matColumnDef]="column.id">
                  <th mat-header-cell *matHeaderCellDef class="bs-cell-end">{{ column.header }}</th>
                  <td mat-cell *matCellDef="let row" class="bs-cell-end">{{ column.count(row) }}</td>
                </ng-container>
              }
              <tr mat-header-row *matHeaderRowDef="columnIds"></tr>
              <tr mat-row *matRowDef="let row; columns: columnIds" [attr.data-queue]="row.queue"></tr>
            </table>
          </div>
        }
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
      min-width: 0;
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
    .bs-queue-name {
      white-space: nowrap;
    }
    .bs-queues-unavailable {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class QueueDepthsComponent {
  readonly depths = input.required<QueueDepthsView>();
  /** Off in tests and when the page refreshes every few seconds (bars would re-grow each time). */
  readonly animations = input(false);

  protected readonly countColumns = COUNT_COLUMNS;
  protected readonly columnIds = ['queue', ...COUNT_COLUMNS.map((column) => column.id)];

  protected readonly queues = computed<readonly QueueDepth[]>(() => {
    const view = this.depths();
    return view.status === 'ok' ? view.queues : [];
  });

  protected readonly reason = computed(() => {
    const view = this.depths();
    return view.status === 'unavailable' ? view.reason : '';
  });

  protected readonly backlog = computed<readonly CategoryValue[]>(() =>
    this.queues().map((depth) => ({ label: depth.queue, value: depth.waiting })),
  );

  /** Room for every bar: horizontal bars stack downwards. */
  protected readonly chartHeight = computed(() => Math.max(160, 48 + this.queues().length * 32));
}
