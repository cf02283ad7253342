import { inject, signal, type WritableSignal } from '@angular/core';
import { CATALOG_ERROR_CODES, type ChangePlan } from '@bandstand/catalog/contracts';
import { problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { CatalogClient } from './catalog.client';
import { PlanItemsPager } from './plan-items';

/**
 * The change plan a page previews, applies or discards (batch edits, imports), with what its plan
 * panel shows: whether a call is under way, the problems of the preview and of the plan, whether
 * the api refused the plan as stale, and a notice of what was done. Create it in an injection
 * context (a component's field).
 */
export class PlanSession {
  private readonly client = inject(CatalogClient);

  /** The previewed (or applied) plan; null before a preview and after a discard. */
  readonly plan = signal<ChangePlan | null>(null);
  readonly items = new PlanItemsPager(this.plan);
  readonly busy = signal(false);
  /** Why the preview failed (shown with the form that asked for it). */
  readonly previewProblem = signal<ShownProblem | null>(null);
  /** Why applying, discarding or previewing again failed (shown with the plan). */
  readonly planProblem = signal<ShownProblem | null>(null);
  /** The api refused to apply the plan because the catalog changed since the preview. */
  readonly stale = signal(false);
  /** What the last action did, for the page's live status line. */
  readonly notice = signal('');

  /** Previews a plan with `preview`, showing a failure in `problem`. */
  async preview(
    problem: WritableSignal<ShownProblem | null>,
    preview: () => Promise<ChangePlan>,
  ): Promise<void> {
    await this.run(problem, async () => {
      this.plan.set(await preview());
    });
  }

  /** Applies `plan`; `applied` does what the page does then and says what changed. */
  async apply(orgId: string, plan: ChangePlan, applied: (plan: ChangePlan) => string): Promise<void> {
    await this.run(this.planProblem, async () => {
      const result = await firstValueFrom(this.client.applyPlan(orgId, plan.planId));
      this.plan.set(result);
      this.notice.set(applied(result));
    });
  }

  /** Discards `plan`: nothing changes. */
  async discard(orgId: string, plan: ChangePlan): Promise<void> {
    await this.run(this.planProblem, async () => {
      await firstValueFrom(this.client.discardPlan(orgId, plan.planId));
      this.plan.set(null);
      this.notice.set('The preview was discarded; nothing changed.');
    });
  }

  /** Runs one call at a time, clearing what the last one said and showing its failure in `problem`. */
  private async run(
    problem: WritableSignal<ShownProblem | null>,
    action: () => Promise<void>,
  ): Promise<void> {
    this.busy.set(true);
    this.notice.set('');
    this.stale.set(false);
    this.previewProblem.set(null);
    this.planProblem.set(null);
    try {
      await action();
    } catch (error: unknown) {
      const shown = problemFromError(error);
      this.stale.set(shown.code === CATALOG_ERROR_CODES.planStale);
      problem.set(shown);
    } finally {
      this.busy.set(false);
    }
  }
}
