import { createHmac } from 'node:crypto';
import { type SignInResponse, type SiweChallenge } from '@bandstand/identity/contracts';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { type ApiStack, E2E_SECRETS, startApiStack, waitForMailLink } from '@bandstand/shared/testing';
import { Wallet } from 'ethers';
import { Client } from 'pg';

// Identity over HTTP on the built api and worker: the bad input of issue 4, each refused with a
// stable code and a field, and nothing written when it is.

const ANA = { email: 'ana@example.org', password: 'a long and unguessable passphrase 9', displayName: 'Ana' };

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT signed (or not) as an attacker would make it. */
function jwt(header: object, payload: object, secret: string | null): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  if (secret === null) return `${signingInput}.`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

describe('identity on the built api and worker', () => {
  let stack: ApiStack;
  let db: Client;
  let ana: SignInResponse;
  let anaCookie: string;

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${stack.api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function problem(response: Response): Promise<ProblemDetails> {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return (await response.json()) as ProblemDetails;
  }

  async function eventCount(): Promise<number> {
    const result = await db.query<{ count: string }>('select count(*) from kernel.events');
    return Number(result.rows[0]?.count);
  }

  /** Signs in, waiting out the progressive delay an earlier test's failures earned this address. */
  async function signIn(email: string, password: string): Promise<Response> {
    for (;;) {
      const response = await post('/api/v1/auth/sign-in', { email, password });
      if (response.status !== 429) return response;
      await new Promise((resolve) =>
        setTimeout(resolve, Number(response.headers.get('retry-after') ?? '1') * 1000),
      );
    }
  }

  function cookieOf(response: Response): string {
    const value = response.headers
      .getSetCookie()
      .map((header) => /^bs_refresh=([^;]+)/.exec(header)?.[1])
      .find((each) => each !== undefined);
    if (value === undefined) throw new Error('no refresh cookie');
    return value;
  }

  beforeAll(async () => {
    stack = await startApiStack({ worker: true, env: { BODY_LIMIT_BYTES: '16384' } });
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    expect((await post('/api/v1/auth/sign-up', { ...ANA, console: 'fan' })).status).toBe(202);
    const link = await waitForMailLink(stack.mailDir, ANA.email, /confirm|verify/i, stack.api.url);
    const verified = await post('/api/v1/auth/verify-email', {
      token: new URL(link).searchParams.get('token'),
    });
    expect(verified.status).toBe(200);
    ana = (await verified.json()) as SignInResponse;
    anaCookie = cookieOf(verified);
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('refuses malformed sign-ups with the field named, writing nothing', async () => {
    const before = await eventCount();
    const malformed = await problem(
      await post('/api/v1/auth/sign-up', { ...ANA, email: 'ana@', console: 'fan' }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.map((error) => error.field)).toContain('email');
    const unknown = await problem(
      await post('/api/v1/auth/sign-up', { ...ANA, email: 'x@example.org', console: 'fan', isAdmin: true }),
    );
    expect(unknown.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isAdmin', code: 'VALIDATION.UNKNOWN_FIELD' }),
      ]),
    );
    const short = await problem(
      await post('/api/v1/auth/sign-up', {
        ...ANA,
        email: 'y@example.org',
        password: 'short',
        console: 'fan',
      }),
    );
    expect(short.code).toBe('IDENTITY.PASSWORD_TOO_SHORT');
    expect(short.errors?.[0]?.field).toBe('password');
    const oversized = await post('/api/v1/auth/sign-up', {
      ...ANA,
      displayName: 'x'.repeat(20_000),
      console: 'fan',
    });
    expect(oversized.status).toBe(413);
    expect((await problem(oversized)).code).toBe('HTTP.PAYLOAD_TOO_LARGE');
    expect(await eventCount()).toBe(before);
  });

  it('answers sign-up the same way whether or not the address has an account', async () => {
    const known = await post('/api/v1/auth/sign-up', { ...ANA, console: 'fan' });
    const unknown = await post('/api/v1/auth/sign-up', {
      ...ANA,
      email: 'nobody@example.org',
      console: 'fan',
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const wrong = await problem(await signIn(ANA.email, 'not her password at all'));
    const missing = await problem(await signIn('nobody2@example.org', 'not her password at all'));
    expect([wrong.status, wrong.code, wrong.detail]).toEqual([missing.status, missing.code, missing.detail]);
    expect(wrong.code).toBe('IDENTITY.INVALID_CREDENTIALS');
  });

  it('refuses forged, unsigned and expired access tokens', async () => {
    const claims = {
      sub: ana.user.userId,
      sid: ana.sessionId,
      iss: 'bandstand',
      aud: 'bandstand-api',
      jti: 'e2e',
    };
    const now = Math.floor(Date.now() / 1000);
    const me = (token: string) =>
      fetch(`${stack.api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(ana.accessToken)).status).toBe(200);
    const forged = jwt(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now, exp: now + 600 },
      'an attacker key of at least 32 chars!!',
    );
    expect((await problem(await me(forged))).code).toBe('ACCESS.TOKEN_INVALID');
    const unsigned = jwt({ alg: 'none', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }, null);
    expect((await problem(await me(unsigned))).code).toBe('ACCESS.TOKEN_INVALID');
    const secret = E2E_SECRETS['AUTH_TOKEN_SECRET'] ?? '';
    const expired = jwt(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now - 7200, exp: now - 3600 },
      secret,
    );
    expect((await problem(await me(expired))).code).toBe('ACCESS.TOKEN_EXPIRED');
    expect((await problem(await me('garbage'))).status).toBe(401);
  });

  it('rotates refresh tokens and revokes the whole family when an old one comes back', async () => {
    const refresh = (cookie: string) => post('/api/v1/auth/refresh', {}, { cookie: `bs_refresh=${cookie}` });
    const signedIn = await signIn(ANA.email, ANA.password);
    expect(signedIn.status).toBe(200);
    const first = cookieOf(signedIn);
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    const second = cookieOf(rotated);
    const { accessToken } = (await rotated.json()) as SignInResponse;
    const reused = await problem(await refresh(first));
    expect(reused.code).toBe('IDENTITY.REFRESH_TOKEN_REUSED');
    expect((await problem(await refresh(second))).status).toBe(401);
    const me = await fetch(`${stack.api.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect((await problem(me)).code).toBe('ACCESS.SESSION_ENDED');
    // The session of the verification link is another family, untouched.
    expect((await refresh(anaCookie)).status).toBe(200);
  });

  it('accepts a reset link once and refuses it afterwards', async () => {
    expect((await post('/api/v1/auth/password-reset', { email: ANA.email, console: 'fan' })).status).toBe(
      202,
    );
    const link = await waitForMailLink(stack.mailDir, ANA.email, /reset/i, stack.api.url);
    const token = new URL(link).searchParams.get('token');
    const newPassword = 'another long passphrase for ana 10';
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: newPassword })).status).toBe(
      204,
    );
    const replayed = await problem(
      await post('/api/v1/auth/password-reset/confirm', { token, password: newPassword }),
    );
    expect(replayed.code).toBe('IDENTITY.TOKEN_INVALID');
    expect((await signIn(ANA.email, newPassword)).status).toBe(200);
    ANA.password = newPassword;
  });

  it('refuses SIWE messages for another domain, chain or nonce, or with a forged signature', async () => {
    const { accessToken } = (await (await signIn(ANA.email, ANA.password)).json()) as SignInResponse;
    const wallet = Wallet.createRandom();
    const link = async (
      edit: (lines: SiweChallenge) => Partial<SiweChallenge> & { chainId?: number },
      signer = wallet,
    ) => {
      const challenge = (await (
        await post('/api/v1/auth/siwe/nonce', { purpose: 'link' })
      ).json()) as SiweChallenge;
      const values = { ...challenge, chainId: challenge.chainIds[0] ?? 1, ...edit(challenge) };
      const message = [
        `${values.domain} wants you to sign in with your Ethereum account:`,
        wallet.address,
        '',
        values.statement,
        '',
        `URI: ${values.uri}`,
        'Version: 1',
        `Chain ID: ${values.chainId}`,
        `Nonce: ${values.nonce}`,
        `Issued At: ${values.issuedAt}`,
        `Expiration Time: ${values.expirationTime}`,
      ].join('\n');
      const signature = await signer.signMessage(message);
      return post('/api/v1/me/wallets', { message, signature }, { authorization: `Bearer ${accessToken}` });
    };
    const before = await eventCount();
    expect((await problem(await link(() => ({ domain: 'evil.example' })))).code).toBe(
      'IDENTITY.SIWE_DOMAIN_MISMATCH',
    );
    expect((await problem(await link(() => ({ chainId: 999_999 })))).code).toBe(
      'IDENTITY.SIWE_CHAIN_NOT_ALLOWED',
    );
    expect((await problem(await link(() => ({ nonce: 'abcdefgh12345678' })))).code).toBe(
      'IDENTITY.SIWE_NONCE_INVALID',
    );
    const forged = await problem(await link(() => ({}), Wallet.createRandom()));
    expect([forged.code, forged.errors?.[0]?.field]).toEqual([
      'IDENTITY.SIWE_SIGNATURE_INVALID',
      'signature',
    ]);
    expect(await eventCount()).toBe(before);
    const linked = await link(() => ({}));
    expect(linked.status).toBe(201);
  });

  it('limits sign-in attempts per address across requests, with Retry-After', async () => {
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 12 && limited === undefined; attempt++) {
      const response = await post('/api/v1/auth/sign-in', {
        email: 'target@example.org',
        password: 'guessing the password 1',
      });
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    if (limited === undefined) return;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await problem(limited)).code).toBe('ACCESS.RATE_LIMITED');
  });

  it('sends secure headers and no CORS grant to a foreign origin', async () => {
    const response = await fetch(`${stack.api.url}/api/v1/auth/providers`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
