import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { type CanActivateFn, provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { META_PATH, READINESS_PATH } from '../status/platform-status.service';
import { type ConsoleDefinition, type ConsoleSection } from './console-definition';
import { type ConsoleFeature } from './console-feature';
import { consoleNavItems, consolePageTitle, consoleRoutes } from './console-routes';

function section(path: string, heading: string): ConsoleSection {
  return {
    path,
    label: `${heading} label`,
    icon: `${path || 'home'}_icon`,
    heading,
    purpose: `What ${heading} is for.`,
    upcoming: { heading: `${heading} will appear here`, message: `${heading} arrives later.` },
  };
}

/** A console that lands on its status section at ''. */
const LANDING_ON_HOME: ConsoleDefinition = {
  name: 'Tester',
  brandIcon: 'science',
  statusPath: '',
  sections: [section('', 'Home'), section('records', 'Records'), section('people', 'People')],
};

/** A console without a section at '': it lands on its status section. */
const LANDING_ON_OPS: ConsoleDefinition = {
  name: 'Ops',
  brandIcon: 'build',
  statusPath: 'health',
  sections: [section('charts', 'Charts'), section('health', 'Health'), section('log', 'Log')],
};

async function setup(definition: ConsoleDefinition, features: readonly ConsoleFeature[] = []) {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideRouter(consoleRoutes(definition, features), withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
    ],
  });
  const harness = await RouterTestingHarness.create();
  return { harness, router: TestBed.inject(Router), http: TestBed.inject(HttpTestingController) };
}

function heading(harness: RouterTestingHarness): string | undefined {
  return harness.routeNativeElement?.querySelector('h1')?.textContent?.trim();
}

describe('consoleRoutes', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it.each(
    LANDING_ON_HOME.sections
      .filter((candidate) => candidate.path !== LANDING_ON_HOME.statusPath)
      .map((candidate) => [candidate.heading, candidate] as const),
  )('routes to %s, an honest page saying what will appear there', async (_heading, expected) => {
    const { harness, http } = await setup(LANDING_ON_HOME);
    await harness.navigateByUrl(`/${expected.path}`);
    expect(heading(harness)).toBe(expected.heading);
    expect(harness.routeNativeElement?.textContent).toContain(expected.purpose);
    expect(harness.routeNativeElement?.textContent).toContain(expected.upcoming.message);
    expect(harness.routeNativeElement?.localName).toBe('bs-section-page');
    expect(document.title).toBe(`${expected.heading} · Bandstand Tester`);
    http.expectNone(READINESS_PATH);
  });

  it.each([
    ['at the landing path', LANDING_ON_HOME, '/', 'Home'],
    ['by redirection when no section is at the landing path', LANDING_ON_OPS, '/health', 'Health'],
  ] as const)(
    'lands on the status section %s, which shows the platform status',
    async (_how, definition, url, expectedHeading) => {
      const { harness, router, http } = await setup(definition);
      await harness.navigateByUrl('/');
      expect(router.url).toBe(url);
      expect(harness.routeNativeElement?.localName).toBe('bs-status-page');
      expect(heading(harness)).toBe(expectedHeading);
      expect(document.title).toBe(`${expectedHeading} · Bandstand ${definition.name}`);
      http.expectOne(READINESS_PATH);
      http.expectOne(META_PATH);
    },
  );

  it('opens a deep link directly, even where the landing path redirects', async () => {
    const { harness, router } = await setup(LANDING_ON_OPS);
    await harness.navigateByUrl('/log');
    expect(router.url).toBe('/log');
    expect(heading(harness)).toBe('Log');
    expect(document.title).toBe('Log · Bandstand Ops');
  });

  it('answers an unknown path with a not-found page', async () => {
    const { harness } = await setup(LANDING_ON_OPS);
    await harness.navigateByUrl('/no-such-section');
    expect(harness.routeNativeElement?.localName).toBe('bs-not-found-page');
    expect(heading(harness)).toBe('Page not found');
    expect(document.title).toBe('Page not found · Bandstand Ops');
  });

  it('matches section paths exactly: a longer path is not that section', async () => {
    const { harness } = await setup(LANDING_ON_HOME);
    await harness.navigateByUrl('/records/42');
    expect(heading(harness)).toBe('Page not found');
  });
});

