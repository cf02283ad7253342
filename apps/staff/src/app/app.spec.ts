import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { KERNEL_OPERATIONS_PATH } from '@bandstand/shared/contracts';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '@bandstand/identity/web';
import { type SignInResponse } from '@bandstand/identity/contracts';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

const NOW = '2026-11-21T10:00:00.000Z';

function signedIn(staffRoles: SignInResponse['user']['staffRoles']): SignInResponse {
  return {
    accessToken: 'token-1',
    expiresAt: '2026-11-21T10:10:00.000Z',
    sessionId: 'session-1',
    user: { userId: 'user-sam', email: 'sam@bandstand.example', displayName: 'Sam Staff', staffRoles },
  };
}

/** The request to `url` once the console has sent it (lazy chunks and guards take a few turns). */
async function sent(url: string): Promise<TestRequest> {
  const http = TestBed.inject(HttpTestingController);
  for (let turn = 0; turn < 100; turn++) {
    // match() takes what it finds off the list of open requests: keep it.
    const [request] = http.match(url);
    if (request !== undefined) return request;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return http.expectOne(url);
}

/** Waits until `done` holds (the page renders what it read a few turns later). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !done(); turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(done()).toBe(true);
}

describe('staff console', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), provideNoopAnimations()],
    });
  });

  afterEach(() => {
    localStorage.clear();
  });

  it('is the Staff console: diagnostics, operations, users, approvals and audit', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-brand')?.textContent).toContain('Staff');
    expect(element.querySelector('.bs-brand-icon')?.textContent?.trim()).toBe('admin_panel_settings');
    const nav = element.querySelector('nav');
    expect([...(nav?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'))).toEqual([
      '/diagnostics',
      '/operations',
      '/users',
      '/approvals',
      '/audit',
    ]);
    expect(nav?.textContent).toContain('Listening diagnostics');
  });

  it('asks for sign-in before anything, and has no sign-up', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Foperations');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/auth/providers').flush([]);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).not.toContain('Create an account');
    await harness.navigateByUrl('/sign-up');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
    http.verify();
  });

  it('signs out a signed-in user without a staff role and says the console is for staff only', async () => {
    TestBed.inject(AuthStore).accept(signedIn([]));
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/operations');
    (await sent('/api/v1/auth/sign-out')).flush(null, { status: 204, statusText: 'No Content' });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/sign-in?error=IDENTITY.STAFF_ONLY');
    (await sent('/api/v1/auth/providers')).flush([]);
    await until(
      () =>
        harness.routeNativeElement?.textContent?.includes('The staff console is for Bandstand staff only') ??
        false,
    );
    expect(TestBed.inject(AuthStore).status()).toBe('signed-out');
    TestBed.inject(HttpTestingController).verify();
  });

  it('lands staff on Operations and the platform status', async () => {
    TestBed.inject(AuthStore).accept(signedIn(['support']));
    const harness = await RouterTestingHarness.create('/');
    expect(TestBed.inject(Router).url).toBe('/operations');
    expect(document.title).toBe('Operations · Bandstand Staff');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/health/ready');
    http.expectOne('/api/v1/meta');
    expect(harness.routeNativeElement?.textContent).toContain('Asking the api whether it is ready');
  });

  it('shows the health of projections, processors and queues in Operations', async () => {
    TestBed.inject(AuthStore).accept(signedIn(['analyst']));
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
    const overview = http.expectOne(KERNEL_OPERATIONS_PATH);
    expect(overview.request.headers.get('Authorization')).toBe('Bearer token-1');
    overview.flush({
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

  it('shows Users and Approvals with their views', async () => {
    TestBed.inject(AuthStore).accept(signedIn(['admin']));
    const harness = await RouterTestingHarness.create('/users');
    expect(document.title).toBe('Users · Bandstand Staff');
    (await sent('/api/v1/staff/users')).flush({ items: [], nextCursor: null });
    await until(
      () =>
        harness.routeNativeElement
          ?.querySelector('bs-staff-users-view')
          ?.textContent?.includes('No user matches.') ?? false,
    );

    await harness.navigateByUrl('/approvals');
    expect(document.title).toBe('Approvals · Bandstand Staff');
    (await sent('/api/v1/staff/approvals')).flush([]);
    await until(
      () =>
        harness.routeNativeElement
          ?.querySelector('bs-approvals-view')
          ?.textContent?.includes('No request is waiting for approval.') ?? false,
    );
    TestBed.inject(HttpTestingController).verify();
  });

  it('opens a deep link into Audit', async () => {
    TestBed.inject(AuthStore).accept(signedIn(['auditor']));
    const harness = await RouterTestingHarness.create('/audit');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Audit');
    expect(document.title).toBe('Audit · Bandstand Staff');
    TestBed.inject(HttpTestingController).verify();
  });
});
