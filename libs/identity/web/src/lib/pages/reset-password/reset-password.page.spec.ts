import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import {
  buttonNamed,
  fieldLabelled,
  nextRequest,
  openIdentityPage,
  problem,
  textOf,
  type,
} from '../../testing/identity-fixtures';

function open(url: string) {
  return openIdentityPage(url, { console: 'staff', access: 'staff' });
}

describe('the reset-password page', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('asks for a reset link for this console and says to check the mailbox', async () => {
    const { harness, http, page } = await open('/reset-password');
    expect(textOf(page().querySelector('h1'))).toBe('Reset your password');
    type(fieldLabelled(page(), 'E-mail'), 'sam@bandstand.example');
    buttonNamed(page(), 'Send reset link').click();
    const request = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/password-reset` });
    expect(request.request.body).toEqual({ email: 'sam@bandstand.example', console: 'staff' });
    request.flush({ status: 'accepted', message: 'If the address has an account, a link is on its way.' });
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('h1'))).toBe('Check your e-mail');
    expect(textOf(page())).toContain('If the address has an account, a link is on its way.');
  });

  it('sets the new password with the mailed token', async () => {
    const { harness, http, page } = await open('/reset-password?token=reset-1');
    expect(textOf(page().querySelector('h1'))).toBe('Choose a new password');
    type(fieldLabelled(page(), 'New password'), 'an even longer passphrase');
    buttonNamed(page(), 'Set new password').click();
    const request = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/password-reset/confirm` });
    expect(request.request.body).toEqual({ token: 'reset-1', password: 'an even longer passphrase' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('h1'))).toBe('Your password was changed');
    expect(buttonNamed(page(), 'Sign in').getAttribute('href')).toBe('/sign-in');
  });

  it('shows why an expired link no longer works', async () => {
    const { harness, http, page } = await open('/reset-password?token=old');
    type(fieldLabelled(page(), 'New password'), 'an even longer passphrase');
    buttonNamed(page(), 'Set new password').click();
    (await nextRequest(http, { url: `${AUTH_PATH}/password-reset/confirm` })).flush(
      problem(400, 'IDENTITY.TOKEN_EXPIRED', 'This link has expired. Ask for a new one.'),
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('.bs-problem-detail'))).toBe(
      'This link has expired. Ask for a new one.',
    );
    expect(buttonNamed(page(), 'Ask for a new link').getAttribute('href')).toBe('/reset-password');
  });
});
