import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import { type ConsoleAccess, SESSION_HINT_KEY } from '../identity.config';
import {
  ANA,
  identityTestingProviders,
  nextRequest,
  session,
  STAFF_ADMIN,
} from '../testing/identity-fixtures';
import { accessGuards } from './auth.guards';
import { AuthStore } from './auth.store';

@Component({
  selector: 'bs-guarded-stub',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Inside</h1>`,
})
class GuardedStubComponent {}

async function setup(access: ConsoleAccess) {
  TestBed.configureTestingModule({
    providers: identityTestingProviders({ console: access === 'staff' ? 'staff' : 'creator', access }, [
      { path: 'inside', canActivate: accessGuards(access), component: GuardedStubComponent },
    ]),
  });
  const harness = await RouterTestingHarness.create();
  return {
    harness,
    router: TestBed.inject(Router),
    store: TestBed.inject(AuthStore),
    http: TestBed.inject(HttpTestingController),
  };
}

describe('access guards', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('let anyone into a public console', async () => {
    const { harness, router } = await setup('public');
    await harness.navigateByUrl('/inside?tab=2');
    expect(router.url).toBe('/inside?tab=2');
  });

  it('send a visitor to sign in first, and back here afterwards', async () => {
    const { harness, router } = await setup('signed-in');
    await harness.navigateByUrl('/inside?tab=2');
    expect(router.url).toBe(`/sign-in?returnUrl=${encodeURIComponent('/inside?tab=2')}`);
  });

  it('wait for the session to be restored before they decide', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const { harness, router, http } = await setup('signed-in');
    const navigation = harness.navigateByUrl('/inside');
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/refresh` })).flush(session(ANA));
    await navigation;
    expect(router.url).toBe('/inside');
    expect(harness.routeNativeElement?.textContent).toContain('Inside');
  });

  it('let staff into the staff console', async () => {
    const { harness, router, store } = await setup('staff');
    store.accept(session(STAFF_ADMIN));
    await harness.navigateByUrl('/inside');
    expect(router.url).toBe('/inside');
  });

  it('sign out anyone else who reaches the staff console, and say it is for staff only', async () => {
    const { harness, router, store, http } = await setup('staff');
    store.accept(session(ANA));
    const navigation = harness.navigateByUrl('/inside');
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/sign-out` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await navigation;
    expect(router.url).toBe('/sign-in?error=IDENTITY.STAFF_ONLY');
    expect(store.status()).toBe('signed-out');
  });

  it('send a visitor of the staff console to sign in', async () => {
    const { harness, router } = await setup('staff');
    await harness.navigateByUrl('/inside');
    expect(router.url).toBe('/sign-in?returnUrl=%2Finside');
  });
});
