import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { KERNEL_OPERATIONS_PATH } from '@bandstand/shared/contracts';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

const NOW = '2026-11-21T10:00:00.000Z';

describe('staff console', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), provideNoopAnimations()],
    });
  });

  it('is the Staff console: diagnostics, operations and audit', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-brand')?.textContent).toContain('Staff');
    expect(element.querySelector('.bs-brand-icon')?.textContent?.trim()).toBe('admin_panel_settings');
    const nav = element.querySelector('nav');
    expect([...(nav?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'))).toEqual([
      '/diagnostics',
      '/operations',
      '/audit',
    ]);
    expect(nav?.textContent).toContain('Listening diagnostics');
  });

  it('has no page of its own at its root: it lands on Operations and the platform status', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/operations');
    expect(document.title).toBe('Operations · Bandstand Staff');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/health/ready');
    http.expectOne('/api/v1/meta');
    expect(harness.routeNativeElement?.textContent).toContain('Asking the api whether it is ready');
  });

  it('shows the health of projections, processors and queues in Operations', async () => {
    const harness = await RouterTestingHarness.create('/operations');
    const http = TestBed.inject(HttpTestingController);
    http
      .expectOne('/api/health/ready')
      .flush({ status: 'up', service: 'api', checkedAt: NOW, dependencies: [] });
    http
      .expectOne('/api/v1/meta')
      .flush({ service: 'api', version: '9.9.9', node: 'v24.0.0', uptimeSeconds: 1 });
    // The operational view is its own lazy chunk, loaded with the section.
    await harness.fixture.whenStable();
    http.expectOne(KERNEL_OPERATIONS_PATH).flush({
      generatedAt: NOW,
      head: null,
      horizon: { transactionId: '900', eventsWaiting: 0, eventsWaitingCapped: false, holder: null },
      subscriptions: [],
      queues: { status: 'not-configured' },
    });
    await harness.fixture.whenStable();
    const view = harness.routeNativeElement?.querySelector('bs-kernel-operations');
    expect(view?.querySelector('h2')?.textContent).toBe('Projections, processors and queues');
    expect(view?.textContent).toContain('No subscriptions yet');
    http.verify();
  });

  it('opens a deep link into Audit', async () => {
    const harness = await RouterTestingHarness.create('/audit');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Audit');
    expect(document.title).toBe('Audit · Bandstand Staff');
    TestBed.inject(HttpTestingController).verify();
  });
});
