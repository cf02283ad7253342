import { computed, inject, linkedSignal, type Signal, type WritableSignal } from '@angular/core';
import { type ChangePlan, type ChangePlanItem } from '@bandstand/catalog/contracts';
import { problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { CatalogClient } from './catalog.client';

/** Items asked for per "Load more": as many as a plan's preview carries. */
export const PLAN_ITEMS_PAGE_SIZE = 100;

/** A plan's items shown so far, and whether (and how) more can be loaded. */
export interface PlanItemsView {
  readonly items: readonly ChangePlanItem[];
  /** How many items the plan holds in all. */
  readonly total: number;
  /** The plan holds items beyond the ones shown. */
  readonly more: boolean;
  readonly loading: boolean;
  /** Why the last "Load more" failed. */
  readonly problem: ShownProblem | null;
}

interface PagerState {
  readonly view: PlanItemsView;
  readonly cursor: string | null;
}

function itemCount(plan: ChangePlan): number {
  const { creates, updates, unchanged } = plan.summary;
  return creates + updates + unchanged;
}

function firstState(plan: ChangePlan | null): PagerState {
  if (plan === null) {
    return { view: { items: [], total: 0, more: false, loading: false, problem: null }, cursor: null };
  }
  const total = itemCount(plan);
  const cursor = plan.itemsNextCursor;
  return {
    view: { items: plan.items, total, more: cursor !== null, loading: false, problem: null },
    cursor,
  };
}

/**
 * The items of the plan a page shows, a page at a time: it starts with the items the plan carries
 * and loads the next pages on demand; a new plan (a new preview, or the plan applied) starts over.
 * Create it in an injection context (a component's field).
 */
export class PlanItemsPager {
  private readonly client = inject(CatalogClient);
  private readonly plan: Signal<ChangePlan | null>;
  private readonly state: WritableSignal<PagerState>;

  /** What to show of the current plan's items. */
  readonly view: Signal<PlanItemsView>;

  constructor(plan: Signal<ChangePlan | null>) {
    this.plan = plan;
    this.state = linkedSignal<ChangePlan | null, PagerState>({ source: plan, computation: firstState });
    this.view = computed(() => this.state().view);
  }

  /** Loads the next page of the current plan's items; does nothing while loading or at the end. */
  async loadMore(): Promise<void> {
    const plan = this.plan();
    const { view, cursor } = this.state();
    if (plan === null || cursor === null || view.loading) return;
    this.state.set({ view: { ...view, loading: true, problem: null }, cursor });
    try {
      const page = await firstValueFrom(
        this.client.planItems(plan.orgId, plan.planId, cursor, PLAN_ITEMS_PAGE_SIZE),
      );
      // A page of a plan no longer shown (previewed again, applied) must not join the new one's items.
      if (this.plan() !== plan) return;
      const items = [...this.state().view.items, ...page.items];
      this.state.set({
        view: { items, total: view.total, more: page.nextCursor !== null, loading: false, problem: null },
        cursor: page.nextCursor,
      });
    } catch (error: unknown) {
      if (this.plan() !== plan) return;
      this.state.set({
        view: { ...this.state().view, loading: false, problem: problemFromError(error) },
        cursor,
      });
    }
  }
}
