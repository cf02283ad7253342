import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type ClientMetadata,
  type Configuration,
  type Interaction,
} from 'oidc-provider';

/** A person who can sign in at the local provider. */
export interface OidcTestAccount {
  readonly password: string;
  /** The `sub` the provider issues; the username when absent. */
  readonly subject?: string;
  readonly email?: string | null;
  readonly emailVerified?: boolean;
  readonly name?: string | null;
}

/** A client (relying party) registered at the local provider. */
export interface OidcTestClient {
  readonly client_id: string;
  readonly client_secret: string;
  readonly redirect_uris: readonly string[];
  /** `client_secret_basic` unless said otherwise. */
  readonly token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post';
}

/** Options of {@link startOidcProvider}. */
export interface StartOidcProviderOptions {
  /** Clients known at the start; more with {@link LocalOidcProvider.addClient}. */
  readonly clients?: readonly OidcTestClient[];
  /** Accounts by username; {@link DEFAULT_OIDC_TEST_ACCOUNTS} when absent. */
  readonly accounts?: Readonly<Record<string, OidcTestAccount>>;
  /** The port on 127.0.0.1 (a free one when absent), for a configuration written before the start. */
  readonly port?: number;
}

/** A running local OpenID Provider. */
export interface LocalOidcProvider {
  /** `http://127.0.0.1:<port>`: the issuer identifier and the base of every endpoint. */
  readonly issuer: string;
  /** The oidc-provider instance, for tests that need more than the forms. */
  readonly provider: Provider;
  /** Errors the provider met while serving (server errors only; a test may assert there were none). */
  readonly serverErrors: readonly Error[];
  /** Adds (or replaces) an account while the provider runs, e.g. one with a unique e-mail per test. */
  addAccount(username: string, account: OidcTestAccount): void;
  /**
   * Registers (or replaces) a client while the provider runs: for a client whose redirect URI is
   * known only after the provider started (an api on a port chosen later).
   */
  addClient(client: OidcTestClient): void;
  stop(): Promise<void>;
}

/** Accounts a provider has unless told otherwise: one with a verified e-mail, one without. */
export const DEFAULT_OIDC_TEST_ACCOUNTS: Readonly<Record<string, OidcTestAccount>> = {
  ana: {
    password: 'ana-password-at-the-provider',
    subject: 'ana-subject-0001',
    email: 'ana@provider.example',
    emailVerified: true,
    name: 'Ana Provider',
  },
  bo: {
    password: 'bo-password-at-the-provider',
    subject: 'bo-subject-0002',
    email: 'bo@provider.example',
    emailVerified: false,
    name: 'Bo Unverified',
  },
};

