import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { type SubscriptionOperationsView } from '@bandstand/shared/contracts';
import { FAILED, READ_AT, REBUILDING, RUNNING } from '../testing/operations-fixtures';
import { SubscriptionsTableComponent } from './subscriptions-table.component';

async function render(
  subscriptions: readonly SubscriptionOperationsView[],
  busy: ReadonlySet<string> = new Set(),
) {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(SubscriptionsTableComponent);
  fixture.componentRef.setInput('subscriptions', subscriptions);
  fixture.componentRef.setInput('generatedAt', READ_AT);
  fixture.componentRef.setInput('busy', busy);
  fixture.componentRef.setInput('selected', FAILED.name);
  await fixture.whenStable();
  const emitted: string[] = [];
  fixture.componentInstance.rebuildRequest.subscribe((view) => emitted.push(`rebuild ${view.name}`));
  fixture.componentInstance.resumeRequest.subscribe((view) => emitted.push(`resume ${view.name}`));
  fixture.componentInstance.showParked.subscribe((name) => emitted.push(`parked ${name}`));
  const element = fixture.nativeElement as HTMLElement;
  const click = (name: string, selector: string) =>
    element.querySelector<HTMLButtonElement>(`tr[data-subscription="${name}"] ${selector}`)?.click();
  return { element, emitted, click };
}

describe('SubscriptionsTableComponent', () => {
  it('asks for the actions each subscriber allows, and for its parked events', async () => {
    const { emitted, click } = await render([FAILED, RUNNING]);
    click(FAILED.name, '.bs-resume');
    click(RUNNING.name, '.bs-rebuild-button');
    click(FAILED.name, '.bs-parked-button');
    expect(emitted).toEqual([`resume ${FAILED.name}`, `rebuild ${RUNNING.name}`, `parked ${FAILED.name}`]);
  });

  it('offers no rebuild of a processor, no resume of a running subscriber, and marks the open parked list', async () => {
    const { element } = await render([FAILED, RUNNING]);
    const failed = element.querySelector(`tr[data-subscription="${FAILED.name}"]`);
    expect(failed?.querySelector('.bs-rebuild-button')).toBeNull();
    expect(failed?.querySelector('.bs-parked-button')?.getAttribute('aria-pressed')).toBe('true');
    expect(failed?.querySelector('.bs-parked-button')?.classList).toContain('bs-parked-button--some');
    const running = element.querySelector(`tr[data-subscription="${RUNNING.name}"]`);
    expect(running?.querySelector('.bs-resume')).toBeNull();
    expect(running?.querySelector('.bs-parked-button')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('disables the actions of a subscriber with a request in flight', async () => {
    const { element } = await render([FAILED, REBUILDING], new Set([FAILED.name, REBUILDING.name]));
    expect(
      element.querySelector<HTMLButtonElement>(`tr[data-subscription="${FAILED.name}"] .bs-resume`)?.disabled,
    ).toBe(true);
    expect(
      element.querySelector<HTMLButtonElement>(
        `tr[data-subscription="${REBUILDING.name}"] .bs-rebuild-button`,
      )?.disabled,
    ).toBe(true);
  });

  it('shows a subscriber without a runner, a finished rebuild and a rebuild that has not counted yet', async () => {
    const idle: SubscriptionOperationsView = {
      ...RUNNING,
      name: 'catalog.idle',
      lease: null,
      rebuild: {
        ...RUNNING.rebuild,
        startedAt: '2026-11-21T09:50:00.000Z',
        finishedAt: '2026-11-21T09:55:00.000Z',
      },
    };
    const starting: SubscriptionOperationsView = {
      ...REBUILDING,
      name: 'catalog.starting',
      rebuild: { ...REBUILDING.rebuild, done: null, total: null },
    };
    const { element } = await render([idle, starting]);
    const idleRow = element.querySelector('tr[data-subscription="catalog.idle"]');
    expect(idleRow?.querySelector('.bs-lease')?.textContent?.trim()).toBe('no runner');
    expect(idleRow?.querySelector('.bs-rebuild-finished')?.textContent?.trim()).toBe('rebuilt 5 min 0 s ago');
    const startingRow = element.querySelector('tr[data-subscription="catalog.starting"]');
    expect(startingRow?.querySelector('mat-progress-bar')?.getAttribute('mode')).toBe('indeterminate');
    expect(startingRow?.querySelector('.bs-rebuild-figure')?.textContent?.trim()).toBe('starting');
  });
});
