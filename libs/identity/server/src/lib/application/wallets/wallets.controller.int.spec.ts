import { randomUUID } from 'node:crypto';
import {
  type LinkedWallet,
  type SignInMethod,
  type SignInResponse,
  type SiweChallenge,
} from '@bandstand/identity/contracts';
import {
  AccessModule,
  PRINCIPAL_RESOLVER,
  type Principal,
  type PrincipalResolver,
} from '@bandstand/shared/access';
import { apiConfigSchema, ConfigModule } from '@bandstand/shared/config';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { type CommandMetadata, EventStore, KernelModule } from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Global, Inject, Injectable, Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type HDNodeWallet, Wallet } from 'ethers';
import { type FastifyRequest } from 'fastify';
import { rateLimitArea } from '../../infrastructure/rate-limit/rate-limit.area';
import { formatSiweMessage } from '../../infrastructure/siwe/siwe-message';
import { siweArea } from '../../infrastructure/siwe/siwe.area';
import { newRefreshToken, setRefreshCookie } from '../../infrastructure/tokens/refresh-token';
import { tokensArea } from '../../infrastructure/tokens/tokens.area';
import { ACCESS_TOKENS, type AccessTokens } from '../../ports/tokens.port';
import { SESSION_ISSUER, type SessionIssuer, type SignInExchange } from '../accounts/account-services';
import { walletStreamId } from './wallet-stream';
import { walletsArea } from './wallets.area';
import { walletsTables } from './wallets.tables';

const walletsPersistence: ContextPersistence = { context: 'identity', schema: 'identity', ...walletsTables };

/**
 * Stand-in for the accounts area's principal resolver: the bearer token's claims, verified by the
 * real JwtAccessTokens (the real resolver also checks the session row).
 */
@Injectable()
class BearerPrincipals implements PrincipalResolver {
  constructor(@Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens) {}

  async resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ') !== true) return null;
    const claims = await this.tokens.verify(header.slice('Bearer '.length));
    return { ...claims, staffRoles: [] };
  }
}

/** Stand-in for the accounts area's SessionIssuer: records each start and answers like it. */
@Injectable()
class RecordingSessionIssuer implements SessionIssuer {
  readonly started: { userId: string; method: SignInMethod; metadata: CommandMetadata }[] = [];

  constructor(@Inject(ACCESS_TOKENS) private readonly tokens: AccessTokens) {}

  async start(
    userId: string,
    method: SignInMethod,
    exchange: SignInExchange,
    metadata: CommandMetadata,
  ): Promise<SignInResponse> {
    this.started.push({ userId, method, metadata });
    const sessionId = randomUUID();
    setRefreshCookie(exchange.reply, newRefreshToken(sessionId).token, { secure: false, maxAgeSeconds: 60 });
    const access = await this.tokens.issue({ userId, sessionId });
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt.toISOString(),
      sessionId,
      user: { userId, email: `${userId}@example.org`, displayName: userId, staffRoles: [] },
    };
  }
}

