import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { RouterTestingHarness } from '@angular/router/testing';
import { AppComponent } from './app.component';
import { appConfig } from './app.config';

describe('creator console', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), provideNoopAnimations()],
    });
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

  it('lands on Overview with the platform status, and titles each section in its own words', async () => {
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
});
