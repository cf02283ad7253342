import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';

/** "3 d 4 h", "2 h 5 min", "42 s": how long a process has been up, to the unit that matters. */
export function formatUptime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${total % 60} s`;
  return `${total} s`;
}

/**
 * What the platform reports about itself: whether the api is ready, each dependency with its
 * state, latency and (when down) what to do about it, and the release it runs.
 */
@Component({
  selector: 'bs-platform-status',
  imports: [MatIcon, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-status-head" [class.bs-status-head--down]="!ready()">
      <mat-icon aria-hidden="true">{{ ready() ? 'check_circle' : 'error' }}</mat-icon>
      <div>
        <p class="bs-status-verdict">
          {{ ready() ? 'The platform is ready' : 'The platform is not ready' }}
        </p>
        <p class="bs-status-checked">
          Checked {{ report().checkedAt | date: 'medium' }} by the {{ report().service }} process
        </p>
      </div>
    </div>
    @if (report().dependencies.length > 0) {
      <ul class="bs-dependencies" aria-label="Dependencies">
        @for (dependency of report().dependencies; track dependency.name) {
          <li
            class="bs-dependency"
            [class.bs-dependency--down]="dependency.status === 'down'"
            [attr.data-dependency]="dependency.name"
          >
            <mat-icon aria-hidden="true">{{ dependency.status === 'up' ? 'check' : 'close' }}</mat-icon>
            <span class="bs-dependency-name">{{ dependency.name }}</span>
            <span class="bs-dependency-status">{{ dependency.status === 'up' ? 'up' : 'down' }}</span>
            @if (dependency.latencyMs !== undefined) {
              <span class="bs-dependency-latency">{{ dependency.latencyMs }} ms</span>
            }
            @if (dependency.message) {
              <p class="bs-dependency-message">{{ dependency.message }}</p>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="bs-status-none">This process reports no dependencies.</p>
    }
    @if (meta(); as meta) {
      <dl class="bs-meta">
        <dt>Release</dt>
        <dd class="bs-meta-version">{{ meta.version }}</dd>
        <dt>Node.js</dt>
        <dd>{{ meta.node }}</dd>
        <dt>Up for</dt>
        <dd>{{ uptime() }}</dd>
      </dl>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .bs-status-head {
      display: flex;
      align-items: center;
      gap: 12px;
      color: var(--mat-sys-primary);
    }
    .bs-status-head--down {
      color: var(--mat-sys-error);
    }
    .bs-status-verdict {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .bs-status-checked,
    .bs-status-none {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-dependencies {
      display: grid;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .bs-dependency {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .bs-dependency mat-icon {
      color: var(--mat-sys-primary);
    }
    .bs-dependency--down mat-icon,
    .bs-dependency--down .bs-dependency-status {
      color: var(--mat-sys-error);
    }
    .bs-dependency-name {
      font: var(--mat-sys-title-small);
    }
    .bs-dependency-status,
    .bs-dependency-latency {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-dependency-latency {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
    }
    .bs-dependency-message {
      flex-basis: 100%;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .bs-meta {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .bs-meta dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-meta dd {
      margin: 0;
    }
  `,
})
export class PlatformStatusComponent {
  readonly report = input.required<HealthReport>();
  readonly meta = input<ServiceMeta | null>(null);

  protected readonly ready = computed(() => this.report().status === 'up');
  protected readonly uptime = computed(() => formatUptime(this.meta()?.uptimeSeconds ?? 0));
}
