import { HttpHeaders } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH, ME_PATH, type Profile, type SessionSummary } from '@bandstand/identity/contracts';
import { AuthStore } from '../../data/auth.store';
import { LEAVE_CONSOLE, SAVE_FILE } from '../../data/browser';
import { ETHEREUM } from '../../siwe/ethereum';
import {
  ANA,
  buttonNamed,
  fieldLabelled,
  nextRequest,
  openIdentityPage,
  problem,
  session,
  spokenText,
  textOf,
  type,
  until,
} from '../../testing/identity-fixtures';
import { TestWalletProvider } from '../../testing/test-wallet';

const WALLET = '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23';

const PROFILE: Profile = {
  userId: ANA.userId,
  email: ANA.email,
  displayName: ANA.displayName,
  emailVerified: true,
  staffRoles: [],
  wallets: [{ address: WALLET, chainId: 1, linkedAt: '2026-10-01T09:00:00.000Z' }],
  externalIdentities: [{ provider: 'spotify', subject: 'sp-1', linkedAt: '2026-10-02T09:00:00.000Z' }],
  organisations: [],
  createdAt: '2026-09-01T09:00:00.000Z',
};

const SESSIONS: readonly SessionSummary[] = [
  {
    sessionId: 'session-of-user-ana',
    method: 'password',
    userAgent: 'Firefox on Linux',
    createdAt: '2026-11-20T08:00:00.000Z',
    lastUsedAt: '2026-11-21T09:00:00.000Z',
    current: true,
  },
  {
    sessionId: 'phone-session',
    method: 'siwe',
    userAgent: 'Safari on iPhone',
    createdAt: '2026-11-10T08:00:00.000Z',
    lastUsedAt: '2026-11-11T09:00:00.000Z',
    current: false,
  },
];

async function open(wallet: TestWalletProvider | null = null) {
  const left: string[] = [];
  const saved: { name: string; content: Blob }[] = [];
  const opened = await openIdentityPage(
    '/account',
    { console: 'fan', access: 'public' },
    [
      { provide: ETHEREUM, useValue: wallet },
      { provide: LEAVE_CONSOLE, useValue: (url: string) => left.push(url) },
      { provide: SAVE_FILE, useValue: (name: string, content: Blob) => saved.push({ name, content }) },
    ],
    () => TestBed.inject(AuthStore).accept(session()),
  );
  const { http, harness } = opened;
  const me = await nextRequest(http, { method: 'GET', url: ME_PATH });
  expect(me.request.headers.get('Authorization')).toBe('Bearer token-1');
  me.flush(PROFILE);
  (await nextRequest(http, { method: 'GET', url: `${ME_PATH}/sessions` })).flush(SESSIONS);
  (await nextRequest(http, { method: 'GET', url: `${AUTH_PATH}/providers` })).flush([
    { id: 'spotify', label: 'Spotify' },
    { id: 'oidc', label: 'Bandstand ID' },
  ]);
  await harness.fixture.whenStable();
  return { ...opened, left, saved };
}

/** The text in a blob (jsdom's Blob has no `text()`). */
function textOfBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) return reject(new Error('no file was saved'));
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

function card(page: HTMLElement, title: string): HTMLElement {
  const found = [...page.querySelectorAll<HTMLElement>('mat-card')].find(
    (candidate) => textOf(candidate.querySelector('mat-card-title')) === title,
  );
  if (found === undefined) throw new Error(`No card titled ${title}`);
  return found;
}

