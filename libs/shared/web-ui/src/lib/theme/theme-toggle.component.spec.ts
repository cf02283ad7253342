import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { ICON_FONT_CLASS, provideBandstandIcons } from './icons.provider';
import { ThemeToggleComponent } from './theme-toggle.component';

describe('ThemeToggleComponent', () => {
  afterEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
  });

  it('cycles system → light → dark → system, on the root element, and remembers the choice', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(ThemeToggleComponent);
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button');
    const root = document.documentElement.classList;
    expect(button?.getAttribute('aria-label')).toBe('Colour scheme: follows the system');

    button?.click();
    await fixture.whenStable();
    expect(root.contains('bs-theme-light')).toBe(true);
    expect(button?.getAttribute('aria-label')).toBe('Colour scheme: light');

    button?.click();
    await fixture.whenStable();
    expect(root.contains('bs-theme-light')).toBe(false);
    expect(root.contains('bs-theme-dark')).toBe(true);
    expect(localStorage.getItem('bandstand.color-scheme')).toBe('dark');

    button?.click();
    await fixture.whenStable();
    expect(root.contains('bs-theme-dark')).toBe(false);
  });

  it('starts from the remembered choice', async () => {
    localStorage.setItem('bandstand.color-scheme', 'dark');
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(ThemeToggleComponent);
    await fixture.whenStable();
    expect(document.documentElement.classList.contains('bs-theme-dark')).toBe(true);
  });
});

describe('provideBandstandIcons', () => {
  it('makes Material Symbols the default icon font', () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideBandstandIcons()],
    });
    expect(TestBed.inject(MatIconRegistry).getDefaultFontSetClass()).toEqual([ICON_FONT_CLASS]);
  });
});
