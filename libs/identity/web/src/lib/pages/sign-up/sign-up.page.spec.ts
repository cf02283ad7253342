import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import { RETURN_URL_KEY } from '../../identity.config';
import {
  buttonNamed,
  fieldLabelled,
  nextRequest,
  openIdentityPage,
  problem,
  textOf,
  type,
} from '../../testing/identity-fixtures';

const SIGN_UP = `${AUTH_PATH}/sign-up`;

function open(url: string) {
  return openIdentityPage(url, { console: 'creator', access: 'signed-in' });
}

describe('the sign-up page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('creates an account for this console, then asks to open the mailed link', async () => {
    const { harness, http, page } = await open('/sign-up?returnUrl=%2Fteam');
    expect(textOf(page().querySelector('h1'))).toBe('Create your account');
    type(fieldLabelled(page(), 'Display name'), 'Ana Lima');
    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'a long enough passphrase');
    buttonNamed(page(), 'Create account').click();

    const request = await nextRequest(http, { method: 'POST', url: SIGN_UP });
    expect(request.request.body).toEqual({
      displayName: 'Ana Lima',
      email: 'ana@example.com',
      password: 'a long enough passphrase',
      console: 'creator',
    });
    request.flush(
      { status: 'accepted', message: 'If the address can be used, a verification link is on its way.' },
      { status: 202, statusText: 'Accepted' },
    );
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('h1'))).toBe('Check your e-mail');
    expect(textOf(page())).toContain('If the address can be used, a verification link is on its way.');
    expect(textOf(page())).toContain('We sent a link to ana@example.com');
    // The mailed link may open in another tab: the way back waits in storage.
    expect(localStorage.getItem(RETURN_URL_KEY)).toBe('/team');
  });

  it('starts with the address an invitation names', async () => {
    const { page } = await open('/sign-up?email=bo%40example.com');
    expect(fieldLabelled(page(), 'E-mail').value).toBe('bo@example.com');
  });

  it('checks the password length before sending', async () => {
    const { harness, http, page } = await open('/sign-up');
    type(fieldLabelled(page(), 'Display name'), 'Ana');
    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'short');
    buttonNamed(page(), 'Create account').click();
    await harness.fixture.whenStable();
    http.expectNone(SIGN_UP);
    const passwordField = fieldLabelled(page(), 'Password').closest('mat-form-field');
    expect(textOf(passwordField?.querySelector('mat-error'))).toBe(
      'Password must be at least 12 characters.',
    );
  });

  it('puts a refused password’s reason next to the password', async () => {
    const { harness, http, page } = await open('/sign-up');
    type(fieldLabelled(page(), 'Display name'), 'Ana');
    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'password1234');
    buttonNamed(page(), 'Create account').click();
    (await nextRequest(http, { url: SIGN_UP })).flush(
      problem(400, 'IDENTITY.PASSWORD_BREACHED', 'Choose another password.', [
        {
          field: 'password',
          code: 'IDENTITY.PASSWORD_BREACHED',
          message: 'This password appeared in a data breach; choose another one.',
        },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    const passwordField = fieldLabelled(page(), 'Password').closest('mat-form-field');
    expect(textOf(passwordField?.querySelector('mat-error'))).toBe(
      'This password appeared in a data breach; choose another one.',
    );
    expect(textOf(page().querySelector('h1'))).toBe('Create your account');
  });
});