describe('the account page', () => {
  afterEach(() => {
    localStorage.clear();
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows the profile, linked wallets and providers, and the active sessions', async () => {
    const { page } = await open();
    expect(textOf(card(page(), 'Profile'))).toContain('ana@example.com (verified)');
    expect(fieldLabelled(page(), 'Display name').value).toBe('Ana Lima');
    expect(textOf(card(page(), 'Wallets'))).toContain(WALLET);
    const providers = card(page(), 'Sign-in providers');
    expect(textOf(providers)).toContain('Spotify');
    expect(buttonNamed(providers, 'Link Bandstand ID')).toBeTruthy();
    expect(() => buttonNamed(providers, 'Link Spotify')).toThrow();
    const sessions = card(page(), 'Sessions');
    const current = sessions.querySelector('[data-session="session-of-user-ana"]');
    expect(textOf(current?.querySelector('strong'))).toBe('E-mail and password');
    expect(textOf(current?.querySelector('.bs-current'))).toBe('This browser');
    expect(textOf(current)).toContain('Firefox on Linux');
    expect(buttonNamed(sessions, 'Sign out this browser')).toBeTruthy();
    const phone = sessions.querySelector('[data-session="phone-session"]');
    expect(textOf(phone?.querySelector('strong'))).toBe('Wallet');
    expect(textOf(phone)).toContain('Safari on iPhone');
    expect(phone?.querySelector('.bs-current')).toBeNull();
  });

  it('saves a new display name and shows it in the console at once', async () => {
    const { harness, http, page, store } = await open();
    type(fieldLabelled(page(), 'Display name'), 'Ana L.');
    buttonNamed(page(), 'Save').click();
    const patch = await nextRequest(http, { method: 'PATCH', url: ME_PATH });
    expect(patch.request.body).toEqual({ displayName: 'Ana L.' });
    patch.flush({ ...PROFILE, displayName: 'Ana L.' });
    await until('the notice shows', () =>
      textOf(harness.routeNativeElement).includes('Your display name was saved.'),
    );
    expect(store.user()?.displayName).toBe('Ana L.');
  });

  it('shows a refused display name next to the field', async () => {
    const { harness, http, page } = await open();
    type(fieldLabelled(page(), 'Display name'), 'x'.repeat(20));
    buttonNamed(page(), 'Save').click();
    (await nextRequest(http, { method: 'PATCH', url: ME_PATH })).flush(
      problem(400, 'VALIDATION.FAILED', 'The request is not valid.', [
        { field: 'displayName', code: 'VALIDATION.RESERVED', message: 'This name is reserved.' },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await until('the error shows', () =>
      textOf(harness.routeNativeElement?.querySelector('mat-error')).includes('This name is reserved.'),
    );
  });

  it('links a wallet by signing a SIWE message for the purpose "link"', async () => {
    const wallet = new TestWalletProvider();
    const { http, page } = await open(wallet);
    buttonNamed(page(), 'Link wallet').click();
    const nonce = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/siwe/nonce` });
    expect(nonce.request.body).toEqual({ purpose: 'link' });
    nonce.flush({
      nonce: 'linknonce123',
      domain: 'localhost',
      uri: 'http://localhost',
      statement: 'Link this wallet to your Bandstand account.',
      version: '1',
      chainIds: [1],
      issuedAt: '2026-11-21T10:00:00.000Z',
      expirationTime: '2026-11-21T10:05:00.000Z',
    });
    const link = await nextRequest(http, { method: 'POST', url: `${ME_PATH}/wallets` });
    expect((link.request.body as { message: string }).message).toContain('Nonce: linknonce123');
    link.flush({ address: wallet.wallet.address, chainId: 1, linkedAt: '2026-11-21T10:00:01.000Z' });
    (await nextRequest(http, { method: 'GET', url: ME_PATH })).flush({
      ...PROFILE,
      wallets: [
        ...PROFILE.wallets,
        { address: wallet.wallet.address, chainId: 1, linkedAt: '2026-11-21T10:00:01.000Z' },
      ],
    });
    await until('the new wallet is listed', () =>
      textOf(card(page(), 'Wallets')).includes(wallet.wallet.address),
    );
  });

  it('unlinks a wallet', async () => {
    const { http, page } = await open();
    buttonNamed(page(), `Unlink wallet ${WALLET}`).click();
    (await nextRequest(http, { method: 'DELETE', url: `${ME_PATH}/wallets/${WALLET}` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    (await nextRequest(http, { method: 'GET', url: ME_PATH })).flush({ ...PROFILE, wallets: [] });
    await until('no wallet is listed', () =>
      textOf(card(page(), 'Wallets')).includes('No wallet is linked.'),
    );
  });

  it('links a provider by going to its consent screen', async () => {
    const { http, page, left } = await open();
    buttonNamed(page(), 'Link Bandstand ID').click();
    (await nextRequest(http, { method: 'POST', url: `${ME_PATH}/external-identities/oidc` })).flush({
      redirectUrl: 'https://id.example/authorize?state=s1',
    });
    await until('the console leaves', () => left.length === 1);
    expect(left).toEqual(['https://id.example/authorize?state=s1']);
  });

  it('signs out another session', async () => {
    const { http, page } = await open();
    const sessions = card(page(), 'Sessions');
    const other = sessions.querySelector('[data-session="phone-session"]');
    if (other === null) throw new Error('the phone session is not listed');
    const signOut = other.querySelector('button');
    expect(signOut?.getAttribute('aria-label')).toMatch(/^Sign out session started Nov 10, 2026/);
    signOut?.click();
    (await nextRequest(http, { method: 'DELETE', url: `${ME_PATH}/sessions/phone-session` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    (await nextRequest(http, { method: 'GET', url: `${ME_PATH}/sessions` })).flush(SESSIONS.slice(0, 1));
    await until(
      'the phone session is gone',
      () => sessions.querySelector('[data-session="phone-session"]') === null,
    );
  });

  it('signs out everywhere, this browser included', async () => {
    const { http, page, router, store } = await open();
    buttonNamed(page(), 'Sign out everywhere').click();
    (await nextRequest(http, { method: 'POST', url: `${ME_PATH}/sessions/sign-out-everywhere` })).flush(
      null,
      {
        status: 204,
        statusText: 'No Content',
      },
    );
    await until('the sign-in page opens', () => router.url === '/sign-in');
    expect(store.status()).toBe('signed-out');
    (await nextRequest(http, { url: `${AUTH_PATH}/providers` })).flush([]);
  });

  it('downloads the data export as a JSON file', async () => {
    const { http, page, saved } = await open();
    buttonNamed(page(), 'Download my data').click();
    (await nextRequest(http, { method: 'GET', url: `${ME_PATH}/export` })).flush(
      { profile: { email: 'ana@example.com' }, sessions: [] },
      {
        headers: new HttpHeaders({
          'content-disposition': 'attachment; filename="bandstand-export-ana.json"',
        }),
      },
    );
    await until('the file is saved', () => saved.length === 1);
    expect(saved[0]?.name).toBe('bandstand-export-ana.json');
    expect(saved[0]?.content.type).toBe('application/json');
    expect(JSON.parse(await textOfBlob(saved[0]?.content))).toEqual({
      profile: { email: 'ana@example.com' },
      sessions: [],
    });
  });

  it('deletes the account once the password confirms it, and keeps the dialog open when it does not', async () => {
    const { harness, http, page, store } = await open();
    buttonNamed(page(), 'Delete my account').click();
    await until('the dialog opens', () => document.querySelector('bs-delete-account-dialog') !== null);
    const dialog = document.querySelector<HTMLElement>('bs-delete-account-dialog');
    if (dialog === null) throw new Error('no dialog');
    await harness.fixture.whenStable();
    type(fieldLabelled(dialog, 'Password'), 'wrong');
    buttonNamed(dialog, 'Delete my account').click();
    const refused = await nextRequest(http, { method: 'POST', url: `${ME_PATH}/deletion` });
    expect(refused.request.body).toEqual({ confirmation: 'wrong' });
    refused.flush(
      problem(400, 'IDENTITY.INVALID_CREDENTIALS', 'The confirmation does not match.', [
        { field: 'confirmation', code: 'IDENTITY.INVALID_CREDENTIALS', message: 'The password is wrong.' },
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    await until(
      'the error shows',
      () => textOf(dialog.querySelector('mat-error')) === 'The password is wrong.',
    );

    type(fieldLabelled(dialog, 'Password'), 'correct horse battery staple');
    buttonNamed(dialog, 'Delete my account').click();
    (await nextRequest(http, { method: 'POST', url: `${ME_PATH}/deletion` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await until('the page says so', () => spokenText(page()).includes('Your account was deleted'));
    await harness.fixture.whenStable();
    expect(store.status()).toBe('signed-out');
    await until('the dialog closes', () => document.querySelector('bs-delete-account-dialog') === null);
  });
});
