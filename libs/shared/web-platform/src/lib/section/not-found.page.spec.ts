import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotFoundPageComponent } from './not-found.page';

describe('NotFoundPageComponent', () => {
  it('says there is no page here and links back to the start page', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideRouter([])] });
    const fixture = TestBed.createComponent(NotFoundPageComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
    expect(element.querySelector('bs-empty-state')?.textContent).toContain(
      'There is no page at this address',
    );
    const start = element.querySelector('a');
    expect(start?.textContent?.trim()).toBe('Go to the start page');
    expect(start?.getAttribute('href')).toBe('/');
  });
});