describe('WalletsController over HTTP (real Redis, PostgreSQL and signatures)', () => {
  const prefix = testQueuePrefix();
  let kernel: KernelTestHarness;
  let app: NestFastifyApplication;
  let sessions: RecordingSessionIssuer;
  let ana: { userId: string; token: string };
  let bo: { userId: string; token: string };
  let nextAddress = 1;

  /** Each test calls from its own client address, so that rate limits of one do not reach another. */
  const client = (): string => `198.51.100.${nextAddress++}`;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [walletsPersistence] });
    const config = apiConfigSchema.parse({
      NODE_ENV: 'test',
      DATABASE_URL: kernel.database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      PUBLIC_URL: 'http://localhost:3000',
      AUTH_SIWE_CHAIN_IDS: '1,8453',
    });
    const orm: DynamicModule = {
      module: class TestOrmModule {},
      global: true,
      providers: [{ provide: MikroORM, useValue: kernel.orm }],
      exports: [MikroORM],
    };

    // The identity module's shape, with this helper's areas and stand-ins for the accounts area.
    @Global()
    @Module({
      imports: [...(walletsArea.imports ?? [])],
      providers: [
        ...tokensArea.providers,
        ...rateLimitArea.providers,
        ...siweArea.providers,
        ...walletsArea.providers,
        { provide: PRINCIPAL_RESOLVER, useClass: BearerPrincipals },
        RecordingSessionIssuer,
        { provide: SESSION_ISSUER, useExisting: RecordingSessionIssuer },
      ],
      controllers: [...(walletsArea.controllers ?? [])],
      exports: [PRINCIPAL_RESOLVER],
    })
    class IdentityUnderTest {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'warn',
          destination: new MemoryLogDestination(),
        }),
        orm,
        KernelModule.forRoot(
          { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
          'api',
        ),
        AccessModule.forRoot(),
        IdentityUnderTest,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    sessions = app.get(RecordingSessionIssuer);

    const tokens = app.get<AccessTokens>(ACCESS_TOKENS);
    const signedIn = async (): Promise<{ userId: string; token: string }> => {
      const userId = randomUUID();
      return { userId, token: (await tokens.issue({ userId, sessionId: randomUUID() })).token };
    };
    ana = await signedIn();
    bo = await signedIn();
  });

  afterAll(async () => {
    await app?.close();
    await kernel?.close();
    await removeRedisKeys(testRedisUrl(), prefix);
  });

  async function challenge(purpose: 'sign-in' | 'link', remoteAddress = client()): Promise<SiweChallenge> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/siwe/nonce',
      payload: { purpose },
      remoteAddress,
    });
    expect(response.statusCode).toBe(200);
    return response.json<SiweChallenge>();
  }

  async function signedMessage(
    wallet: HDNodeWallet,
    purpose: 'sign-in' | 'link',
  ): Promise<{ message: string; signature: string }> {
    const issued = await challenge(purpose);
    const message = formatSiweMessage({
      scheme: null,
      domain: issued.domain,
      address: wallet.address,
      statement: issued.statement,
      uri: issued.uri,
      version: '1',
      chainId: 8453,
      nonce: issued.nonce,
      issuedAt: issued.issuedAt,
      expirationTime: issued.expirationTime,
      notBefore: null,
      requestId: null,
      resources: null,
    });
    return { message, signature: await wallet.signMessage(message) };
  }

  const link = async (user: { token: string }, wallet: HDNodeWallet, correlationId = randomUUID()) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/me/wallets',
      headers: { authorization: `Bearer ${user.token}`, 'x-correlation-id': correlationId },
      payload: await signedMessage(wallet, 'link'),
    });

  const listOf = async (user: { token: string }): Promise<LinkedWallet[]> =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/v1/me/wallets',
        headers: { authorization: `Bearer ${user.token}` },
      })
    ).json<LinkedWallet[]>();

  const signIn = async (wallet: HDNodeWallet) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/siwe/sign-in',
      payload: await signedMessage(wallet, 'sign-in'),
      remoteAddress: client(),
    });

  it('hands out challenges for PUBLIC_URL and validates the request', async () => {
    const issued = await challenge('link');
    expect(issued).toMatchObject({
      domain: 'localhost:3000',
      uri: 'http://localhost:3000',
      statement: 'Link this wallet to your Bandstand account.',
      chainIds: [1, 8453],
      version: '1',
    });
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/siwe/nonce',
      payload: { purpose: 'pay' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ProblemDetails>()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ field: 'purpose' }],
    });
    const extra = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/siwe/nonce',
      payload: { purpose: 'link', admin: true },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('rate-limits nonces per client address (30 a minute) with Retry-After', async () => {
    const remoteAddress = client();
    for (let i = 0; i < 30; i++) await challenge('sign-in', remoteAddress);
    const limited = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/siwe/nonce',
      payload: { purpose: 'sign-in' },
      remoteAddress,
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ProblemDetails>()).toMatchObject({ code: 'ACCESS.RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await challenge('sign-in', client());
  });

  it('links a wallet to the signed-in user (201), records the request, and lists it', async () => {
    const wallet = Wallet.createRandom();
    const correlationId = randomUUID();
    const response = await link(ana, wallet, correlationId);
    expect(response.statusCode).toBe(201);
    const linked = response.json<LinkedWallet>();
    expect(linked).toEqual({
      address: wallet.address,
      chainId: 8453,
      linkedAt: expect.any(String) as unknown,
    });
    await expect(listOf(ana)).resolves.toContainEqual(linked);
    await expect(listOf(bo)).resolves.not.toContainEqual(linked);

    const [event] = (await app.get(EventStore).readStream(walletStreamId(wallet.address))).events;
    expect(event?.metadata).toMatchObject({
      correlationId,
      actor: `user:${ana.userId}`,
      tenantId: ana.userId,
    });

    // Linking again is answered with the same wallet.
    const again = await link(ana, wallet);
    expect(again.statusCode).toBe(201);
    expect(again.json<LinkedWallet>()).toEqual(linked);
  });

  it('refuses to link a wallet of another account (409), and anonymous callers (401)', async () => {
    const wallet = Wallet.createRandom();
    expect((await link(ana, wallet)).statusCode).toBe(201);
    const taken = await link(bo, wallet);
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ProblemDetails>()).toMatchObject({ code: 'IDENTITY.WALLET_LINKED_ELSEWHERE' });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/me/wallets',
      payload: await signedMessage(wallet, 'link'),
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/wallets' })).statusCode).toBe(401);
  });

  it('refuses a message signed for signing in, and a signature of another key', async () => {
    const wallet = Wallet.createRandom();
    const forSignIn = await app.inject({
      method: 'POST',
      url: '/api/v1/me/wallets',
      headers: { authorization: `Bearer ${ana.token}` },
      payload: await signedMessage(wallet, 'sign-in'),
    });
    expect(forSignIn.statusCode).toBe(422);
    expect(forSignIn.json<ProblemDetails>()).toMatchObject({
      code: 'IDENTITY.SIWE_NONCE_INVALID',
      errors: [{ field: 'message' }],
    });
    const signed = await signedMessage(wallet, 'link');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/me/wallets',
      headers: { authorization: `Bearer ${ana.token}` },
      payload: { ...signed, signature: await Wallet.createRandom().signMessage(signed.message) },
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.json<ProblemDetails>()).toMatchObject({
      code: 'IDENTITY.SIWE_SIGNATURE_INVALID',
      errors: [{ field: 'signature' }],
    });
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/me/wallets',
      headers: { authorization: `Bearer ${ana.token}` },
      payload: { message: 'hello', signature: '0x00' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ProblemDetails>()).toMatchObject({ code: 'IDENTITY.SIWE_MESSAGE_MALFORMED' });
  });

  it('signs in with a linked wallet through the session issuer, and not with an unlinked one', async () => {
    const wallet = Wallet.createRandom();
    const unknown = await signIn(wallet);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<ProblemDetails>()).toMatchObject({ code: 'IDENTITY.WALLET_NOT_LINKED' });

    expect((await link(ana, wallet)).statusCode).toBe(201);
    sessions.started.length = 0;
    const response = await signIn(wallet);
    expect(response.statusCode).toBe(200);
    const body = response.json<SignInResponse>();
    expect(body.user.userId).toBe(ana.userId);
    expect(String(response.headers['set-cookie'])).toMatch(/^bs_refresh=/);
    expect(sessions.started).toEqual([
      {
        userId: ana.userId,
        method: 'siwe',
        metadata: {
          correlationId: expect.any(String) as unknown,
          actor: `user:${ana.userId}`,
          tenantId: ana.userId,
        },
      },
    ]);
    // The access token it answered with works.
    await expect(listOf({ token: body.accessToken })).resolves.toContainEqual(
      expect.objectContaining({ address: wallet.address }) as unknown,
    );
  });

  it('unlinks only the caller’s own wallet (404 otherwise, 400 for a non-address), in any spelling', async () => {
    const wallet = Wallet.createRandom();
    expect((await link(ana, wallet)).statusCode).toBe(201);
    const unlink = (user: { token: string }, address: string) =>
      app.inject({
        method: 'DELETE',
        url: `/api/v1/me/wallets/${address}`,
        headers: { authorization: `Bearer ${user.token}` },
      });

    const notHis = await unlink(bo, wallet.address);
    expect(notHis.statusCode).toBe(404);
    expect(notHis.json<ProblemDetails>()).toMatchObject({ code: 'IDENTITY.WALLET_NOT_LINKED' });
    const invalid = await unlink(ana, '0x1234');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ProblemDetails>()).toMatchObject({ errors: [{ field: 'address' }] });

    const done = await unlink(ana, wallet.address.toLowerCase());
    expect(done.statusCode).toBe(204);
    expect(done.body).toBe('');
    expect((await listOf(ana)).map((each) => each.address)).not.toContain(wallet.address);
    expect((await signIn(wallet)).statusCode).toBe(401);
    expect((await unlink(ana, wallet.address)).statusCode).toBe(404);
  });
});
