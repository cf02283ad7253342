import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AppComponent } from './app.component';
import { routes } from './app.routes';
import { SECTIONS, STATUS_SECTION_PATH } from './sections';
import { META_PATH, READINESS_PATH } from './status/platform-status.service';

const READY: HealthReport = {
  status: 'up',
  service: 'api',
  checkedAt: '2025-06-01T12:00:00.000Z',
  dependencies: [
    { name: 'postgres', status: 'up', latencyMs: 4 },
    { name: 'redis', status: 'up', latencyMs: 1 },
  ],
};

const META: ServiceMeta = { service: 'api', version: '0.1.0', node: 'v24.21.0', uptimeSeconds: 90 };

async function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
    ],
  });
  const harness = await RouterTestingHarness.create();
  return { harness, router: TestBed.inject(Router), http: TestBed.inject(HttpTestingController) };
}

function heading(harness: RouterTestingHarness): string | undefined {
  return harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();
}

function text(harness: RouterTestingHarness): string {
  return harness.routeNativeElement?.textContent ?? '';
}

describe('creator console', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('renders the shell with the console name and one nav item per section, in order', async () => {
    await setup();
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-brand')?.textContent).toContain('Creator');
    const items = [...element.querySelectorAll('nav a')];
    expect(items.map((item) => item.querySelector('.mat-mdc-list-item-title')?.textContent?.trim())).toEqual(
      SECTIONS.map((section) => section.label),
    );
    expect(items.map((item) => item.getAttribute('href'))).toEqual(
      SECTIONS.map((section) => `/${section.path}`),
    );
  });

  it.each(
    SECTIONS.filter((section) => section.path !== STATUS_SECTION_PATH).map(
      (section) => [section.label, section] as const,
    ),
  )('routes to %s, an honest page saying what will appear there', async (_label, section) => {
    const { harness } = await setup();
    await harness.navigateByUrl(`/${section.path}`);
    expect(heading(harness)).toBe(section.heading);
    expect(text(harness)).toContain(section.purpose);
    expect(text(harness)).toContain(section.upcoming.message);
    expect(document.title).toBe(`${section.heading} · Bandstand Creator`);
  });

  it('shows the live readiness and release of the platform on Overview', async () => {
    const { harness, http } = await setup();
    await harness.navigateByUrl('/');
    expect(heading(harness)).toBe('Overview');
    expect(text(harness)).toContain('Asking the api whether it is ready');
    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).flush(META);
    await harness.fixture.whenStable();
    expect(text(harness)).toContain('The platform is ready');
    expect(text(harness)).toContain('0.1.0');
    const cards = harness.routeNativeElement?.querySelectorAll('bs-number-cards table tbody tr') ?? [];
    expect([...cards].map((row) => row.textContent)).toEqual(['postgres4 ms', 'redis1 ms']);
  });

  it('shows a 503 readiness report as what it is: the platform is not ready, and why', async () => {
    const { harness, http } = await setup();
    await harness.navigateByUrl('/');
    const down: HealthReport = {
      ...READY,
      status: 'down',
      dependencies: [
        { name: 'postgres', status: 'down', message: 'PostgreSQL at 127.0.0.1:5432 is not reachable' },
      ],
    };
    http.expectOne(READINESS_PATH).flush(down, { status: 503, statusText: 'Service Unavailable' });
    http.expectOne(META_PATH).flush(META);
    await harness.fixture.whenStable();
    expect(text(harness)).toContain('The platform is not ready');
    expect(text(harness)).toContain('PostgreSQL at 127.0.0.1:5432 is not reachable');
  });

  it('shows the problem with its code and correlation id when the api cannot answer, and retries', async () => {
    const { harness, http } = await setup();
    await harness.navigateByUrl('/');
    http.expectOne(READINESS_PATH).flush(
      {
        type: 'urn:bandstand:problem:INTERNAL.UNEXPECTED',
        title: 'Internal server error',
        status: 500,
        code: 'INTERNAL.UNEXPECTED',
        correlationId: 'req-42',
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
    http.expectOne(META_PATH).error(new ProgressEvent('error'));
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement;
    expect(element?.querySelector('bs-error-state .bs-problem-code')?.textContent).toBe(
      'INTERNAL.UNEXPECTED',
    );
    expect(element?.querySelector('bs-error-state .bs-problem-correlation')?.textContent).toBe('req-42');

    element?.querySelector<HTMLButtonElement>('bs-error-state button')?.click();
    TestBed.tick();
    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).flush(META);
    await harness.fixture.whenStable();
    expect(text(harness)).toContain('The platform is ready');
  });

  it('answers an unknown path with a not-found page', async () => {
    const { harness } = await setup();
    await harness.navigateByUrl('/no-such-section');
    expect(heading(harness)).toBe('Page not found');
  });

  it('does not fetch the platform status on other sections', async () => {
    const { harness, http } = await setup();
    await harness.navigateByUrl('/catalog');
    http.expectNone(READINESS_PATH);
  });
});