@Component({
  selector: 'bs-gate-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Gate</h1>`,
})
class GatePageComponent {}

/** A feature that keeps the sections shut and opens a gate page instead. */
function gated(open: () => boolean): ConsoleFeature {
  const guard: CanActivateFn = () => open() || TestBed.inject(Router).parseUrl('/gate?from=guard');
  return { sectionGuards: [guard], routes: [{ path: 'gate', title: 'Gate', component: GatePageComponent }] };
}

describe('consoleRoutes with features', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it("mounts a feature's pages next to the sections, titled with the console's name", async () => {
    const { harness } = await setup(LANDING_ON_OPS, [gated(() => true)]);
    await harness.navigateByUrl('/gate');
    expect(heading(harness)).toBe('Gate');
    expect(harness.routeNativeElement?.localName).toBe('bs-gate-page');
    expect(document.title).toBe('Gate · Bandstand Ops');
  });

  it('lets every section pass the section guards, the landing redirect included', async () => {
    let open = false;
    const { harness, router } = await setup(LANDING_ON_OPS, [gated(() => open)]);
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/gate?from=guard');
    await harness.navigateByUrl('/log');
    expect(router.url).toBe('/gate?from=guard');

    open = true;
    await harness.navigateByUrl('/log');
    expect(router.url).toBe('/log');
    expect(heading(harness)).toBe('Log');
  });

  it("puts a feature's section pages behind the section guards of every feature", async () => {
    let open = false;
    const detail: ConsoleFeature = {
      sectionRoutes: [{ path: 'log/:entry', title: 'Entry', component: GatePageComponent }],
    };
    const { harness, router } = await setup(LANDING_ON_OPS, [gated(() => open), detail]);
    await harness.navigateByUrl('/log/42');
    expect(router.url).toBe('/gate?from=guard');

    open = true;
    await harness.navigateByUrl('/log/42');
    expect(router.url).toBe('/log/42');
    expect(document.title).toBe('Entry · Bandstand Ops');
  });

  it('guards neither the pages of features nor the not-found page', async () => {
    const { harness } = await setup(LANDING_ON_OPS, [gated(() => false)]);
    await harness.navigateByUrl('/no-such-section');
    expect(heading(harness)).toBe('Page not found');
  });
});

describe('consoleRoutes of features, as data', () => {
  it('keeps a title that is not a string as the feature gave it', () => {
    const resolveTitle = () => 'Dynamic';
    const routes = consoleRoutes(LANDING_ON_OPS, [{ routes: [{ path: 'dyn', title: resolveTitle }] }]);
    expect(routes.find((route) => route.path === 'dyn')?.title).toBe(resolveTitle);
    expect(routes.at(-1)?.path).toBe('**');
  });
});

describe('consoleRoutes of a console it cannot build', () => {
  it("refuses a feature's page at a section's path", () => {
    expect(() =>
      consoleRoutes(LANDING_ON_OPS, [{ routes: [{ path: 'log', component: GatePageComponent }] }]),
    ).toThrow('The Ops console has both a section and a page at "log".');
  });

  it('refuses a status path that is none of the sections', () => {
    expect(() => consoleRoutes({ ...LANDING_ON_OPS, statusPath: 'status' })).toThrow(
      'The Ops console shows the platform status at "status", which is none of its sections.',
    );
  });
});

describe('consoleNavItems', () => {
  it('lists one item per section, in order, matching only the landing page exactly', () => {
    expect(consoleNavItems(LANDING_ON_HOME)).toEqual([
      { label: 'Home label', icon: 'home_icon', route: '/', exact: true },
      { label: 'Records label', icon: 'records_icon', route: '/records', exact: false },
      { label: 'People label', icon: 'people_icon', route: '/people', exact: false },
    ]);
  });
});

describe('consolePageTitle', () => {
  it('names the page, then the console', () => {
    expect(consolePageTitle(LANDING_ON_OPS, 'Log')).toBe('Log · Bandstand Ops');
  });
});
