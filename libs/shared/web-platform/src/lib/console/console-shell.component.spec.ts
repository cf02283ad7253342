import { HttpClient, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, InjectionToken } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { type ConsoleDefinition } from './console-definition';
import { type ConsoleFeature } from './console-feature';
import { ConsoleShellComponent } from './console-shell.component';
import { provideConsole } from './console.providers';

const NOW = '2025-06-01T12:00:00.000Z';
const UPCOMING = { heading: 'Soon', message: 'Later.' };

const STUDIO: ConsoleDefinition = {
  name: 'Studio',
  brandIcon: 'mic',
  statusPath: 'desk',
  sections: [
    {
      path: 'desk',
      label: 'Desk',
      icon: 'tune',
      heading: 'Mixing desk',
      purpose: 'Mixing.',
      upcoming: UPCOMING,
    },
    {
      path: 'tapes',
      label: 'Tapes',
      icon: 'album',
      heading: 'Tapes',
      purpose: 'Archive.',
      upcoming: UPCOMING,
    },
  ],
};

const STAMP = new InjectionToken<string>('STAMP');

/** Stamps every request with the value the feature provides. */
const stamp: HttpInterceptorFn = (request, next) =>
  next(request.clone({ setHeaders: { 'x-stamp': TestBed.inject(STAMP) } }));

const STAMPING: ConsoleFeature = {
  interceptors: [stamp],
  providers: [{ provide: STAMP, useValue: 'studio' }],
};

@Component({
  imports: [ConsoleShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<bs-console-shell [definition]="definition"
    ><button type="button" bsConsoleAccount class="account">Ana</button></bs-console-shell
  >`,
})
class AppWithAccountComponent {
  readonly definition = STUDIO;
}

/** The console as an application starts it: its providers, then the shell at the root. */
async function start(root: 'shell' | 'app' = 'shell') {
  TestBed.configureTestingModule({
    providers: [provideConsole(STUDIO, STAMPING), provideHttpClientTesting(), provideNoopAnimations()],
  });
  const fixture =
    root === 'shell'
      ? TestBed.createComponent(ConsoleShellComponent)
      : TestBed.createComponent(AppWithAccountComponent);
  if (root === 'shell') fixture.componentRef.setInput('definition', STUDIO);
  await TestBed.inject(Router).navigateByUrl('/');
  TestBed.tick();
  // The console lands on its status section, which is stable only once its requests are answered.
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne('/api/health/ready')
    .flush({ status: 'up', service: 'api', checkedAt: NOW, dependencies: [] });
  http
    .expectOne('/api/v1/meta')
    .flush({ service: 'api', version: '9.9.9', node: 'v24.0.0', uptimeSeconds: 1 });
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('ConsoleShellComponent with provideConsole', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('frames the console: its brand, its sections in order, the theme toggle and the routed page', async () => {
    const { element } = await start();
    expect(element.querySelector('.bs-brand')?.textContent).toContain('BandstandStudio');
    expect(element.querySelector('.bs-brand mat-icon')?.textContent?.trim()).toBe('mic');
    const items = [...element.querySelectorAll('nav a')];
    expect(items.map((item) => item.querySelector('.mat-mdc-list-item-title')?.textContent?.trim())).toEqual([
      'Desk',
      'Tapes',
    ]);
    expect(items.map((item) => item.getAttribute('href'))).toEqual(['/desk', '/tapes']);
    expect(element.querySelector('bs-theme-toggle button')).not.toBeNull();
    expect(element.querySelector('main bs-status-page h1')?.textContent?.trim()).toBe('Mixing desk');
    expect(element.querySelector('main .bs-meta-version')?.textContent).toBe('9.9.9');
  });

  it('marks the current section in the navigation and titles the page', async () => {
    const { fixture, element } = await start();
    await TestBed.inject(Router).navigateByUrl('/tapes');
    await fixture.whenStable();
    expect(element.querySelector('nav [aria-current="page"]')?.textContent).toContain('Tapes');
    expect(element.querySelector('main h1')?.textContent?.trim()).toBe('Tapes');
    expect(document.title).toBe('Tapes · Bandstand Studio');
  });

  it("puts the application's account area in the toolbar, before the theme toggle", async () => {
    const { element } = await start('app');
    const account = element.querySelector('mat-toolbar .bs-account');
    const order = [...(account?.querySelectorAll('.account, bs-theme-toggle') ?? [])].map(
      (node) => node.localName,
    );
    expect(order).toEqual(['button', 'bs-theme-toggle']);
    expect(account?.querySelector('.account')?.textContent).toBe('Ana');
  });

  it("sends every request through the features' interceptors, with the features' providers", async () => {
    await start();
    const answer = firstValueFrom(TestBed.inject(HttpClient).get('/api/v1/anything'));
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/anything');
    expect(request.request.headers.get('x-stamp')).toBe('studio');
    request.flush({ ok: true });
    expect(await answer).toEqual({ ok: true });
  });

  it('draws its icons with the bundled Material Symbols font', async () => {
    const { element } = await start();
    expect(element.querySelector('.bs-brand mat-icon')?.classList).toContain('material-symbols-outlined');
  });
});