interface Stored {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/** oidc-provider's storage for one provider instance, in memory (its own default warns on the console). */
function memoryAdapter(store: Map<string, Stored>): (model: string) => Adapter {
  const live = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const findWhere = (test: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
      for (const storedKey of store.keys()) {
        if (!storedKey.startsWith(`${model}:`)) continue;
        const payload = live(storedKey);
        if (payload !== undefined && test(payload)) return payload;
      }
      return undefined;
    };
    return {
      upsert: (id, payload, expiresIn) => {
        const expiresAt =
          typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        store.set(key(id), { payload, expiresAt });
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(live(key(id))),
      findByUid: (uid) => Promise.resolve(findWhere((payload) => payload.uid === uid)),
      findByUserCode: (userCode) => Promise.resolve(findWhere((payload) => payload.userCode === userCode)),
      consume: (id) => {
        const payload = live(key(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy: (id) => {
        store.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId: (grantId) => {
        for (const [storedKey, entry] of store) {
          if (entry.payload.grantId === grantId) store.delete(storedKey);
        }
        return Promise.resolve();
      },
    };
  };
}

function clientMetadata(client: OidcTestClient): ClientMetadata {
  return {
    client_id: client.client_id,
    client_secret: client.client_secret,
    redirect_uris: [...client.redirect_uris],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_basic',
  };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, prompt: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Local OpenID Provider</title></head>
<body data-prompt="${escapeHtml(prompt)}">
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
}

function loginPage(uid: string, clientId: string, error?: string): string {
  const alert = error === undefined ? '' : `<p role="alert">${escapeHtml(error)}</p>\n`;
  return page(
    'Sign in',
    'login',
    `<p>to continue to <strong>${escapeHtml(clientId)}</strong></p>
${alert}<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<p><label for="username">Username</label> <input id="username" name="username" type="text" required autofocus></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

function consentPage(uid: string, clientId: string, scopes: readonly string[]): string {
  const items = scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  return page(
    'Allow access?',
    'consent',
    `<p><strong>${escapeHtml(clientId)}</strong> asks for:</p>
<ul>${items}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts a real OpenID Provider (oidc-provider 9) on 127.0.0.1 over http, for tests and local
 * runs: authorization code flow with PKCE required, the claims `email`, `email_verified` and
 * `name`, the given clients and accounts, and its own login and consent pages (plain HTML forms a
 * browser or {@link signInAtProvider} fills: username, password and "Sign in"; "Allow" or "Deny").
 * It writes nothing to the console.
 */
export async function startOidcProvider(options: StartOidcProviderOptions = {}): Promise<LocalOidcProvider> {
  const accounts = new Map<string, OidcTestAccount>(
    Object.entries(options.accounts ?? DEFAULT_OIDC_TEST_ACCOUNTS),
  );
  const bySubject = (subject: string): OidcTestAccount | undefined =>
    [...accounts].find(([username, account]) => (account.subject ?? username) === subject)?.[1];

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => send(res, 503, 'starting');
  const server = createServer((req, res) => handle(req, res));
  const port = await listen(server, options.port ?? 0);
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const store = new Map<string, Stored>();
  const configuration: Configuration = {
    adapter: memoryAdapter(store),
    clients: (options.clients ?? []).map(clientMetadata),
    jwks: { keys: [{ ...jwk, kid: 'local-test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = bySubject(sub);
      if (account === undefined) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email === undefined || account.email === null
            ? {}
            : { email: account.email, email_verified: account.emailVerified ?? false }),
          ...(account.name === undefined || account.name === null ? {} : { name: account.name }),
        }),
      };
    },
    // Every default that logs a notice when used is replaced, so that tests stay quiet.
    clientBasedCORS: () => true,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      PreAuthorizedCode: 600,
      IdToken: 600,
      RefreshToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Something went wrong',
        'error',
        `<p role="alert">${escapeHtml(JSON.stringify(out))}</p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  // Koa would print errors it did not expect; the harness collects them instead.
  provider.silent = true;
  const serverErrors: Error[] = [];
  provider.on('server_error', (_ctx, error) => serverErrors.push(error));
  const providerCallback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const match = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(path);
    if (match === null) return send(res, 404, page('Not found', 'error', ''));
    const action = match[2];
    let details: Interaction;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return send(res, 400, page('This sign-in has expired', 'error', '<p role="alert">Start again.</p>'));
    }
    const clientId = String(details.params['client_id']);
    if (action === undefined && req.method === 'GET') {
      if (details.prompt.name === 'login') return send(res, 200, loginPage(details.uid, clientId));
      const scopes = stringList(details.prompt.details['missingOIDCScope']);
      return send(res, 200, consentPage(details.uid, clientId, scopes));
    }
    if (req.method !== 'POST') return send(res, 405, page('Method not allowed', 'error', ''));
    const form = await readForm(req);
    if (action === 'login') {
      const username = form.get('username') ?? '';
      const account = accounts.get(username);
      if (account === undefined || account.password !== (form.get('password') ?? '')) {
        return send(res, 200, loginPage(details.uid, clientId, 'Invalid username or password.'));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.subject ?? username } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user denied access' },
        { mergeWithLastSubmission: false },
      );
    }
    const accountId = details.session?.accountId;
    if (accountId === undefined) return send(res, 400, page('Sign in first', 'error', ''));
    const grant =
      details.grantId === undefined
        ? new provider.Grant({ accountId, clientId })
        : ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }));
    const missingScopes = stringList(details.prompt.details['missingOIDCScope']);
    if (missingScopes.length > 0) grant.addOIDCScope(missingScopes.join(' '));
    const missingClaims = stringList(details.prompt.details['missingOIDCClaims']);
    if (missingClaims.length > 0) grant.addOIDCClaims(missingClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  };

  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      void providerCallback(req, res);
      return;
    }
    interaction(req, res, path).catch((error: unknown) => {
      serverErrors.push(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) send(res, 500, page('Something went wrong', 'error', ''));
      else res.end();
    });
  };

  return {
    issuer,
    provider,
    serverErrors,
    addAccount(username, account) {
      accounts.set(username, account);
    },
    addClient(client) {
      if ((options.clients ?? []).some((each) => each.client_id === client.client_id)) {
        throw new Error(`Client "${client.client_id}" was given at the start and cannot be replaced`);
      }
      // oidc-provider looks clients it was not configured with up in its adapter.
      store.set(`Client:${client.client_id}`, {
        payload: clientMetadata(client),
        expiresAt: Number.POSITIVE_INFINITY,
      });
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
