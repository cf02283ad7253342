import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
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
import {
  rebuildPercent,
  type SubscriptionOperationsView,
  type SubscriptionStatus,
} from '@bandstand/shared/contracts';
import { formatCount, formatLag, formatRelative } from '../format/operations-format';

const STATUS_ICONS: Record<SubscriptionStatus, string> = {
  running: 'play_circle',
  rebuilding: 'autorenew',
  stopped: 'pause_circle',
  failed: 'error',
};

const COLUMNS = ['name', 'status', 'lag', 'checkpoint', 'lease', 'error', 'parked', 'actions'];

/**
 * Every subscriber with where it stands: status with rebuild progress, lag, events behind,
 * checkpoint, lease and last error, with the operator's actions on it (the page confirms and performs them).
 */
@Component({
  selector: 'bs-subscriptions-table',
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
    MatIcon,
    MatProgressBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table mat-table [dataSource]="subscriptions()" aria-label="Subscriptions">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Subscription</th>
          <td mat-cell *matCellDef="let row">
            <span class="bs-sub-name">{{ row.name }}</span>
            <span class="bs-sub-kind">{{ row.kind }} · v{{ row.definitionVersion }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let row" class="bs-status">
            <span class="bs-status-chip" [class]="'bs-status-chip--' + row.status">
              <mat-icon aria-hidden="true">{{ statusIcon(row) }}</mat-icon>
              {{ row.status }}
            </span>
            @if (row.status === 'rebuilding') {
              <mat-progress-bar
                [mode]="rebuildProgress(row) === null ? 'indeterminate' : 'determinate'"
                [value]="rebuildProgress(row) ?? 0"
                [attr.aria-label]="'Rebuild of ' + row.name"
              />
              <span class="bs-rebuild-figure">{{ rebuildText(row) }}</span>
            } @else if (row.rebuild.requestedAt) {
              <span class="bs-rebuild-requested">rebuild requested</span>
            } @else if (row.rebuild.finishedAt) {
              <span class="bs-rebuild-finished">rebuilt {{ relative(row.rebuild.finishedAt) }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="lag">
          <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Behind</th>
          <td mat-cell *matCellDef="let row" class="bs-cell-end bs-nowrap">
            <span class="bs-lag">{{ lag(row) }}</span>
            <span class="bs-sub-line">
              <span class="bs-behind">{{ behind(row) }}</span>
              {{ row.eventsBehind === 1 ? 'event' : 'events' }}
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="checkpoint">
          <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Checkpoint</th>
          <td
            mat-cell
            *matCellDef="let row"
            class="bs-cell-end bs-checkpoint"
            [title]="'Transaction ' + row.checkpoint.transactionId"
          >
            {{ row.checkpoint.globalPosition }}
          </td>
        </ng-container>
        <ng-container matColumnDef="lease">
          <th mat-header-cell *matHeaderCellDef>Lease</th>
          <td mat-cell *matCellDef="let row" class="bs-lease">
            @if (row.lease; as lease) {
              <span class="bs-lease-owner">{{ lease.owner }}</span>
              <span class="bs-lease-expiry" [class.bs-lease-expiry--expired]="!lease.live">
                {{ lease.live ? 'expires ' : 'expired ' }}{{ relative(lease.expiresAt) }}
              </span>
            } @else {
              <span class="bs-muted">no runner</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="error">
          <th mat-header-cell *matHeaderCellDef>Last error</th>
          <td mat-cell *matCellDef="let row" class="bs-error">
            @if (row.lastError; as error) {
              <span class="bs-error-message" [title]="error.message">{{ error.message }}</span>
            } @else {
              <span class="bs-muted">—</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="parked">
          <th mat-header-cell *matHeaderCellDef class="bs-cell-end">Parked</th>
          <td mat-cell *matCellDef="let row" class="bs-cell-end">
            <button
              mat-button
              type="button"
              class="bs-parked-button"
              [class.bs-parked-button--some]="row.parkedCount > 0"
              [attr.aria-pressed]="selected() === row.name"
              [attr.aria-label]="'Parked events of ' + row.name + ': ' + row.parkedCount"
              (click)="showParked.emit(row.name)"
            >
              {{ row.parkedCount }}
            </button>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="bs-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="bs-actions">
            @if (row.status === 'stopped' || row.status === 'failed') {
              <button
                mat-stroked-button
                type="button"
                class="bs-resume"
                [disabled]="busy().has(row.name)"
                [attr.aria-label]="'Resume ' + row.name"
                (click)="resumeRequest.emit(row)"
              >
                <mat-icon aria-hidden="true">play_arrow</mat-icon>
                Resume
              </button>
            }
            @if (row.kind === 'projection') {
              <button
                mat-button
                type="button"
                class="bs-rebuild-button"
                [disabled]="busy().has(row.name) || row.rebuild.requestedAt !== null"
                [attr.aria-label]="'Rebuild ' + row.name"
                (click)="rebuildRequest.emit(row)"
              >
                <mat-icon aria-hidden="true">restart_alt</mat-icon>
                Rebuild
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let row; columns: columns"
          [attr.data-subscription]="row.name"
          [class.bs-row--attention]="row.status === 'failed' || row.status === 'stopped'"
        ></tr>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
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
    .bs-sub-name {
      display: block;
      font: var(--mat-sys-title-small);
      white-space: nowrap;
    }
    .bs-nowrap,
    .bs-lease-expiry {
      white-space: nowrap;
    }
    .bs-lag {
      display: block;
    }
    .bs-sub-kind,
    .bs-sub-line,
    .bs-rebuild-requested,
    .bs-rebuild-finished,
    .bs-muted,
    .bs-lease-expiry,
    .bs-rebuild-figure {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-lease-owner {
      display: block;
      max-width: 20ch;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .bs-lease-expiry--expired,
    .bs-error-message {
      color: var(--mat-sys-error);
    }
    .bs-status-chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .bs-status-chip mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .bs-status-chip--rebuilding {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .bs-status-chip--stopped,
    .bs-status-chip--failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-status {
      min-width: 140px;
    }
    .bs-status mat-progress-bar {
      margin-top: 6px;
    }
    .bs-error-message {
      display: -webkit-box;
      max-width: 28ch;
      overflow: hidden;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      font: var(--mat-sys-body-small);
    }
    .bs-parked-button--some {
      color: var(--mat-sys-error);
    }
    .bs-actions {
      white-space: nowrap;
      text-align: end;
    }
    .bs-row--attention {
      background: color-mix(in srgb, var(--mat-sys-error-container) 30%, transparent);
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
export class SubscriptionsTableComponent {
  readonly subscriptions = input.required<readonly SubscriptionOperationsView[]>();
  /** When the figures were read (server time): leases and rebuilds are shown relative to it. */
  readonly generatedAt = input.required<string>();
  /** Subscriptions with an operator request in flight: their actions are disabled. */
  readonly busy = input<ReadonlySet<string>>(new Set());
  /** The subscription whose parked events are open. */
  readonly selected = input<string | null>(null);

  readonly rebuildRequest = output<SubscriptionOperationsView>();
  readonly resumeRequest = output<SubscriptionOperationsView>();
  readonly showParked = output<string>();

  protected readonly columns = COLUMNS;

  protected statusIcon(row: SubscriptionOperationsView): string {
    return STATUS_ICONS[row.status];
  }

  protected lag(row: SubscriptionOperationsView): string {
    return formatLag(row.lagSeconds);
  }

  protected behind(row: SubscriptionOperationsView): string {
    return formatCount(row.eventsBehind, row.eventsBehindCapped);
  }

  protected relative(moment: string): string {
    return formatRelative(moment, this.generatedAt());
  }

  protected rebuildProgress(row: SubscriptionOperationsView): number | null {
    return rebuildPercent(row.rebuild);
  }

  protected rebuildText(row: SubscriptionOperationsView): string {
    const { done, total } = row.rebuild;
    if (done === null || total === null) return 'starting';
    return `${formatCount(done)} of ${formatCount(total)} (${rebuildPercent(row.rebuild) ?? 0} %)`;
  }
}
