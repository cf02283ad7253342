import { type SignInResponse } from '@bandstand/identity/contracts';
import { type ApiStack, waitForMailLink } from '@bandstand/shared/testing';
import { type Page } from 'playwright-core';

/** The staff admin every console e2e stack bootstraps (STAFF_BOOTSTRAP_ADMIN_EMAIL). */
export const STAFF_ADMIN = {
  email: 'root@staff.bandstand.test',
  password: 'correct horse battery staple 42',
  displayName: 'Rae Root',
} as const;

/** The environment a stack needs for {@link signInAsStaff}: the bootstrap admin's address. */
export const STAFF_ENV = { STAFF_BOOTSTRAP_ADMIN_EMAIL: STAFF_ADMIN.email } as const;

/** What an account's sign-in left behind: its access token and its refresh cookie. */
export interface SignedInAccount {
  readonly session: SignInResponse;
  readonly refreshCookie: string;
}

async function post(stack: ApiStack, path: string, body: object): Promise<Response> {
  return fetch(`${stack.api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function refreshCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .map((header) => /^bs_refresh=([^;]+)/.exec(header)?.[1])
    .find((value) => value !== undefined);
  if (cookie === undefined) throw new Error('The sign-in set no refresh cookie');
  return cookie;
}

const registered = new WeakMap<ApiStack, Set<string>>();

/** Signs in through the api, waiting out a rate limit (Retry-After) rather than failing on it. */
async function signInThroughApi(
  stack: ApiStack,
  account: { readonly email: string; readonly password: string },
): Promise<SignedInAccount> {
  for (;;) {
    const response = await post(stack, '/api/v1/auth/sign-in', {
      email: account.email,
      password: account.password,
    });
    if (response.status === 429) {
      await new Promise((resolve) =>
        setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000),
      );
      continue;
    }
    if (!response.ok)
      throw new Error(`Sign-in of ${account.email} answered ${response.status}: ${await response.text()}`);
    return { session: (await response.json()) as SignInResponse, refreshCookie: refreshCookieOf(response) };
  }
}

/**
 * A fresh session of `account`: the first time on this stack through sign-up and the verification
 * link from the mail outbox (the stack's worker sends it), afterwards through sign-in. Each call
 * starts a session of its own, since a browser that uses one rotates its refresh token.
 */
export async function signUpThroughApi(
  stack: ApiStack,
  account: { readonly email: string; readonly password: string; readonly displayName: string },
  console: 'fan' | 'creator' = 'fan',
): Promise<SignedInAccount> {
  const known = registered.get(stack) ?? new Set<string>();
  registered.set(stack, known);
  if (known.has(account.email)) return signInThroughApi(stack, account);
  const signUp = await post(stack, '/api/v1/auth/sign-up', { ...account, console });
  if (signUp.status !== 202) throw new Error(`Sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const link = await waitForMailLink(stack.mailDir, account.email, /confirm|verify/i, stack.api.url);
  const token = new URL(link).searchParams.get('token');
  if (token === null) throw new Error(`The verification link ${link} has no token`);
  const verified = await post(stack, '/api/v1/auth/verify-email', { token });
  if (!verified.ok) throw new Error(`Verification answered ${verified.status}: ${await verified.text()}`);
  known.add(account.email);
  return { session: (await verified.json()) as SignInResponse, refreshCookie: refreshCookieOf(verified) };
}

/**
 * Gives `page`'s browser the account's refresh cookie and the console's "signed in before" hint: the
 * console restores the session from them as it starts, as after a reload.
 */
export async function useSession(page: Page, stack: ApiStack, account: SignedInAccount): Promise<void> {
  const origin = new URL(stack.api.url);
  await page.addInitScript(() => window.localStorage.setItem('bandstand.session', '1'));
  await page.context().addCookies([
    {
      name: 'bs_refresh',
      value: account.refreshCookie,
      domain: origin.hostname,
      path: '/api/v1/auth',
      httpOnly: true,
      secure: false,
      sameSite: 'Strict',
    },
  ]);
}

/**
 * Signs `page` in to the staff console as the stack's bootstrap staff admin (the stack must run the
 * worker and {@link STAFF_ENV}).
 */
export async function signInAsStaff(page: Page, stack: ApiStack): Promise<SignedInAccount> {
  const admin = await signUpThroughApi(stack, STAFF_ADMIN, 'creator');
  if (!admin.session.user.staffRoles.includes('admin')) {
    throw new Error(
      `${STAFF_ADMIN.email} is not a staff admin: is STAFF_BOOTSTRAP_ADMIN_EMAIL set on the stack?`,
    );
  }
  await useSession(page, stack, admin);
  return admin;
}
