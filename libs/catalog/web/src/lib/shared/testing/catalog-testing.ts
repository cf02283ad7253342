import { type HttpRequest, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import {
  ChangeDetectionStrategy,
  Component,
  type EnvironmentProviders,
  type Provider,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, type Route, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type Artist,
  type ChangePlan,
  orgCatalogPath,
  type ReleaseDetail,
  type ReleaseDraft,
  type ReleaseSummary,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import { type Organisation, ORGS_PATH } from '@bandstand/identity/contracts';
import {
  type ErrorCode,
  type FieldError,
  type OrgRole,
  type ProblemDetails,
  problemType,
} from '@bandstand/shared/contracts';
import { find, spokenText, textOf, until } from '@bandstand/shared/web-ui/testing';

// Shared with every console's specs; re-exported so that this context's specs import one module.
export { buttonNamed, find, spokenText, textOf, type, until } from '@bandstand/shared/web-ui/testing';

/** The organisation of the tests, and its catalog's base path. */
export const ORG_ID = 'org-1';
export const CATALOG = orgCatalogPath(ORG_ID);

/** An organisation the user holds `role` in. */
export function organisation(role: OrgRole = 'owner', orgId = ORG_ID, name = 'Night Drive'): Organisation {
  return { orgId, name, kind: 'artist', createdAt: '2026-11-01T10:00:00.000Z', myRole: role };
}

/** A problem+json body as the api answers it. */
export function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  errors?: readonly FieldError[],
): ProblemDetails {
  return {
    type: problemType(code),
    title: 'Request failed',
    status,
    code,
    detail,
    correlationId: 'corr-test',
    ...(errors === undefined ? {} : { errors }),
  };
}

/** A catalog artist. */
export function artist(overrides: Partial<Artist> = {}): Artist {
  return {
    artistId: 'art-1',
    orgId: ORG_ID,
    name: { text: 'Aurora Lane', language: 'en', translations: [] },
    isni: '000000012103268X',
    ipi: null,
    country: 'GB',
    bio: null,
    releaseCount: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A complete track of a draft. */
export function track(overrides: Partial<TrackDraft> = {}): TrackDraft {
  return {
    trackId: 'trk-1',
    title: { text: 'Night Drive', language: 'en', translations: [] },
    versionTitle: null,
    isrc: 'USRC17607839',
    iswc: 'T0345246801',
    durationMs: 215_000,
    displayArtist: 'Aurora Lane',
    contributors: [
      {
        name: 'Aurora Lane',
        artistId: 'art-1',
        roles: ['main-artist'],
        isni: '000000012103268X',
        ipi: null,
        instrument: null,
      },
    ],
    genre: 'Pop',
    parentalWarning: 'not-explicit',
    language: 'en',
    disc: 1,
    audioAssetId: null,
    ...overrides,
  };
}

/** A complete draft with two tracks. */
export function draft(overrides: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    type: 'single',
    title: {
      text: 'Night Drive',
      language: 'en',
      translations: [{ language: 'ja', text: 'ナイトドライブ' }],
    },
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    artistIds: ['art-1'],
    upc: '036000291452',
    catalogNumber: 'ND-001',
    labelName: 'Night Drive Records',
    genre: 'Pop',
    subgenre: 'Synth-pop',
    parentalWarning: 'not-explicit',
    languages: ['en'],
    pLine: { year: 2026, owner: 'Night Drive Records' },
    cLine: { year: 2026, owner: 'Night Drive Records' },
    originalReleaseDate: null,
    artworkAssetId: null,
    contributors: [],
    tracks: [
      track(),
      track({
        trackId: 'trk-2',
        title: { text: 'Headlights', language: 'en', translations: [] },
        isrc: 'USRC17607840',
        iswc: null,
        durationMs: 188_000,
      }),
    ],
    ...overrides,
  };
}

/** A release in lists. */
export function releaseSummary(overrides: Partial<ReleaseSummary> = {}): ReleaseSummary {
  return {
    releaseId: 'rel-1',
    orgId: ORG_ID,
    type: 'single',
    title: { text: 'Night Drive', language: 'en', translations: [] },
    displayArtist: 'Aurora Lane',
    upc: '036000291452',
    status: 'draft',
    releaseAt: null,
    trackCount: 2,
    revision: 3,
    version: 0,
    hasDraftChanges: true,
    artworkAssetId: null,
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** A release's detail. */
export function releaseDetail(overrides: Partial<ReleaseDetail> = {}): ReleaseDetail {
  return {
    ...releaseSummary(),
    draft: draft(),
    schedule: null,
    versions: [],
    takedownReason: null,
    createdAt: '2026-11-19T10:00:00.000Z',
    ...overrides,
  };
}

/** A previewed plan. */
export function changePlan(overrides: Partial<ChangePlan> = {}): ChangePlan {
  return {
    planId: 'plan-1',
    orgId: ORG_ID,
    kind: 'batch',
    status: 'open',
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-11-21T11:00:00.000Z',
    appliedAt: null,
    summary: { creates: 0, updates: 1, unchanged: 0, tracksChanged: 2, errors: 0 },
    items: [
      {
        index: 0,
        action: 'update',
        releaseId: 'rel-1',
        title: 'Night Drive',
        upc: '036000291452',
        source: null,
        changes: [
          { path: 'tracks[trk-1].genre', before: 'Pop', after: 'Synthwave' },
          { path: 'tracks[trk-2].genre', before: 'Pop', after: 'Synthwave' },
        ],
      },
    ],
    itemsNextCursor: null,
    errors: [],
    ...overrides,
  };
}

/** Where the tests' pages go when they navigate away; its heading names the route reached. */
@Component({
  selector: 'bs-landing-stub',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1 class="landing">Landed</h1>`,
})
export class LandingStubComponent {}

/** Providers of a page under test: the testing backend, the routes of the test and no animations. */
export function catalogTestingProviders(routes: Route[] = []): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideNoopAnimations(),
    provideRouter([...routes, { path: '**', component: LandingStubComponent }], withComponentInputBinding()),
  ];
}

/** Configures the testing module for a page and answers what it needs from the testing backend. */
export function setUpCatalogPage(
  routes: Route[] = [],
  providers: (Provider | EnvironmentProviders)[] = [],
): HttpTestingController {
  TestBed.configureTestingModule({ providers: [...catalogTestingProviders(routes), ...providers] });
  return TestBed.inject(HttpTestingController);
}

/** Whether a button or link named `text` is there. */
export function hasButton(scope: ParentNode, text: string): boolean {
  return [...scope.querySelectorAll<HTMLElement>('button, a')].some(
    (candidate) => (candidate.getAttribute('aria-label') ?? spokenText(candidate)) === text,
  );
}

/** The input, textarea or select labelled `label` (its mat-label or aria-label), inside `scope`. */
export function fieldLabelled<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string): T {
  const byAria = scope.querySelector<T>(`[aria-label="${label.replace(/"/g, '\\"')}"]`);
  if (byAria !== null && !(byAria instanceof HTMLButtonElement)) return byAria;
  const labelElement = [...scope.querySelectorAll('label')].find(
    (candidate) => textOf(candidate).replace(/\s*\*$/, '') === label,
  );
  const id = labelElement?.getAttribute('for');
  const input = id ? scope.querySelector<T>(`[id="${id}"]`) : null;
  if (input === null) throw new Error(`No field labelled "${label}"`);
  return input;
}

/** The mat-form-field whose mat-label reads `label` (for mat-selects, whose label names no input). */
export function formFieldLabelled(scope: ParentNode, label: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('mat-form-field')].find(
    (field) => textOf(field.querySelector('mat-label')).replace(/\s*\*$/, '') === label,
  );
  if (found === undefined) throw new Error(`No form field labelled "${label}"`);
  return found;
}

/** The message of the form field holding `input` (its mat-error), or '' when it shows none. */
export function errorOf(input: Element): string {
  return textOf(input.closest('mat-form-field')?.querySelector('mat-error'));
}

/**
 * Opens the mat-select inside `field` and picks the option whose text is `option`. Waits by turns,
 * not for stability: the choice usually starts a request the test answers afterwards.
 */
export async function choose(field: Element, option: string): Promise<void> {
  field.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
  const options = () =>
    [...document.querySelectorAll<HTMLElement>('mat-option')].filter(
      (candidate) => textOf(candidate) === option,
    );
  await until(`the option ${option} shows`, () => options().length > 0);
  options()[0]?.click();
  if (field.querySelector('.mat-mdc-select-multiple') !== null) {
    // A multiple choice stays open for more; its backdrop closes it, as a click beside it does.
    await until('the choice is made', () => options()[0]?.getAttribute('aria-selected') === 'true');
    document.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click();
  }
  await until('the options close', () => document.querySelector('mat-option') === null);
}

/** Waits a few turns for `match` to be requested (pages request after a few promise turns). */
export async function nextRequest(
  http: HttpTestingController,
  match: { readonly method?: string; readonly url: string } | ((request: HttpRequest<unknown>) => boolean),
): Promise<TestRequest> {
  // An object matches the path without its query, which tests check on `request.params`.
  const matches =
    typeof match === 'function'
      ? match
      : (request: HttpRequest<unknown>) =>
          request.url === match.url && (match.method === undefined || request.method === match.method);
  for (let turn = 0; turn < 50; turn++) {
    const [found] = http.match(matches);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return http.expectOne(
    matches,
    typeof match === 'function' ? 'a matching request' : `${match.method ?? 'any'} ${match.url}`,
  );
}

/** Answers the organisations request every catalog page starts with. */
export async function answerOrganisations(
  http: HttpTestingController,
  organisations: readonly Organisation[] = [organisation()],
): Promise<void> {
  (await nextRequest(http, { method: 'GET', url: ORGS_PATH })).flush(organisations);
}

/** Answers a request with a problem. */
export function fail(request: TestRequest, body: ProblemDetails): void {
  request.flush(body, { status: body.status, statusText: body.title });
}

/**
 * A page opened at `url` through the router (so route parameters reach its inputs), with what the
 * tests need to drive it. The page's first requests are left for the test to answer.
 */
export async function openPage(
  url: string,
  routes: Route[],
  providers: (Provider | EnvironmentProviders)[] = [],
) {
  const http = setUpCatalogPage(routes, providers);
  const harness = await RouterTestingHarness.create(url);
  const page = (): HTMLElement => {
    const element = harness.routeNativeElement;
    if (element === null) throw new Error('no page is shown');
    return element;
  };
  return { harness, http, page, settle: () => harness.fixture.whenStable() };
}

/** Chooses `file` in a file input, as the browser's file picker does. */
export function chooseFile(input: HTMLInputElement, ...files: File[]): void {
  // jsdom has no file picker; the input's file list is what a user's choice leaves behind.
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** The open dialog's element (Material renders dialogs outside the page). */
export async function dialogNamed(selector: string): Promise<HTMLElement> {
  // Open once its title is rendered: the dialog's bindings come a change detection after it is attached.
  await until(
    `the dialog ${selector} opens`,
    () => textOf(document.querySelector(`${selector} [mat-dialog-title]`)) !== '',
  );
  return find(document, selector);
}
