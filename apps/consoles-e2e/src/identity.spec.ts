import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Organisation } from '@bandstand/identity/contracts';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { type LocalOidcProvider, startOidcProvider } from '@bandstand/identity/testing';
import {
  type ApiStack,
  eventually,
  startApiStack,
  waitForMailLink,
  workspaceRoot,
} from '@bandstand/shared/testing';
import { getBytes, Wallet } from 'ethers';
import { type Page } from 'playwright-core';
import { DESKTOP, launchBrowser, type TestBrowser, watchProblems } from './support/browser';
import { signUpThroughApi, useSession } from './support/sign-in';

// The identity journeys of issue 4 in Chromium, on the built api and worker: sign-up → sign-in →
// team invite → accept → removal in the creator console; sign-in through a local OpenID provider
// (allowed and denied); and a wallet linked with a locally generated key, then used to sign in.

const SCREENSHOTS = join(workspaceRoot(), 'dist', 'test-output', 'screenshots');
const OIDC_CLIENT = { client_id: 'bandstand-e2e', client_secret: 'bandstand-e2e-client-secret-0123456789' };

const ANA = {
  email: 'ana@nightdrive.example',
  password: 'a long label owner passphrase 13',
  displayName: 'Ana Lima',
};
const BO = {
  email: 'bo@nightdrive.example',
  password: 'a long editor passphrase 14',
  displayName: 'Bo Berg',
};
const FAN = { email: 'fay@fans.example', password: 'a long fan passphrase for fay 15', displayName: 'Fay' };

