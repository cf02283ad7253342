import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { type QueueDepthsView } from '@bandstand/shared/contracts';
import { QueueDepthsComponent } from './queue-depths.component';

async function render(depths: QueueDepthsView): Promise<HTMLElement> {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(QueueDepthsComponent);
  fixture.componentRef.setInput('depths', depths);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('QueueDepthsComponent', () => {
  it('says honestly why there are no figures', async () => {
    expect((await render({ status: 'not-configured' })).querySelector('bs-empty-state h3')?.textContent).toBe(
      'No queue depths here',
    );
    TestBed.resetTestingModule();
    const unavailable = await render({
      status: 'unavailable',
      reason: 'Redis at 127.0.0.1:6379 is not reachable',
    });
    expect(unavailable.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The queue depths could not be read: Redis at 127.0.0.1:6379 is not reachable',
    );
    TestBed.resetTestingModule();
    expect((await render({ status: 'ok', queues: [] })).querySelector('bs-empty-state h3')?.textContent).toBe(
      'No queues yet',
    );
  });

  it('lists every state of every queue in the table', async () => {
    const element = await render({
      status: 'ok',
      queues: [
        {
          queue: 'royalties.ingest',
          waiting: 7,
          active: 2,
          delayed: 1,
          failed: 4,
          completed: 310,
          paused: 0,
          outbox: { pending: 5, dispatched: 2, failed: 1, oldestPendingAt: '2026-11-21T09:59:00.000Z' },
        },
      ],
    });
    const cells = [
      ...element.querySelectorAll('table[aria-label="Jobs by queue and state"] tbody tr td'),
    ].map((cell) => cell.textContent?.trim());
    expect(cells).toEqual(['royalties.ingest', '7', '2', '1', '0', '4', '310', '5', '1']);
  });
});
