/** What {@link signInAtProvider} does at the provider's pages. */
export interface ProviderSignInOptions {
  readonly username: string;
  readonly password: string;
  /** Whether the user allows the client access on the consent page (default `allow`). */
  readonly consent?: 'allow' | 'deny';
}

/** Cookies of one user agent at one origin; paths are ignored, which is enough for one flow. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=');
        const lower = key.trim().toLowerCase();
        if (lower === 'max-age') return Number(raw) <= 0;
        if (lower === 'expires') return Date.parse(raw) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays a browser at a provider started by `startOidcProvider` (or any provider with the same
 * forms): follows the authorization URL, signs in with the username and password, allows or
 * denies on the consent page, and returns the URL the provider finally redirects to (the client's
 * callback with `code` and `state`, or `error=access_denied`), without requesting it.
 * Throws when the provider shows the login form again (wrong password) or an error page.
 */
export async function signInAtProvider(
  authorizationUrl: string | URL,
  options: ProviderSignInOptions,
): Promise<URL> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  let next: { url: URL; method: 'GET' | 'POST'; body?: URLSearchParams } = {
    url: new URL(authorizationUrl),
    method: 'GET',
  };
  let loggedIn = false;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(next.body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(next.body === undefined ? {} : { body: next.body.toString() }),
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const target = new URL(location, next.url);
      if (target.origin !== origin) return target;
      next = { url: target, method: 'GET' };
      continue;
    }
    const html = await response.text();
    const prompt = /data-prompt="([a-z]+)"/.exec(html)?.[1];
    if (response.status !== 200 || prompt === undefined || prompt === 'error') {
      throw new Error(
        `The provider answered ${response.status} at ${next.url.pathname}: ${html.slice(0, 500)}`,
      );
    }
    const uid = /action="\/interaction\/([^/"]+)\//.exec(html)?.[1];
    if (uid === undefined) throw new Error(`No interaction form at ${next.url.pathname}`);
    if (prompt === 'login') {
      if (loggedIn) throw new Error(`The provider refused the sign-in of "${options.username}"`);
      loggedIn = true;
      next = {
        url: new URL(`/interaction/${uid}/login`, origin),
        method: 'POST',
        body: new URLSearchParams({ username: options.username, password: options.password }),
      };
    } else {
      const action = (options.consent ?? 'allow') === 'allow' ? 'confirm' : 'abort';
      next = {
        url: new URL(`/interaction/${uid}/${action}`, origin),
        method: 'POST',
        body: new URLSearchParams(),
      };
    }
  }
  throw new Error('The provider did not redirect back to the client within 20 steps');
}
