import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ConsoleSection } from '../console/console-definition';
import { SectionPageComponent } from './section.page';

const CATALOG: ConsoleSection = {
  path: 'catalog',
  label: 'Catalog',
  icon: 'album',
  heading: 'Rights & catalog',
  purpose: 'Releases and tracks with their credits.',
  upcoming: { heading: 'Your releases will appear here', message: 'They arrive with the catalog context.' },
};

@Component({
  imports: [SectionPageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<bs-section-page [section]="section"><p class="projected">live figures</p></bs-section-page>`,
})
class HostComponent {
  readonly section = CATALOG;
}

@Component({
  selector: 'bs-catalog-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="catalog-view">the catalog's own view</p>`,
})
class CatalogViewComponent {}

@Component({
  imports: [SectionPageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<bs-section-page [section]="section" />`,
})
class ViewHostComponent {
  readonly section: ConsoleSection = { ...CATALOG, view: () => Promise.resolve(CatalogViewComponent) };
}

@Component({
  imports: [SectionPageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<bs-section-page [section]="section" />`,
})
class BrokenViewHostComponent {
  readonly section: ConsoleSection = {
    ...CATALOG,
    view: () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
  };
}

describe('SectionPageComponent', () => {
  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('is an honest page: what the section is for, and what will appear there', async () => {
    const element = await render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Rights & catalog');
    expect(element.querySelector('.purpose')?.textContent).toBe('Releases and tracks with their credits.');
    const empty = element.querySelector('bs-empty-state');
    expect(empty?.textContent).toContain('Your releases will appear here');
    expect(empty?.textContent).toContain('They arrive with the catalog context.');
    expect(empty?.querySelector('mat-icon')?.textContent?.trim()).toBe('album');
  });

  it("shows the section's own view above what is still to come", async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(ViewHostComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const order = [...element.querySelectorAll('.purpose, .catalog-view, bs-empty-state')].map((node) =>
      node.localName === 'bs-empty-state' ? 'empty state' : node.className,
    );
    expect(order).toEqual(['purpose', 'catalog-view', 'empty state']);
  });

  it('says so when the view cannot be loaded', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(BrokenViewHostComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('bs-error-state')?.textContent).toContain(
      'Failed to fetch dynamically imported module',
    );
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });

  it('places projected content between the purpose and the empty state', async () => {
    const element = await render();
    const order = [...element.querySelectorAll('.purpose, .projected, bs-empty-state')].map((node) =>
      node.localName === 'bs-empty-state' ? 'empty state' : node.className,
    );
    expect(order).toEqual(['purpose', 'projected', 'empty state']);
  });
});
