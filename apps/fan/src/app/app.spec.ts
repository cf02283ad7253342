import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

describe('fan console', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), provideNoopAnimations()],
    });
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('is the Fan console, with the fan sections in its navigation', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-brand')?.textContent).toContain('BandstandFan');
    expect(element.querySelector('.bs-brand-icon')?.textContent?.trim()).toBe('headphones');
    const links = [...element.querySelectorAll('nav a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/',
      '/discover',
      '/collection',
      '/wallet',
      '/perks',
      '/insights',
      '/live',
    ]);
    expect(links[3]?.textContent).toContain('Wallet & rewards');
  });

  it('opens on Home, which shows the live status of the platform', async () => {
    const harness = await RouterTestingHarness.create('/');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Home');
    expect(document.title).toBe('Home · Bandstand Fan');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/health/ready');
    http.expectOne('/api/v1/meta');
  });

  it('opens a deep link on its own section, without asking for the platform status', async () => {
    const harness = await RouterTestingHarness.create('/wallet');
    expect(harness.routeNativeElement?.textContent).toContain('Credits you earn through community activity');
    expect(document.title).toBe('Wallet & rewards · Bandstand Fan');
    TestBed.inject(HttpTestingController).expectNone('/api/health/ready');
  });

  it('is open to visitors, with "Sign in" in the toolbar and no session asked for', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await TestBed.inject(Router).navigateByUrl('/perks');
    await fixture.whenStable();
    const signIn = (fixture.nativeElement as HTMLElement).querySelector('mat-toolbar a[href^="/sign-in"]');
    expect(signIn?.textContent).toContain('Sign in');
    expect(signIn?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Fperks');
    TestBed.inject(HttpTestingController).expectNone('/api/v1/auth/refresh');
  });

  it('mounts the catalog: Discover, and public release and artist pages', async () => {
    const harness = await RouterTestingHarness.create('/releases/rel-1');
    expect(document.title).toBe('Release · Bandstand Fan');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/catalog/releases/rel-1');
    await harness.navigateByUrl('/artists/art-1');
    expect(document.title).toBe('Artist · Bandstand Fan');
    http.expectOne('/api/v1/catalog/artists/art-1');
  });

  it('mounts sign-up, and keeps the account page for signed-in fans', async () => {
    const harness = await RouterTestingHarness.create('/sign-up');
    expect(document.title).toBe('Create your account · Bandstand Fan');
    await harness.navigateByUrl('/account');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Faccount');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/providers').flush([]);
  });
});
