import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { type ReleaseDetail } from '@bandstand/catalog/contracts';
import { StatusChipComponent } from '../../shared/ui/status-chip.component';

/** An action the status bar offers. */
export type ReleaseAction =
  | 'save'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'release-now'
  | 'take-down'
  | 'reinstate'
  | 'delete'
  | 'export-ern';

/**
 * Where a release stands (status, version, unsaved and unpublished changes) and what can be done
 * next given its status and the viewer's permissions.
 */
@Component({
  selector: 'bs-release-status-bar',
  imports: [DatePipe, MatButton, MatIcon, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-status-facts">
      @if (release(); as current) {
        <bs-release-status-chip [status]="current.status" />
        <span class="bs-fact">
          @if (current.version > 0) {
            Version {{ current.version }}
          } @else {
            Never published
          }
          · revision {{ current.revision }}
        </span>
        @if (current.hasDraftChanges && current.version > 0) {
          <span class="bs-fact bs-draft-changes">The draft has changes not yet published.</span>
        }
        @if (current.status === 'scheduled' && current.releaseAt) {
          <span class="bs-fact">Releases {{ current.releaseAt | date: 'medium' }}</span>
        }
        @if (current.status === 'taken-down' && current.takedownReason) {
          <span class="bs-fact">Taken down: {{ current.takedownReason }}</span>
        }
      } @else {
        <span class="bs-fact">New release: save it to create the draft.</span>
      }
      @if (dirty()) {
        <span class="bs-fact bs-unsaved" role="status">Unsaved changes</span>
      }
    </div>
    <div class="bs-status-actions" role="toolbar" aria-label="Release actions">
      @if (canWrite()) {
        <button mat-flat-button type="button" [disabled]="busy()" (click)="act.emit('save')">
          <mat-icon aria-hidden="true">save</mat-icon>
          Save draft
        </button>
      }
      @for (action of actions(); track action.id) {
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="act.emit(action.id)">
          {{ action.label }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .bs-status-facts,
    .bs-status-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .bs-fact {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-draft-changes,
    .bs-unsaved {
      color: var(--mat-sys-tertiary);
    }
  `,
})
export class ReleaseStatusBarComponent {
  /** The release as saved; null for a new one. */
  readonly release = input<ReleaseDetail | null>(null);
  readonly canWrite = input(false);
  readonly canPublish = input(false);
  readonly busy = input(false);
  /** The form has edits not saved yet. */
  readonly dirty = input(false);
  readonly act = output<ReleaseAction>();

  /** The lifecycle actions for the release's status, for someone who may publish. */
  protected readonly actions = computed(() => {
    const release = this.release();
    if (release === null) return [];
    const actions: { id: ReleaseAction; label: string }[] = [];
    const publish = this.canPublish();
    const { status } = release;
    if (publish && status !== 'taken-down' && (release.version === 0 || release.hasDraftChanges)) {
      actions.push({ id: 'publish', label: 'Publish version' });
    }
    if (publish && (status === 'draft' || status === 'scheduled')) {
      actions.push({ id: 'schedule', label: status === 'draft' ? 'Schedule…' : 'Reschedule…' });
    }
    if (publish && status === 'scheduled') {
      actions.push({ id: 'unschedule', label: 'Unschedule' }, { id: 'release-now', label: 'Release now' });
    }
    if (publish && status === 'released') actions.push({ id: 'take-down', label: 'Take down' });
    if (publish && status === 'taken-down') actions.push({ id: 'reinstate', label: 'Reinstate' });
    if (publish && status === 'draft') actions.push({ id: 'delete', label: 'Delete draft' });
    if (release.version > 0) actions.push({ id: 'export-ern', label: 'Export ERN' });
    return actions;
  });
}
