import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { horizonStalled, type ReadHorizonView } from '@bandstand/shared/contracts';
import { formatCount, formatLag } from '../format/operations-format';

/**
 * Warns that a transaction left open holds the read horizon back, which stalls every projection and
 * processor, and names it so that an operator can end it. Shows nothing while the horizon moves.
 */
@Component({
  selector: 'bs-horizon-warning',
  imports: [MatIcon, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (stalled() && horizon().holder; as holder) {
      <section class="bs-horizon" role="alert" aria-labelledby="bs-horizon-title">
        <mat-icon class="bs-horizon-icon" aria-hidden="true">warning</mat-icon>
        <div>
          <h3 id="bs-horizon-title" class="bs-horizon-title">
            A transaction open for {{ age() }} is holding every subscription back
          </h3>
          <p class="bs-horizon-text">
            Subscribers read only below the oldest running transaction, so that none that commits late is
            skipped: {{ waiting() }} committed {{ waitingOne() ? 'event waits' : 'events wait' }} behind it.
            Have its owner commit or roll it back, or end its session; sessions idle in a transaction are
            ended after DATABASE_IDLE_IN_TRANSACTION_MS.
          </p>
          @if (holder.pid !== null) {
            <p class="bs-horizon-text">
              To end it now:
              <code class="bs-horizon-command">select pg_terminate_backend({{ holder.pid }});</code>
            </p>
          }
          <dl class="bs-horizon-facts">
            @if (holder.pid !== null) {
              <dt>Process</dt>
              <dd class="bs-horizon-pid">{{ holder.pid }}</dd>
            }
            @if (holder.preparedTransaction) {
              <dt>Prepared transaction</dt>
              <dd>{{ holder.preparedTransaction }}</dd>
            }
            <dt>State</dt>
            <dd class="bs-horizon-state">{{ holder.state }}</dd>
            @if (holder.database) {
              <dt>Database</dt>
              <dd>{{ holder.database }}</dd>
            }
            @if (holder.user) {
              <dt>User</dt>
              <dd>{{ holder.user }}</dd>
            }
            @if (holder.applicationName) {
              <dt>Application</dt>
              <dd>{{ holder.applicationName }}</dd>
            }
            @if (holder.transactionStartedAt) {
              <dt>Transaction started</dt>
              <dd>{{ holder.transactionStartedAt | date: 'medium' }}</dd>
            }
            @if (holder.queryStartedAt) {
              <dt>Last query started</dt>
              <dd>{{ holder.queryStartedAt | date: 'medium' }}</dd>
            }
            <dt>Horizon</dt>
            <dd>transaction {{ horizon().transactionId }}</dd>
          </dl>
        </div>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .bs-horizon {
      display: flex;
      gap: 12px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-horizon-icon {
      flex: none;
    }
    .bs-horizon-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .bs-horizon-text {
      max-width: 80ch;
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
    }
    .bs-horizon-facts {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 2px 12px;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .bs-horizon-facts dd {
      margin: 0;
      word-break: break-all;
    }
  `,
})
export class HorizonWarningComponent {
  readonly horizon = input.required<ReadHorizonView>();

  protected readonly stalled = computed(() => horizonStalled(this.horizon()));
  protected readonly age = computed(() => formatLag(this.horizon().holder?.ageSeconds ?? 0));
  protected readonly waitingOne = computed(
    () => this.horizon().eventsWaiting === 1 && !this.horizon().eventsWaitingCapped,
  );
  protected readonly waiting = computed(() =>
    formatCount(this.horizon().eventsWaiting, this.horizon().eventsWaitingCapped),
  );
}
