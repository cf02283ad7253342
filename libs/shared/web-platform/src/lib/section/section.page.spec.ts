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

  it('places projected content between the purpose and the empty state', async () => {
    const element = await render();
    const order = [...element.querySelectorAll('.purpose, .projected, bs-empty-state')].map((node) =>
      node.localName === 'bs-empty-state' ? 'empty state' : node.className,
    );
    expect(order).toEqual(['purpose', 'projected', 'empty state']);
  });
});
