import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter, Router, RouterOutlet } from '@angular/router';
import { AppShellComponent, HANDSET_QUERY } from './app-shell.component';
import { type NavItem } from './nav-item';

@Component({ template: '<p class="page">home page</p>' })
class HomePage {}

@Component({ template: '<p class="page">collection page</p>' })
class CollectionPage {}

const NAV: readonly NavItem[] = [
  { label: 'Home', icon: 'home', route: '/', exact: true },
  { label: 'Collection', icon: 'library_music', route: '/collection' },
];

@Component({
  imports: [AppShellComponent, RouterOutlet],
  template: `
    <bs-app-shell consoleName="Fan" [navItems]="nav">
      <span bsShellAccount class="account">account area</span>
      <router-outlet />
    </bs-app-shell>
  `,
})
class HostComponent {
  readonly nav = NAV;
}

/** jsdom has no matchMedia; this one answers the handset query the way a phone would. */
function emulateViewport(handset: boolean): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: handset && query === HANDSET_QUERY,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

async function render(handset: boolean) {
  emulateViewport(handset);
  TestBed.configureTestingModule({
    imports: [HostComponent],
    providers: [
      provideZonelessChangeDetection(),
      provideRouter([
        { path: '', component: HomePage },
        { path: 'collection', component: CollectionPage },
      ]),
    ],
  });
  const fixture = TestBed.createComponent(HostComponent);
  const router = TestBed.inject(Router);
  await router.navigateByUrl('/');
  await fixture.whenStable();
  return {
    fixture,
    router,
    loader: TestbedHarnessEnvironment.loader(fixture),
    element: fixture.nativeElement as HTMLElement,
  };
}

describe('AppShellComponent', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('renders the brand, console name, account slot, nav items and the page', async () => {
    const { element, loader } = await render(false);
    expect(element.querySelector('.bs-brand')?.textContent).toContain('Bandstand');
    expect(element.querySelector('.bs-brand')?.textContent).toContain('Fan');
    expect(element.querySelector('.bs-account .account')?.textContent).toBe('account area');
    const list = await loader.getHarness(MatNavListHarness);
    const items = await list.getItems();
    expect(await Promise.all(items.map((item) => item.getTitle()))).toEqual(['Home', 'Collection']);
    expect(await items[0]?.getHref()).toBe('/');
    expect(element.querySelector('main#bs-main .page')?.textContent).toBe('home page');
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
  });

  it('marks the active item with aria-current and follows navigation', async () => {
    const { element, fixture, loader } = await render(false);
    const list = await loader.getHarness(MatNavListHarness);
    const [, collection] = await list.getItems();
    await (await collection?.host())?.click();
    await fixture.whenStable();
    expect(element.querySelector('main .page')?.textContent).toBe('collection page');
    const current = element.querySelectorAll('[aria-current="page"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.textContent).toContain('Collection');
  });

  it('shows the navigation as an open side panel on wide screens, without a menu button', async () => {
    const { element, loader } = await render(false);
    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('side');
    expect(await sidenav.isOpen()).toBe(true);
    expect(element.querySelector('.bs-menu-button')).toBeNull();
  });

  it('turns the navigation into a closed drawer on phones that the menu button opens', async () => {
    const { element, fixture, loader } = await render(true);
    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBe(false);
    const button = element.querySelector<HTMLButtonElement>('.bs-menu-button');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    button?.click();
    await fixture.whenStable();
    expect(await sidenav.isOpen()).toBe(true);
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });

  it('has a skip link that moves focus to the main region without changing the URL', async () => {
    const { element, router } = await render(false);
    const link = element.querySelector<HTMLAnchorElement>('.bs-skip-link');
    expect(link?.textContent).toContain('Skip to main content');
    link?.click();
    expect(document.activeElement?.id).toBe('bs-main');
    expect(router.url).toBe('/');
  });
});
