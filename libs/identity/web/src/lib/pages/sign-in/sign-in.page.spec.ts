import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH, type ConsoleName } from '@bandstand/identity/contracts';
import { RETURN_URL_KEY } from '../../identity.config';
import { ETHEREUM } from '../../siwe/ethereum';
import {
  ANA,
  buttonNamed,
  fieldLabelled,
  nextRequest,
  openIdentityPage,
  problem,
  session,
  textOf,
  type,
  until,
} from '../../testing/identity-fixtures';
import { TestWalletProvider } from '../../testing/test-wallet';

const PROVIDERS = `${AUTH_PATH}/providers`;

function open(url: string, console: ConsoleName = 'fan', wallet: TestWalletProvider | null = null) {
  return openIdentityPage(url, { console, access: console === 'staff' ? 'staff' : 'public' }, [
    { provide: ETHEREUM, useValue: wallet },
  ]);
}

describe('the sign-in page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('signs in with e-mail and password and goes back where the user was headed', async () => {
    const { harness, http, router, page, store } = await open('/sign-in?returnUrl=%2Fwallet');
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('h1'))).toBe('Sign in');

    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'correct horse battery staple');
    buttonNamed(page(), 'Sign in').click();
    const request = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/sign-in` });
    expect(request.request.body).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery staple',
    });
    expect(request.request.withCredentials).toBe(true);
    request.flush(session());

    await until('the wallet page opens', () => router.url === '/wallet');
    expect(store.user()).toEqual(ANA);
  });

  it('shows the api’s field errors next to their fields and its detail above the button', async () => {
    const { harness, http, page } = await open('/sign-in');
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'x');
    buttonNamed(page(), 'Sign in').click();
    (await nextRequest(http, { url: `${AUTH_PATH}/sign-in` })).flush(
      problem(400, 'VALIDATION.FAILED', 'The request is not valid.', [
        { field: 'email', code: 'VALIDATION.IS_EMAIL', message: 'This e-mail address is not valid.' },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    const emailField = fieldLabelled(page(), 'E-mail').closest('mat-form-field');
    expect(textOf(emailField?.querySelector('mat-error'))).toBe('This e-mail address is not valid.');
    expect(textOf(page().querySelector('bs-problem-alert'))).toContain('The request is not valid.');
  });

  it('says why the credentials were refused, in the api’s words', async () => {
    const { harness, http, page, store } = await open('/sign-in');
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    type(fieldLabelled(page(), 'E-mail'), 'ana@example.com');
    type(fieldLabelled(page(), 'Password'), 'wrong password!');
    buttonNamed(page(), 'Sign in').click();
    (await nextRequest(http, { url: `${AUTH_PATH}/sign-in` })).flush(
      problem(401, 'IDENTITY.INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.'),
      { status: 401, statusText: 'Unauthorized' },
    );
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('[role="alert"]'))).toContain(
      'The e-mail address or the password is wrong.',
    );
    expect(store.user()).toBeNull();
  });

  it('does not send an incomplete form', async () => {
    const { harness, http, page } = await open('/sign-in');
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    buttonNamed(page(), 'Sign in').click();
    await harness.fixture.whenStable();
    http.expectNone(`${AUTH_PATH}/sign-in`);
    expect(textOf(page().querySelector('mat-error'))).toBe('E-mail is required.');
  });

  it('offers each configured provider, starting its sign-in for this console and remembering the way back', async () => {
    const { harness, http, page } = await open('/sign-in?returnUrl=%2Fperks', 'creator');
    (await nextRequest(http, { url: PROVIDERS })).flush([
      { id: 'spotify', label: 'Spotify' },
      { id: 'oidc', label: 'Bandstand ID' },
    ]);
    await harness.fixture.whenStable();
    const spotify = buttonNamed(page(), 'Continue with Spotify');
    expect(spotify.getAttribute('href')).toBe('/api/v1/auth/oidc/spotify/start?console=creator&mode=sign-in');
    expect(buttonNamed(page(), 'Continue with Bandstand ID').getAttribute('href')).toBe(
      '/api/v1/auth/oidc/oidc/start?console=creator&mode=sign-in',
    );
    // jsdom cannot leave the page; the console's own click handler is what matters here.
    spotify.addEventListener('click', (event) => event.preventDefault());
    spotify.click();
    expect(localStorage.getItem(RETURN_URL_KEY)).toBe('/perks');
  });

  it('explains an error a provider’s sign-in came back with', async () => {
    const { harness, http, page } = await open('/sign-in?error=IDENTITY.OIDC_EMAIL_IN_USE');
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('.bs-auth-notice'))).toBe(
      'An account with this e-mail address already exists. Sign in with your password, then link the provider on your account page.',
    );
  });

  it('signs in with a wallet: nonce, signed EIP-4361 message, session', async () => {
    const wallet = new TestWalletProvider();
    const { http, router, page, store } = await open('/sign-in', 'fan', wallet);
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    buttonNamed(page(), 'Sign in with wallet').click();
    (await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/siwe/nonce` })).flush({
      nonce: 'abcdefgh1234',
      domain: 'localhost',
      uri: 'http://localhost',
      statement: 'Sign in to Bandstand.',
      version: '1',
      chainIds: [1],
      issuedAt: '2026-11-21T10:00:00.000Z',
      expirationTime: '2026-11-21T10:05:00.000Z',
    });
    const signIn = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/siwe/sign-in` });
    const body = signIn.request.body as { message: string; signature: string };
    expect(body.message).toContain(`\n${wallet.wallet.address}\n`);
    expect(body.message).toContain('Nonce: abcdefgh1234');
    expect(body.signature).toMatch(/^0x[0-9a-f]{130}$/);
    expect(signIn.request.withCredentials).toBe(true);
    signIn.flush(session());
    await until('the start page opens', () => router.url === '/');
    expect(store.status()).toBe('signed-in');
  });

  it('tells a visitor without a wallet what is needed', async () => {
    const { harness, http, page } = await open('/sign-in', 'fan', null);
    (await nextRequest(http, { url: PROVIDERS })).flush([]);
    buttonNamed(page(), 'Sign in with wallet').click();
    await until('the problem shows', () => textOf(page().querySelector('bs-problem-alert')) !== '');
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('bs-problem-alert'))).toContain(
      'No Ethereum wallet was found in this browser',
    );
  });

  it('offers to create an account in the fan and creator consoles, not in the staff console', async () => {
    const fan = await open('/sign-in?returnUrl=%2Fperks', 'fan');
    (await nextRequest(fan.http, { url: PROVIDERS })).flush([]);
    await fan.harness.fixture.whenStable();
    expect(buttonNamed(fan.page(), 'Create an account').getAttribute('href')).toBe(
      '/sign-up?returnUrl=%2Fperks',
    );

    TestBed.resetTestingModule();
    const staff = await open('/sign-in', 'staff');
    (await nextRequest(staff.http, { url: PROVIDERS })).flush([]);
    await staff.harness.fixture.whenStable();
    expect(textOf(staff.page())).not.toContain('Create an account');
    expect(textOf(staff.page())).toContain('The staff console is for Bandstand staff.');
  });
});
