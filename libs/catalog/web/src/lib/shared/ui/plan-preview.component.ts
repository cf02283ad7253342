import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { type ChangePlan, type ChangePlanItem } from '@bandstand/catalog/contracts';
import { ProblemAlertComponent } from '@bandstand/shared/web-ui';
import { type PlanItemsView } from '../data/plan-items';
import { ChangesTableComponent } from './changes-table.component';

const ACTION_LABELS: Readonly<Record<ChangePlanItem['action'], string>> = {
  create: 'New release',
  update: 'Changes',
  unchanged: 'Unchanged',
};

/**
 * A previewed batch edit or import: how many releases it creates, updates and leaves alone, each
 * item's changes, and every error with the row or element it belongs to.
 */
@Component({
  selector: 'bs-plan-preview',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButton,
    MatExpansionModule,
    ChangesTableComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="bs-plan-summary" aria-label="Summary">
      <div>
        <dt>New releases</dt>
        <dd data-count="creates">{{ plan().summary.creates }}</dd>
      </div>
      <div>
        <dt>Releases changed</dt>
        <dd data-count="updates">{{ plan().summary.updates }}</dd>
      </div>
      <div>
        <dt>Unchanged</dt>
        <dd data-count="unchanged">{{ plan().summary.unchanged }}</dd>
      </div>
      <div>
        <dt>Tracks changed</dt>
        <dd data-count="tracks">{{ plan().summary.tracksChanged }}</dd>
      </div>
      <div [class.bs-has-errors]="plan().summary.errors > 0">
        <dt>Errors</dt>
        <dd data-count="errors">{{ plan().summary.errors }}</dd>
      </div>
    </dl>
    <p class="bs-muted">
      @switch (plan().status) {
        @case ('open') {
          Nothing has changed yet. This preview can be applied until {{ plan().expiresAt | date: 'short' }}.
        }
        @case ('applied') {
          Applied {{ plan().appliedAt | date: 'short' }}.
        }
        @case ('discarded') {
          Discarded.
        }
        @case ('expired') {
          This preview expired.
        }
      }
    </p>
    @if (plan().errors.length > 0) {
      <section class="bs-plan-errors" aria-label="Errors">
        <h3>Errors</h3>
        <p>Nothing can be applied until these are fixed in the source and previewed again.</p>
        <ul>
          @for (error of plan().errors; track $index) {
            <li [attr.data-code]="error.code">
              <code class="bs-error-field">{{ error.field }}</code>
              <span class="bs-error-message">{{ error.message }}</span>
            </li>
          }
        </ul>
      </section>
    }
    @if (items().items.length > 0) {
      <mat-accordion multi class="bs-plan-items">
        @for (item of items().items; track item.index) {
          <mat-expansion-panel [attr.data-release]="item.releaseId" [expanded]="expandAll()">
            <mat-expansion-panel-header>
              <mat-panel-title>{{ item.title }}</mat-panel-title>
              <mat-panel-description>
                {{ actionLabel(item) }}
                @if (item.action !== 'unchanged') {
                  ({{ item.changes.length }} {{ item.changes.length === 1 ? 'field' : 'fields' }})
                }
                @if (item.source) {
                  · {{ item.source }}
                }
              </mat-panel-description>
            </mat-expansion-panel-header>
            <!-- Rendered when opened: a plan of a thousand items would otherwise build a thousand tables. -->
            <ng-template matExpansionPanelContent>
              <bs-changes-table [changes]="item.changes" [caption]="'Changes to ' + item.title" />
            </ng-template>
          </mat-expansion-panel>
        }
      </mat-accordion>
      @if (items().total > items().items.length) {
        <div class="bs-plan-more">
          <p class="bs-muted" role="status" aria-live="polite">
            Showing {{ items().items.length | number }} of {{ items().total | number }} items.
          </p>
          @if (items().more) {
            <button mat-stroked-button type="button" [disabled]="items().loading" (click)="loadMore.emit()">
              {{ items().loading ? 'Loading…' : 'Load more' }}
            </button>
          }
        </div>
      }
      <bs-problem-alert [problem]="items().problem" />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .bs-plan-summary {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      margin: 0;
    }
    .bs-plan-summary dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-plan-summary dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .bs-has-errors dd {
      color: var(--mat-sys-error);
    }
    .bs-plan-errors {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-plan-errors h3,
    .bs-plan-errors p {
      margin: 0 0 8px;
    }
    .bs-plan-errors li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-error-field {
      word-break: break-all;
    }
    .bs-plan-more {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .bs-muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlanPreviewComponent {
  readonly plan = input.required<ChangePlan>();
  /** The plan's items loaded so far (the api sends the first page with the plan). */
  readonly items = input.required<PlanItemsView>();
  /** Open every item's changes (small plans). */
  readonly expandAll = input(false);
  /** The next page of items is wanted. */
  readonly loadMore = output();

  protected actionLabel(item: ChangePlanItem): string {
    return ACTION_LABELS[item.action];
  }
}
