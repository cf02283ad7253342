import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type ReleaseStatus } from '@bandstand/catalog/contracts';

const LABELS: Readonly<Record<ReleaseStatus, string>> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  released: 'Released',
  'taken-down': 'Taken down',
};

/** A release's status as a small coloured label. */
@Component({
  selector: 'bs-release-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  host: { class: 'bs-status-chip', '[attr.data-status]': 'status()' },
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    :host([data-status='scheduled']) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host([data-status='released']) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host([data-status='taken-down']) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class StatusChipComponent {
  readonly status = input.required<ReleaseStatus>();
  protected readonly label = computed(() => LABELS[this.status()]);
}