describe('identity in the consoles, in Chromium on the built api and worker', () => {
  let provider: LocalOidcProvider;
  let stack: ApiStack;
  let ana: TestBrowser;
  let bo: TestBrowser;

  beforeAll(async () => {
    provider = await startOidcProvider();
    stack = await startApiStack({
      worker: true,
      env: {
        CONSOLES_DIR: join(workspaceRoot(), 'dist', 'apps'),
        AUTH_OIDC_ISSUER: provider.issuer,
        AUTH_OIDC_CLIENT_ID: OIDC_CLIENT.client_id,
        AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT.client_secret,
        AUTH_OIDC_LABEL: 'Night Sky ID',
      },
    });
    // The api's port, and so its redirect URI, is known only now.
    provider.addClient({
      ...OIDC_CLIENT,
      redirect_uris: [`${stack.api.url}/api/v1/auth/oidc/oidc/callback`],
    });
    ana = await launchBrowser();
    bo = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await ana?.close();
    await bo?.close();
    await stack?.stop();
    await provider?.stop();
  });

  async function open(browser: TestBrowser): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
    return page;
  }

  /** The display name in the toolbar's account area, once the console knows who is signed in. */
  async function signedInAs(page: Page): Promise<string> {
    const name = page.locator('bs-account-area .bs-account-name');
    await name.waitFor();
    return (await name.textContent())?.trim() ?? '';
  }

  it('signs up, signs in, invites a member who accepts, and removes them, ending their access at once', async () => {
    const page = await open(ana);
    const watch = watchProblems(page);
    // Sign-up in the creator console, then the link from the mail.
    await page.goto(`${stack.api.url}/creator/sign-up`);
    await page.getByLabel('Display name').fill(ANA.displayName);
    await page.getByLabel('E-mail').fill(ANA.email);
    await page.getByLabel('Password').fill(ANA.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const verify = await waitForMailLink(stack.mailDir, ANA.email, /confirm|verify/i, stack.api.url);
    expect(verify).toContain('/creator/verify-email?token=');
    await page.goto(verify);
    expect(await signedInAs(page)).toBe(ANA.displayName);

    // Sign out, and in again with the password.
    await page.locator('bs-account-area .bs-account-trigger').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/creator\/sign-in/);
    await page.getByLabel('E-mail').fill(ANA.email);
    await page.getByLabel('Password').fill(ANA.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await signedInAs(page)).toBe(ANA.displayName);

    // Her label, and an invitation for Bo as an editor.
    await page.goto(`${stack.api.url}/creator/team`);
    await page.getByLabel('Organisation name').fill('Night Drive');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    const invite = page.getByRole('form', { name: 'Invite a member' });
    await invite.waitFor();
    await invite.getByLabel('E-mail').fill(BO.email);
    await invite.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'editor' }).click();
    await invite.getByRole('button', { name: 'Invite' }).click();
    const invitation = await waitForMailLink(stack.mailDir, BO.email, /invit/i, stack.api.url);
    expect(invitation).toContain('/creator/invitations/accept?token=');

    // Bo, in his own browser, with an account of his own, accepts.
    const boAccount = await signUpThroughApi(stack, BO, 'creator');
    const boPage = await open(bo);
    await useSession(boPage, stack, boAccount);
    await boPage.goto(invitation);
    await boPage.getByText('Night Drive').first().waitFor();
    await boPage.getByRole('button', { name: 'Accept invitation' }).click();
    await boPage.waitForURL(/\/creator\/team/);
    await boPage.getByText('Night Drive').first().waitFor();
    const asBo = { authorization: `Bearer ${boAccount.session.accessToken}` };
    const [joined] = (await (
      await fetch(`${stack.api.url}/api/v1/orgs`, { headers: asBo })
    ).json()) as Organisation[];
    expect(joined).toMatchObject({ name: 'Night Drive', myRole: 'editor' });

    // Ana sees him in the team as an editor, and removes him.
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: BO.displayName });
    await row.waitFor();
    expect(await row.textContent()).toContain('editor');
    await page.screenshot({ path: join(SCREENSHOTS, 'creator-team-desktop.png'), animations: 'disabled' });
    await page.getByRole('button', { name: `Remove ${BO.displayName}` }).click();
    await page.getByRole('button', { name: 'Remove member' }).click();
    await row.waitFor({ state: 'detached' });

    // His session is still open, but the label's data is closed to him from the next request on.
    await eventually(async () => {
      expect(await (await fetch(`${stack.api.url}/api/v1/orgs`, { headers: asBo })).json()).toEqual([]);
    });
    const team = await fetch(`${stack.api.url}/api/v1/orgs/${joined?.orgId ?? '?'}/members`, {
      headers: asBo,
    });
    expect(((await team.json()) as ProblemDetails).code).toBe('ACCESS.NOT_A_MEMBER');
    await boPage.reload();
    await boPage.getByRole('button', { name: 'Create organisation' }).waitFor();
    expect(await boPage.getByText('Night Drive').count()).toBe(0);

    expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    await page.close();
    await boPage.close();
  });

  it('signs in through an OpenID provider, and shows a denied consent as an error', async () => {
    const page = await open(bo);
    await page.context().clearCookies();
    await page.goto(`${stack.api.url}/fan/sign-in`);
    await page.getByRole('link', { name: 'Continue with Night Sky ID' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill('ana-password-at-the-provider');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${stack.api.url}/fan/**`);
    expect(await signedInAs(page)).toBe('Ana Provider');
    const profile = await page.evaluate(async () => {
      const refreshed = (await (await fetch('/api/v1/auth/refresh', { method: 'POST' })).json()) as {
        accessToken: string;
      };
      const me = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${refreshed.accessToken}` } });
      return (await me.json()) as unknown;
    });
    expect(profile).toMatchObject({
      email: 'ana@provider.example',
      emailVerified: true,
      externalIdentities: [expect.objectContaining({ provider: 'oidc', subject: 'ana-subject-0001' })],
    });

    // Someone else refuses consent: back at the sign-in page, with the reason.
    await page.context().clearCookies();
    await page.goto(`${stack.api.url}/fan/sign-in`);
    await page.getByRole('link', { name: 'Continue with Night Sky ID' }).click();
    await page.getByLabel('Username').fill('bo');
    await page.getByLabel('Password').fill('bo-password-at-the-provider');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/\/fan\/sign-in\?error=IDENTITY\.OIDC_ACCESS_DENIED/);
    const notice = page.locator('.bs-auth-notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/declin|denied|refus|cancel/i);
    expect(provider.serverErrors).toEqual([]);
    await page.close();
  });

  it('links a wallet with a locally generated key, then signs in with it', async () => {
    const wallet = Wallet.createRandom();
    const fay = await signUpThroughApi(stack, FAN, 'fan');
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
      const watch = watchProblems(page);
      // An EIP-1193 wallet in the page whose key stays in this process: it signs what the console asks.
      await page.exposeFunction('bandstandTestWallet', async (method: string, params: unknown[]) => {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [wallet.address];
        if (method === 'eth_chainId') return '0x1';
        if (method === 'personal_sign') return wallet.signMessage(getBytes(String(params[0])));
        throw new Error(`The test wallet does not do ${method}`);
      });
      await page.addInitScript(() => {
        const bridge = (
          window as unknown as { bandstandTestWallet: (m: string, p: unknown[]) => Promise<unknown> }
        ).bandstandTestWallet;
        Object.assign(window, {
          ethereum: {
            request: ({ method, params }: { method: string; params?: unknown[] }) =>
              bridge(method, params ?? []),
          },
        });
      });
      await useSession(page, stack, fay);
      await page.goto(`${stack.api.url}/fan/account`);
      expect(await signedInAs(page)).toBe(FAN.displayName);
      await page.getByRole('button', { name: 'Link wallet' }).click();
      await page.getByRole('button', { name: `Unlink wallet ${wallet.address}` }).waitFor();

      // Signed out, the wallet alone signs her in.
      await page.locator('bs-account-area .bs-account-trigger').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/fan\/sign-in/);
      await page.getByRole('button', { name: 'Sign in with wallet' }).click();
      expect(await signedInAs(page)).toBe(FAN.displayName);
      expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });

      // The same address cannot be linked to another account.
      const other = await signUpThroughApi(
        stack,
        { ...FAN, email: 'gil@fans.example', displayName: 'Gil' },
        'fan',
      );
      const challenge = (await (
        await fetch(`${stack.api.url}/api/v1/auth/siwe/nonce`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: 'link' }),
        })
      ).json()) as {
        nonce: string;
        domain: string;
        uri: string;
        statement: string;
        issuedAt: string;
        expirationTime: string;
      };
      const message = [
        `${challenge.domain} wants you to sign in with your Ethereum account:`,
        wallet.address,
        '',
        challenge.statement,
        '',
        `URI: ${challenge.uri}`,
        'Version: 1',
        'Chain ID: 1',
        `Nonce: ${challenge.nonce}`,
        `Issued At: ${challenge.issuedAt}`,
        `Expiration Time: ${challenge.expirationTime}`,
      ].join('\n');
      const taken = await fetch(`${stack.api.url}/api/v1/me/wallets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other.session.accessToken}` },
        body: JSON.stringify({ message, signature: await wallet.signMessage(message) }),
      });
      expect(((await taken.json()) as ProblemDetails).code).toBe('IDENTITY.WALLET_LINKED_ELSEWHERE');
    } finally {
      await browser.close();
    }
  });
});
