import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type JobStatus } from '@bandstand/shared/contracts';

/** What a console knows of a background job: its status and the progress it reported. */
export interface JobState {
  readonly status: JobStatus;
  /** Units of work done so far (rows, files, payees…). */
  readonly done?: number;
  /** Units of work in all, when the job knows it; unknown makes the bar indeterminate. */
  readonly total?: number | null;
  /** The step the job is in, e.g. "Parsing rows". */
  readonly stage?: string;
  /** Outcome or failure message. */
  readonly message?: string;
}

const STATUS_TEXT: Record<JobStatus, string> = {
  queued: 'Waiting to start',
  running: 'In progress',
  succeeded: 'Finished',
  failed: 'Failed',
};

/**
 * Progress of a long-running job: a determinate bar with done/total and the stage when the total
 * is known, an indeterminate bar when it is not, and a clear finished or failed state.
 */
@Component({
  selector: 'bs-job-progress',
  imports: [MatProgressBar, MatIcon, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-job-head">
      @switch (progress().status) {
        @case ('succeeded') {
          <mat-icon class="bs-job-icon bs-job-icon--ok" aria-hidden="true">check_circle</mat-icon>
        }
        @case ('failed') {
          <mat-icon class="bs-job-icon bs-job-icon--failed" aria-hidden="true">error</mat-icon>
        }
      }
      <span class="bs-job-label">{{ label() }}</span>
      <span class="bs-job-status">{{ statusText() }}</span>
    </div>
    @if (active()) {
      <mat-progress-bar
        [mode]="mode()"
        [value]="percent() ?? 0"
        [attr.aria-label]="label()"
        [attr.aria-valuetext]="summary()"
      />
    }
    <div class="bs-job-detail" aria-live="polite">
      @if (progress().stage && active()) {
        <span class="bs-job-stage">{{ progress().stage }}</span>
      }
      @if (progress().done !== undefined) {
        <span class="bs-job-count">
          {{ progress().done | number }}
          @if (hasTotal()) {
            of {{ progress().total | number }} ({{ percent() | number: '1.0-0' }} %)
          }
        </span>
      }
      @if (progress().message) {
        <span class="bs-job-message">{{ progress().message }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 6px;
    }
    .bs-job-head,
    .bs-job-detail {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .bs-job-label {
      font: var(--mat-sys-title-small);
    }
    .bs-job-status,
    .bs-job-detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-job-icon--ok {
      color: var(--mat-sys-primary);
    }
    .bs-job-icon--failed,
    :host(.bs-job--failed) .bs-job-message {
      color: var(--mat-sys-error);
    }
  `,
  host: {
    class: 'bs-job-progress',
    '[class.bs-job--failed]': "progress().status === 'failed'",
    '[class.bs-job--succeeded]': "progress().status === 'succeeded'",
  },
})
export class JobProgressComponent {
  readonly progress = input.required<JobState>();
  /** What the job is, e.g. "Importing the March DSR". */
  readonly label = input.required<string>();

  protected readonly active = computed(() => {
    const status = this.progress().status;
    return status === 'queued' || status === 'running';
  });

  protected readonly hasTotal = computed(() => {
    const total = this.progress().total;
    return typeof total === 'number' && total > 0;
  });

  /** 0–100 when the total is known; null otherwise. */
  protected readonly percent = computed(() => {
    const { done, total } = this.progress();
    if (typeof total !== 'number' || total <= 0) return null;
    return Math.min(100, Math.max(0, ((done ?? 0) / total) * 100));
  });

  protected readonly mode = computed(() => {
    if (this.progress().status === 'queued') return 'query';
    return this.percent() === null ? 'indeterminate' : 'determinate';
  });

  protected readonly statusText = computed(() => STATUS_TEXT[this.progress().status]);

  protected readonly summary = computed(() => {
    const { done, total, stage } = this.progress();
    const parts = [this.statusText()];
    if (stage) parts.push(stage);
    if (done !== undefined)
      parts.push(typeof total === 'number' && total > 0 ? `${done} of ${total}` : `${done} done`);
    return parts.join(', ');
  });
}
