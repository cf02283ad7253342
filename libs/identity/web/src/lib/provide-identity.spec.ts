import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router } from '@angular/router';
import { AUTH_PATH, type ConsoleName, ME_PATH } from '@bandstand/identity/contracts';
import {
  type ConsoleDefinition,
  ConsoleShellComponent,
  provideConsole,
} from '@bandstand/shared/web-platform';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from './data/auth.store';
import { type ConsoleAccess, SESSION_HINT_KEY } from './identity.config';
import { withIdentity } from './provide-identity';
import { AccountAreaComponent } from './shell/account-area.component';
import {
  ANA,
  buttonNamed,
  nextRequest,
  session,
  spokenText,
  textOf,
  until,
} from './testing/identity-fixtures';

const UPCOMING = { heading: 'Soon', message: 'Later.' };

const CONSOLE: ConsoleDefinition = {
  name: 'Tester',
  brandIcon: 'science',
  statusPath: 'status',
  sections: [
    {
      path: 'status',
      label: 'Status',
      icon: 'monitor_heart',
      heading: 'Status',
      purpose: 'Status.',
      upcoming: UPCOMING,
    },
    {
      path: 'records',
      label: 'Records',
      icon: 'album',
      heading: 'Records',
      purpose: 'Records.',
      upcoming: UPCOMING,
    },
  ],
};

@Component({
  imports: [ConsoleShellComponent, AccountAreaComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<bs-console-shell [definition]="definition"
    ><bs-account-area bsConsoleAccount
  /></bs-console-shell>`,
})
class AppComponent {
  readonly definition = CONSOLE;
}

describe('a console with identity', () => {
  let fixture: ComponentFixture<AppComponent>;
  let http: HttpTestingController;
  let router: Router;

  async function start(
    console: ConsoleName,
    access: ConsoleAccess,
    url: string,
    settle: 'stable' | 'navigated' = 'stable',
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideConsole(CONSOLE, withIdentity({ console, access })),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(AppComponent);
    await router.navigateByUrl(url);
    if (settle === 'stable') await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** Opens the account menu once it has loaded (it is deferred until the console is idle). */
  async function openMenu(element: HTMLElement): Promise<HTMLElement> {
    await until('the account menu loads', () => element.querySelector('bs-account-menu') !== null);
    await fixture.whenStable();
    element.querySelector<HTMLElement>('bs-account-menu .bs-account-trigger')?.click();
    await until('the menu opens', () => document.querySelector('.mat-mdc-menu-panel') !== null);
    const menu = document.querySelector<HTMLElement>('.mat-mdc-menu-panel');
    if (menu === null) throw new Error('the menu did not open');
    return menu;
  }

  function main(element: HTMLElement): HTMLElement {
    const found = element.querySelector<HTMLElement>('main');
    if (found === null) throw new Error('no main');
    return found;
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('opens the sections of a public console to anyone, with "Sign in" in the toolbar', async () => {
    const element = await start('fan', 'public', '/records');
    expect(router.url).toBe('/records');
    const signIn = buttonNamed(element.querySelector('mat-toolbar') ?? element, 'Sign in');
    expect(signIn.getAttribute('href')).toBe('/sign-in?returnUrl=%2Frecords');
  });

  it("mounts identity's pages, titled with the console's name", async () => {
    const element = await start('fan', 'public', '/sign-up');
    expect(textOf(main(element).querySelector('h1'))).toBe('Create your account');
    expect(document.title).toBe('Create your account · Bandstand Tester');
    await router.navigateByUrl('/sign-in');
    (await nextRequest(http, { url: `${AUTH_PATH}/providers` })).flush([]);
    await fixture.whenStable();
    expect(document.title).toBe('Sign in · Bandstand Tester');
  });

  it('sends a visitor of a signed-in console to sign in, and back', async () => {
    const element = await start('creator', 'signed-in', '/records', 'navigated');
    expect(router.url).toBe('/sign-in?returnUrl=%2Frecords');
    (await nextRequest(http, { url: `${AUTH_PATH}/providers` })).flush([]);
    await fixture.whenStable();
    expect(textOf(main(element).querySelector('h1'))).toBe('Sign in');
  });

  it('has neither sign-up nor invitations in the staff console', async () => {
    const element = await start('staff', 'staff', '/sign-up');
    expect(textOf(main(element).querySelector('h1'))).toBe('Page not found');
    await router.navigateByUrl('/invitations/accept?token=t');
    await fixture.whenStable();
    expect(textOf(main(element).querySelector('h1'))).toBe('Page not found');
  });

  it('restores the session as it starts, shows the user in the toolbar and sends the bearer token', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    TestBed.configureTestingModule({
      providers: [
        provideConsole(CONSOLE, withIdentity({ console: 'creator', access: 'signed-in' })),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(AppComponent);
    const navigation = router.navigateByUrl('/records');
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/refresh` })).flush(session());
    await navigation;
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(router.url).toBe('/records');
    expect(spokenText(element.querySelector('.bs-account-trigger') ?? element)).toBe(ANA.displayName);

    const me = firstValueFrom(TestBed.inject(HttpClient).get(ME_PATH));
    const request = http.expectOne(ME_PATH);
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    request.flush({});
    await me;
  });

  it('signs out from the account menu and opens the sign-in page', async () => {
    const element = await start('fan', 'public', '/records');
    TestBed.inject(AuthStore).accept(session());
    await openMenu(element);
    const menu = await openMenu(element);
    expect([...menu.querySelectorAll('[mat-menu-item]')].map((item) => spokenText(item))).toEqual([
      'Account',
      'Sign out',
    ]);
    expect(buttonNamed(menu, 'Account').getAttribute('href')).toBe('/account');
    buttonNamed(menu, 'Sign out').click();
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/sign-out` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await until('the sign-in page opens', () => router.url === '/sign-in');
    (await nextRequest(http, { url: `${AUTH_PATH}/providers` })).flush([]);
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).status()).toBe('signed-out');
    expect(buttonNamed(element.querySelector('mat-toolbar') ?? element, 'Sign in')).toBeTruthy();
  });

  it('says so on the sign-in page when the api could not be told about the sign-out', async () => {
    const element = await start('fan', 'public', '/records');
    TestBed.inject(AuthStore).accept(session());
    const menu = await openMenu(element);
    buttonNamed(menu, 'Sign out').click();
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/sign-out` })).error(
      new ProgressEvent('error'),
    );
    await until('the sign-in page opens', () => router.url.startsWith('/sign-in'));
    (await nextRequest(http, { url: `${AUTH_PATH}/providers` })).flush([]);
    await until('the notice shows', () =>
      textOf(element.querySelector('.bs-auth-notice')).startsWith(
        'You are signed out in this browser, but Bandstand',
      ),
    );
    expect(TestBed.inject(AuthStore).status()).toBe('signed-out');
  });
});
