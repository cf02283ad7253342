import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type ChangePlan } from '@bandstand/catalog/contracts';
import { ProblemAlertComponent, type ShownProblem } from '@bandstand/shared/web-ui';
import { type PlanItemsView } from '../data/plan-items';
import { PlanPreviewComponent } from './plan-preview.component';
import { StaleAlertComponent } from './stale-alert.component';

/**
 * A previewed plan with what can be done with it: apply it (all or nothing), discard it, or — when
 * the catalog changed since the preview — preview it again.
 */
@Component({
  selector: 'bs-plan-panel',
  imports: [MatButton, PlanPreviewComponent, ProblemAlertComponent, StaleAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-plan-preview
      [plan]="plan()"
      [items]="items()"
      [expandAll]="plan().items.length <= 5"
      (loadMore)="loadMore.emit()"
    />
    @if (stale()) {
      <bs-catalog-stale-alert
        message="The catalog changed since this preview (someone saved a release it touches), so nothing was applied. Preview again to see the changes as they would be now."
        action="Preview again"
        [busy]="busy()"
        (act)="previewAgain.emit()"
      />
    } @else {
      <bs-problem-alert [problem]="problem()" />
    }
    @if (plan().status === 'open') {
      <div class="bs-plan-actions">
        <button mat-flat-button type="button" [disabled]="busy() || !applicable()" (click)="apply.emit()">
          Apply
        </button>
        <button mat-button type="button" [disabled]="busy()" (click)="discard.emit()">Discard</button>
        @if (!applicable()) {
          <span class="bs-muted">
            @if (plan().summary.errors > 0) {
              Fix the errors and preview again.
            } @else {
              Nothing would change.
            }
          </span>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .bs-plan-actions {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlanPanelComponent {
  readonly plan = input.required<ChangePlan>();
  /** The plan's items loaded so far. */
  readonly items = input.required<PlanItemsView>();
  readonly busy = input(false);
  readonly problem = input<ShownProblem | null>(null);
  /** The api refused to apply it because the catalog changed since the preview. */
  readonly stale = input(false);
  readonly apply = output();
  readonly discard = output();
  readonly previewAgain = output();
  /** The next page of the plan's items is wanted. */
  readonly loadMore = output();

  /** Only a plan without errors that changes something can be applied. */
  protected readonly applicable = computed(() => {
    const { summary } = this.plan();
    return summary.errors === 0 && summary.creates + summary.updates > 0;
  });
}
