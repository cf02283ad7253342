import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';
import { type ConsoleSection } from '../console/console-definition';
import { META_PATH, READINESS_PATH } from './platform-status.service';
import { StatusPageComponent } from './status.page';

const HOME: ConsoleSection = {
  path: '',
  label: 'Home',
  icon: 'home',
  heading: 'Home',
  purpose: 'Everything at a glance.',
  upcoming: { heading: 'Your activity will appear here', message: 'It arrives with the contexts.' },
};

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

function render() {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
    ],
  });
  const fixture = TestBed.createComponent(StatusPageComponent);
  fixture.componentRef.setInput('section', HOME);
  // Not whenStable: the page is only stable once the test has answered its requests.
  TestBed.tick();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, http: TestBed.inject(HttpTestingController) };
}

describe('StatusPageComponent', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows its section, then the live readiness, release and latencies of the platform', async () => {
    const { fixture, element, http } = render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Home');
    expect(element.textContent).toContain('Everything at a glance.');
    expect(element.querySelector('bs-empty-state')?.textContent).toContain('It arrives with the contexts.');
    expect(element.textContent).toContain('Asking the api whether it is ready');

    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).flush(META);
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is ready');
    expect(element.querySelector('.bs-meta-version')?.textContent).toBe('0.1.0');
    const cards = element.querySelectorAll('bs-number-cards table tbody tr');
    expect([...cards].map((row) => row.textContent)).toEqual(['postgres4 ms', 'redis1 ms']);
  });

  it('shows a 503 readiness report as what it is: the platform is not ready, and why', async () => {
    const { fixture, element, http } = render();
    const down: HealthReport = {
      ...READY,
      status: 'down',
      dependencies: [
        { name: 'postgres', status: 'down', message: 'PostgreSQL at 127.0.0.1:5432 is not reachable' },
      ],
    };
    http.expectOne(READINESS_PATH).flush(down, { status: 503, statusText: 'Service Unavailable' });
    http.expectOne(META_PATH).flush(META);
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is not ready');
    expect(element.textContent).toContain('PostgreSQL at 127.0.0.1:5432 is not reachable');
    expect(element.querySelector('bs-number-cards')).toBeNull();
  });

  it('shows the problem with its code and correlation id when the api cannot answer, and retries', async () => {
    const { fixture, element, http } = render();
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
    await fixture.whenStable();
    expect(element.querySelector('bs-error-state .bs-problem-code')?.textContent).toBe('INTERNAL.UNEXPECTED');
    expect(element.querySelector('bs-error-state .bs-problem-correlation')?.textContent).toBe('req-42');

    element.querySelector<HTMLButtonElement>('bs-error-state button')?.click();
    TestBed.tick();
    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).flush(META);
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is ready');
    expect(element.querySelector('bs-error-state')).toBeNull();
  });

  it('still shows the readiness when only the release cannot be read, and names the problem', async () => {
    const { fixture, element, http } = render();
    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is ready');
    expect(element.querySelector('.bs-meta-version')).toBeNull();
    expect(element.querySelector('.meta-problem')?.textContent).toBe(
      'The release could not be read: The server could not be reached (HTTP.NETWORK_ERROR)',
    );
  });

  it('checks again on demand', async () => {
    const { fixture, element, http } = render();
    http
      .expectOne(READINESS_PATH)
      .flush({ ...READY, status: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    http.expectOne(META_PATH).flush(META);
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is not ready');

    const again = [...element.querySelectorAll<HTMLButtonElement>('mat-card-actions button')].find((button) =>
      button.textContent?.includes('Check again'),
    );
    expect(again?.disabled).toBe(false);
    again?.click();
    TestBed.tick();
    http.expectOne(READINESS_PATH).flush(READY);
    http.expectOne(META_PATH).flush(META);
    await fixture.whenStable();
    expect(element.textContent).toContain('The platform is ready');
  });
});
