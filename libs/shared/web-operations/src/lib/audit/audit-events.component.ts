import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
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
import { type AuditEvent } from '@bandstand/shared/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { eventMetadata, formatJson } from './audit-format';

const COLUMNS = ['expand', 'position', 'recordedAt', 'stream', 'type', 'actor', 'tenant'];

/**
 * Stored events, newest first: position, time, stream and version, type, actor and tenant; a row
 * opens to show the event's data and metadata as JSON. More pages load on demand (the page fetches them).
 */
@Component({
  selector: 'bs-audit-events',
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
    @if (problem(); as problem) {
      <bs-error-state [problem]="problem" [retryable]="true" (retry)="reload.emit()" />
    } @else if (items().length === 0) {
      @if (loading()) {
        <bs-loading-state label="Reading the event log…" [compact]="true" />
      } @else {
        <bs-empty-state
          icon="manage_search"
          heading="No events"
          message="No stored event matches these filters."
        />
      }
    } @else {
      <div class="bs-table-scroll">
        <table
          mat-table
          [dataSource]="items()"
          multiTemplateDataRows
          aria-label="Stored events, newest first"
        >
          <ng-container matColumnDef="expand">
            <th mat-header-cell *matHeaderCellDef><span class="bs-visually-hidden">Details</span></th>
            <td mat-cell *matCellDef="let row">
              <button
                mat-icon-button
                type="button"
                class="bs-audit-expand"
                [attr.aria-expanded]="expanded() === row.globalPosition"
                [attr.aria-controls]="'bs-audit-detail-' + row.globalPosition"
                [attr.aria-label]="
                  (expanded() === row.globalPosition ? 'Hide' : 'Show') + ' event ' + row.globalPosition
                "
                (click)="toggle(row.globalPosition)"
              >
                <mat-icon aria-hidden="true">
                  {{ expanded() === row.globalPosition ? 'expand_less' : 'expand_more' }}
                </mat-icon>
              </button>
            </td>
          </ng-container>
          <ng-container matColumnDef="position">
            <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Position</th>
            <td mat-cell *matCellDef="let row" class="bs-cell-end bs-audit-position">
              {{ row.globalPosition }}
            </td>
          </ng-container>
          <ng-container matColumnDef="recordedAt">
            <th mat-header-cell *matHeaderCellDef>Recorded</th>
            <td mat-cell *matCellDef="let row" class="bs-nowrap">
              <time [attr.datetime]="row.recordedAt">{{ row.recordedAt | date: 'medium' }}</time>
            </td>
          </ng-container>
          <ng-container matColumnDef="stream">
            <th mat-header-cell *matHeaderCellDef>Stream</th>
            <td mat-cell *matCellDef="let row" class="bs-audit-stream">
              <span class="bs-mono">{{ row.streamId }}</span>
              <span class="bs-audit-version">v{{ row.streamVersion }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef>Event</th>
            <td mat-cell *matCellDef="let row" class="bs-audit-type">{{ row.type }}</td>
          </ng-container>
          <ng-container matColumnDef="actor">
            <th mat-header-cell *matHeaderCellDef>Actor</th>
            <td mat-cell *matCellDef="let row" class="bs-mono bs-audit-actor">{{ row.actor }}</td>
          </ng-container>
          <ng-container matColumnDef="tenant">
            <th mat-header-cell *matHeaderCellDef>Tenant</th>
            <td mat-cell *matCellDef="let row" class="bs-mono bs-audit-tenant">{{ row.tenantId ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="detail">
            <td mat-cell *matCellDef="let row" [attr.colspan]="columns.length" class="bs-audit-detail-cell">
              @if (expanded() === row.globalPosition) {
                <div class="bs-audit-detail" [id]="'bs-audit-detail-' + row.globalPosition">
                  <section>
                    <h4>Data</h4>
                    <pre class="bs-audit-data">{{ json(row.data) }}</pre>
                  </section>
                  <section>
                    <h4>Metadata</h4>
                    <pre class="bs-audit-metadata">{{ json(metadata(row)) }}</pre>
                  </section>
                </div>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr
            mat-row
            *matRowDef="let row; columns: columns"
            class="bs-audit-row"
            [class.bs-audit-row--open]="expanded() === row.globalPosition"
            [attr.data-position]="row.globalPosition"
          ></tr>
          <tr
            mat-row
            *matRowDef="let row; columns: ['detail']"
            class="bs-audit-detail-row"
            [class.bs-audit-detail-row--open]="expanded() === row.globalPosition"
          ></tr>
        </table>
      </div>
      @if (hasMore()) {
        <button mat-stroked-button type="button" class="bs-more" [disabled]="loading()" (click)="more.emit()">
          Load more
        </button>
      } @else {
        <p class="bs-audit-end">The oldest matching event is shown: nothing more to load.</p>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
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
    .bs-nowrap,
    .bs-audit-stream {
      white-space: nowrap;
    }
    .bs-mono {
      font-family: monospace;
    }
    .bs-audit-version {
      margin-inline-start: 6px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-audit-detail-row:not(.bs-audit-detail-row--open) {
      height: 0;
    }
    .bs-audit-detail-row:not(.bs-audit-detail-row--open) .bs-audit-detail-cell {
      padding: 0;
      border-bottom-width: 0;
    }
    .bs-audit-row--open td {
      border-bottom-width: 0;
    }
    .bs-audit-detail {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
      padding: 0 0 16px;
    }
    .bs-audit-detail h4 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .bs-audit-detail pre {
      margin: 0;
      padding: 12px;
      max-height: 360px;
      overflow: auto;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      font: 12px/1.5 monospace;
      white-space: pre-wrap;
      word-break: break-word;
    }
    .bs-more {
      justify-self: center;
    }
    .bs-audit-end {
      justify-self: center;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
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
export class AuditEventsComponent {
  readonly items = input.required<readonly AuditEvent[]>();
  readonly hasMore = input(false);
  readonly loading = input(false);
  /** Why the events could not be read. */
  readonly problem = input<ShownProblem | null>(null);

  readonly more = output();
  readonly reload = output();

  protected readonly columns = COLUMNS;
  /** The position of the event whose details are shown. */
  protected readonly expanded = signal<string | null>(null);
  protected readonly json = formatJson;
  protected readonly metadata = eventMetadata;

  protected toggle(position: string): void {
    this.expanded.update((open) => (open === position ? null : position));
  }
}
