import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ChangePlan, type ChangePlanItem } from '@bandstand/catalog/contracts';
import { CATALOG, changePlan, fail, problem, setUpCatalogPage } from '../testing/catalog-testing';
import { PLAN_ITEMS_PAGE_SIZE, PlanItemsPager } from './plan-items';

/** Items `from`…`to - 1` of a plan, in order. */
function items(from: number, to: number): ChangePlanItem[] {
  return Array.from({ length: to - from }, (_, offset) => ({
    index: from + offset,
    action: 'update' as const,
    releaseId: `rel-${from + offset}`,
    title: `Release ${from + offset}`,
    upc: null,
    source: `rows ${from + offset + 2}`,
    changes: [{ path: 'genre', before: 'Pop', after: 'Ambient' }],
  }));
}

/** A plan of `total` items carrying its first 100, as the api previews it. */
function bigPlan(total: number, overrides: Partial<ChangePlan> = {}): ChangePlan {
  return changePlan({
    summary: { creates: 0, updates: total, unchanged: 0, tracksChanged: total, errors: 0 },
    items: items(0, Math.min(total, 100)),
    itemsNextCursor: total > 100 ? '99' : null,
    ...overrides,
  });
}

describe('a plan pager', () => {
  let http: HttpTestingController;

  function openPager(plan: ChangePlan | null) {
    http = setUpCatalogPage();
    const shown = signal(plan);
    return { shown, paged: TestBed.runInInjectionContext(() => new PlanItemsPager(shown)) };
  }

  function itemsRequest(planId = 'plan-1'): TestRequest {
    return http.expectOne((request) => request.url === `${CATALOG}/plans/${planId}/items`);
  }

  afterEach(() => http.verify());

  it('starts with the items the plan carries and loads the rest a page at a time', async () => {
    const { paged } = openPager(bigPlan(250));
    expect(paged.view()).toMatchObject({ total: 250, more: true, loading: false, problem: null });
    expect(paged.view().items).toHaveLength(100);

    const loading = paged.loadMore();
    expect(paged.view().loading).toBe(true);
    const second = itemsRequest();
    expect(second.request.method).toBe('GET');
    expect(second.request.params.get('cursor')).toBe('99');
    expect(second.request.params.get('limit')).toBe(String(PLAN_ITEMS_PAGE_SIZE));
    second.flush({ items: items(100, 200), nextCursor: 'after-199' });
    await loading;
    expect(paged.view()).toMatchObject({ total: 250, more: true, loading: false });
    expect(paged.view().items.map((item) => item.index)).toEqual([...Array(200).keys()]);

    const last = paged.loadMore();
    const third = itemsRequest();
    // Past the first page, the api's own cursor leads on.
    expect(third.request.params.get('cursor')).toBe('after-199');
    third.flush({ items: items(200, 250), nextCursor: null });
    await last;
    expect(paged.view()).toMatchObject({ more: false, loading: false });
    expect(paged.view().items).toHaveLength(250);

    await paged.loadMore();
    http.expectNone(`${CATALOG}/plans/plan-1/items`);
  });

  it('has nothing to load for a plan that carries all its items, or no plan', async () => {
    const { shown, paged } = openPager(changePlan());
    expect(paged.view()).toMatchObject({ total: 1, more: false });
    await paged.loadMore();
    shown.set(null);
    expect(paged.view()).toEqual({ items: [], total: 0, more: false, loading: false, problem: null });
    await paged.loadMore();
    http.expectNone(() => true);
  });

  it('asks once while a page is on its way, and says why a page failed so it can be tried again', async () => {
    const { paged } = openPager(bigPlan(150));
    const first = paged.loadMore();
    await paged.loadMore();
    fail(itemsRequest(), problem(503, 'CATALOG.STORAGE_UNAVAILABLE', 'Try again in a moment.'));
    await first;
    expect(paged.view()).toMatchObject({ more: true, loading: false });
    expect(paged.view().problem?.detail).toBe('Try again in a moment.');
    expect(paged.view().items).toHaveLength(100);

    const again = paged.loadMore();
    expect(paged.view().problem).toBeNull();
    const retried = itemsRequest();
    expect(retried.request.params.get('cursor')).toBe('99');
    retried.flush({ items: items(100, 150), nextCursor: null });
    await again;
    expect(paged.view()).toMatchObject({ more: false, problem: null });
    expect(paged.view().items).toHaveLength(150);
  });

  it('starts over with a new plan and drops a page of the old one that arrives late', async () => {
    const { shown, paged } = openPager(bigPlan(150));
    const late = paged.loadMore();
    const request = itemsRequest();
    shown.set(bigPlan(120, { planId: 'plan-2' }));
    request.flush({ items: items(100, 150), nextCursor: null });
    await late;
    expect(paged.view()).toMatchObject({ total: 120, more: true, loading: false });
    expect(paged.view().items).toHaveLength(100);

    const next = paged.loadMore();
    itemsRequest('plan-2').flush({ items: items(100, 120), nextCursor: null });
    await next;
    expect(paged.view().items).toHaveLength(120);
  });
});
