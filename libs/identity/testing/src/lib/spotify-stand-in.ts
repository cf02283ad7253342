import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/** A Spotify user as the Web API's `/v1/me` describes them. */
export interface SpotifyTestProfile {
  readonly id: string;
  readonly email: string | null;
  readonly display_name: string | null;
}

/** A client registered at the stand-in. */
export interface SpotifyTestClient {
  readonly clientId: string;
  /** Null for a public client (PKCE only). */
  readonly clientSecret: string | null;
}

/** A request to the stand-in's token endpoint, as received. */
export interface RecordedTokenRequest {
  readonly authorization: string | null;
  readonly contentType: string | null;
  readonly body: Readonly<Record<string, string>>;
}

/** A running stand-in for Spotify's accounts service and Web API. */
export interface SpotifyStandIn {
  /** For AUTH_SPOTIFY_ACCOUNTS_URL: `/authorize` and `/api/token` below it. */
  readonly accountsUrl: string;
  /** For AUTH_SPOTIFY_API_URL: `/v1/me` below it. */
  readonly apiUrl: string;
  /** Query parameters of every authorization request, in order. */
  readonly authorizeRequests: readonly Readonly<Record<string, string>>[];
  readonly tokenRequests: readonly RecordedTokenRequest[];
  /** The user the next authorization signs in as, and whether they approve (`deny` answers access_denied). */
  signInAs(profile: SpotifyTestProfile, answer?: 'approve' | 'deny'): void;
  stop(): Promise<void>;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly profile: SpotifyTestProfile;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Spotify documents `Basic base64(client_id:client_secret)`, the values as they are. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (header === undefined || !header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * Plays Spotify's accounts service (`/authorize`, `/api/token`) and Web API (`/v1/me`) on
 * 127.0.0.1 over http, as far as Spotify documents them for the authorization code flow with
 * PKCE: `/authorize` checks its parameters and approves at once as the user set by
 * {@link SpotifyStandIn.signInAs}; `/api/token` checks the client (Basic authentication, or the
 * client id alone for a public client), the code, the redirect URI and the S256 code verifier;
 * `/v1/me` answers for the access token. Every request is recorded for contract tests.
 */
export async function startSpotifyStandIn(options: {
  readonly clients: readonly SpotifyTestClient[];
  readonly profile?: SpotifyTestProfile;
}): Promise<SpotifyStandIn> {
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, SpotifyTestProfile>();
  const authorizeRequests: Record<string, string>[] = [];
  const tokenRequests: RecordedTokenRequest[] = [];
  let profile: SpotifyTestProfile = options.profile ?? {
    id: 'spotify-user-1',
    email: 'listener@spotify.example',
    display_name: 'Spotify Listener',
  };
  let answer: 'approve' | 'deny' = 'approve';

  const authorize = (url: URL, res: ServerResponse): void => {
    const params = Object.fromEntries(url.searchParams);
    authorizeRequests.push(params);
    const client = options.clients.find((each) => each.clientId === params['client_id']);
    const redirectUri = params['redirect_uri'];
    if (client === undefined || redirectUri === undefined) {
      return json(res, 400, { error: 'invalid_client', error_description: 'INVALID_CLIENT: Invalid client' });
    }
    if (
      params['response_type'] !== 'code' ||
      params['code_challenge_method'] !== 'S256' ||
      !params['code_challenge']
    ) {
      return json(res, 400, {
        error: 'invalid_request',
        error_description: 'code, S256 and a challenge are required',
      });
    }
    const target = new URL(redirectUri);
    if (answer === 'deny') {
      target.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        clientId: client.clientId,
        redirectUri,
        codeChallenge: params['code_challenge'],
        profile,
      });
      target.searchParams.set('code', code);
    }
    if (params['state'] !== undefined) target.searchParams.set('state', params['state']);
    res.writeHead(302, { location: target.href });
    res.end();
  };

  const token = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = Object.fromEntries(new URLSearchParams(await readBody(req)));
    tokenRequests.push({
      authorization: req.headers.authorization ?? null,
      contentType: req.headers['content-type'] ?? null,
      body,
    });
    const basic = basicCredentials(req.headers.authorization);
    const client = options.clients.find((each) => each.clientId === (basic?.id ?? body['client_id']));
    const authenticated =
      client !== undefined &&
      (client.clientSecret === null
        ? basic === null
        : basic !== null && basic.secret === client.clientSecret);
    if (!authenticated)
      return json(res, 401, { error: 'invalid_client', error_description: 'Invalid client' });
    const issued = codes.get(body['code'] ?? '');
    if (body['grant_type'] !== 'authorization_code' || issued === undefined) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
    }
    codes.delete(body['code'] ?? '');
    const challenge = createHash('sha256')
      .update(body['code_verifier'] ?? '')
      .digest('base64url');
    if (
      issued.clientId !== client.clientId ||
      issued.redirectUri !== body['redirect_uri'] ||
      challenge !== issued.codeChallenge
    ) {
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: 'code_verifier or redirect_uri mismatch',
      });
    }
    const accessToken = randomBytes(24).toString('base64url');
    tokens.set(accessToken, issued.profile);
    return json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: 'user-read-email user-read-private',
      expires_in: 3600,
      refresh_token: randomBytes(24).toString('base64url'),
    });
  };

  const me = (req: IncomingMessage, res: ServerResponse): void => {
    const header = req.headers.authorization ?? '';
    const owner = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
    if (owner === undefined)
      return json(res, 401, { error: { status: 401, message: 'Invalid access token' } });
    return json(res, 200, {
      ...owner,
      country: 'SE',
      product: 'premium',
      type: 'user',
      uri: `spotify:user:${owner.id}`,
      href: `https://api.spotify.com/v1/users/${owner.id}`,
      images: [],
      followers: { href: null, total: 0 },
      external_urls: { spotify: `https://open.spotify.com/user/${owner.id}` },
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const done = (work: Promise<void> | void) =>
      Promise.resolve(work).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'server_error' });
      });
    if (route === 'GET /accounts/authorize') return void done(authorize(url, res));
    if (route === 'POST /accounts/api/token') return void done(token(req, res));
    if (route === 'GET /web-api/v1/me') return void done(me(req, res));
    json(res, 404, { error: 'not_found' });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    accountsUrl: `${origin}/accounts`,
    apiUrl: `${origin}/web-api`,
    authorizeRequests,
    tokenRequests,
    signInAs(next, nextAnswer = 'approve') {
      profile = next;
      answer = nextAnswer;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
