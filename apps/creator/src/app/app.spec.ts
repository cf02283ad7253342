import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '@bandstand/identity/web';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

const SIGNED_IN = {
  accessToken: 'token-1',
  expiresAt: '2026-11-21T10:10:00.000Z',
  sessionId: 'session-1',
  user: { userId: 'user-ana', email: 'ana@example.com', displayName: 'Ana Lima', staffRoles: [] },
} as const;

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

describe('creator console', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), provideNoopAnimations()],
    });
  });

  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('is the Creator console, with the eight creator sections in its navigation', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-brand-title')?.textContent).toBe('Creator');
    expect(element.querySelector('.bs-brand-icon')?.textContent?.trim()).toBe('graphic_eq');
    const labels = [...element.querySelectorAll('nav .mat-mdc-list-item-title')].map((title) =>
      title.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Overview',
      'Catalog',
      'Royalties',
      'Marketing',
      'Analytics',
      'Perks',
      'Live',
      'Team',
    ]);
  });

  it('asks a visitor to sign in first, and to come back to the section afterwards', async () => {
    await RouterTestingHarness.create('/royalties');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Froyalties');
    expect(document.title).toBe('Sign in · Bandstand Creator');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/providers').flush([]);
  });

  it('lands a signed-in creator on Overview with the platform status, and titles each section in its own words', async () => {
    TestBed.inject(AuthStore).accept(SIGNED_IN);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/health/ready');
    http.expectOne('/api/v1/meta');
    expect(document.title).toBe('Overview · Bandstand Creator');

    // The nav says "Royalties"; the page and its title say what the section really covers.
    await harness.navigateByUrl('/royalties');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Rights & royalties');
    expect(document.title).toBe('Rights & royalties · Bandstand Creator');
    http.verify();
  });

  it("shows the team in Team: the creator's organisations, read with the session's token", async () => {
    TestBed.inject(AuthStore).accept(SIGNED_IN);
    const harness = await RouterTestingHarness.create('/team');
    // The team view is its own lazy chunk, loaded with the section.
    const orgs = await sent('/api/v1/orgs');
    expect(orgs.request.headers.get('Authorization')).toBe('Bearer token-1');
    orgs.flush([]);
    await until(
      () =>
        harness.routeNativeElement
          ?.querySelector('bs-team-view')
          ?.textContent?.includes('Create an organisation') ?? false,
    );
    expect(harness.routeNativeElement?.querySelector('bs-empty-state')?.textContent).toContain(
      'Messaging will appear here',
    );
  });

  it('opens invitation links', async () => {
    const harness = await RouterTestingHarness.create('/invitations/accept?token=inv-1');
    expect(document.title).toBe('Invitation · Bandstand Creator');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/invitations/inv-1').flush({
      orgName: 'Night Drive',
      orgKind: 'artist',
      role: 'editor',
      invitedBy: 'Ana Lima',
      email: 'bo@example.com',
      expiresAt: '2026-11-28T10:00:00.000Z',
    });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('Night Drive');
  });
});
