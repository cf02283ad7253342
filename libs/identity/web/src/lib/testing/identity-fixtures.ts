import { type HttpRequest, provideHttpClient, withInterceptors } from '@angular/common/http';
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
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, type Route, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TestBed } from '@angular/core/testing';
import { type SessionUser, type SignInResponse } from '@bandstand/identity/contracts';
import {
  type ErrorCode,
  type FieldError,
  type ProblemDetails,
  problemType,
} from '@bandstand/shared/contracts';
import { authInterceptor } from '../data/auth.interceptor';
import { AuthStore } from '../data/auth.store';
import { identityRoutes } from '../identity.routes';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity.config';
import { textOf } from '@bandstand/shared/web-ui/testing';

// Shared with every console's specs; re-exported so that this context's specs import one module.
export { buttonNamed, find, spokenText, textOf, type, until } from '@bandstand/shared/web-ui/testing';

/** A fan and creator without staff roles. */
export const ANA: SessionUser = {
  userId: 'user-ana',
  email: 'ana@example.com',
  displayName: 'Ana Lima',
  staffRoles: [],
};

/** A member of the platform's staff with the admin role. */
export const STAFF_ADMIN: SessionUser = {
  userId: 'user-sam',
  email: 'sam@bandstand.example',
  displayName: 'Sam Staff',
  staffRoles: ['admin'],
};

/** A sign-in answer for `user` with access token `token`. */
export function session(user: SessionUser = ANA, token = 'token-1'): SignInResponse {
  return {
    accessToken: token,
    expiresAt: '2026-11-21T10:10:00.000Z',
    sessionId: `session-of-${user.userId}`,
    user,
  };
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

/** Where pages go after they are done; its heading says which route was reached. */
@Component({
  selector: 'bs-landing-stub',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1 class="landing">Landed</h1>`,
})
export class LandingStubComponent {}

/** The providers of a console with identity, on the testing backend and routes of the test. */
export function identityTestingProviders(
  config: IdentityConfig,
  routes: Route[] = [],
): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideNoopAnimations(),
    provideRouter([...routes, { path: '**', component: LandingStubComponent }], withComponentInputBinding()),
    { provide: IDENTITY_CONFIG, useValue: config },
  ];
}

/** The input labelled `label` (by its mat-label), inside `scope`. */
export function fieldLabelled(scope: ParentNode, label: string): HTMLInputElement {
  const labelElement = [...scope.querySelectorAll('label')].find(
    (candidate) => textOf(candidate).replace(/\s*\*$/, '') === label,
  );
  const id = labelElement?.getAttribute('for');
  const input = id ? scope.querySelector<HTMLInputElement>(`[id="${id}"]`) : null;
  if (input === null) throw new Error(`No field labelled "${label}"`);
  return input;
}

/**
 * The request to `url` once the code under test has sent it: guards and pages send theirs after a
 * few promise turns (a restored session, a lazy chunk), so this waits for it, a little at a time.
 */
export async function nextRequest(
  http: HttpTestingController,
  match: { readonly method?: string; readonly url: string } | ((request: HttpRequest<unknown>) => boolean),
): Promise<TestRequest> {
  for (let turn = 0; turn < 50; turn++) {
    const [found] = http.match(match);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return http.expectOne(match);
}

/** A console with identity's pages, opened at `url`, with what tests need to drive it. */
export async function openIdentityPage(
  url: string,
  config: IdentityConfig,
  providers: (Provider | EnvironmentProviders)[] = [],
  before?: () => void,
) {
  TestBed.configureTestingModule({
    providers: [...identityTestingProviders(config, identityRoutes(config)), ...providers],
  });
  before?.();
  const harness = await RouterTestingHarness.create(url);
  const page = (): HTMLElement => {
    const element = harness.routeNativeElement;
    if (element === null) throw new Error('no page is shown');
    return element;
  };
  return {
    harness,
    page,
    http: TestBed.inject(HttpTestingController),
    router: TestBed.inject(Router),
    store: TestBed.inject(AuthStore),
  };
}
