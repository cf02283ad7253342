import { createHash, randomUUID } from 'node:crypto';
import { type ExternalIdentity, type SignInMethod, type SignInResponse } from '@bandstand/identity/contracts';
import {
  type LocalOidcProvider,
  signInAtProvider,
  type SpotifyStandIn,
  startOidcProvider,
  startSpotifyStandIn,
} from '@bandstand/identity/testing';
import { AccessModule, PRINCIPAL_RESOLVER, type PrincipalResolver } from '@bandstand/shared/access';
import { apiConfigSchema, ConfigModule, loadConfig } from '@bandstand/shared/config';
import { isProblemDetails } from '@bandstand/shared/contracts';
import {
  type CommandMetadata,
  EventStore,
  KernelDatabase,
  KernelModule,
  type StoredEvent,
  toEventMetadata,
} from '@bandstand/shared/event-store';
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
import { type DynamicModule } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type LightMyRequestResponse } from 'fastify';
import { oidcArea } from '../../infrastructure/oidc/oidc.area';
import {
  ACCOUNT_DIRECTORY,
  type AccountDirectory,
  type AccountRecord,
  SESSION_ISSUER,
  type SessionIssuer,
  type SignInExchange,
} from '../accounts/account-services';
import { ClaimExternalIdentity } from './claim-external-identity/claim-external-identity.command';
import { ExternalIdentitiesOnAccountDeleted } from './external-identities-on-account-deleted.processor';
import { externalIdentityStreamId } from './external-identity-stream';
import { externalArea } from './external.area';
import { externalTables } from './external.tables';

const PUBLIC_URL = 'http://localhost:4200';
const CLIENT = { client_id: 'bandstand-e2e', client_secret: 'the-client-secret-of-the-test' };
const SPOTIFY = {
  clientId: '0123456789abcdef0123456789abcdef',
  clientSecret: 'fedcba9876543210fedcba9876543210',
};

/**
 * The accounts area as this area sees it (ACCOUNT_DIRECTORY), kept in memory; a registration
 * appends a real event in the running transaction and counts only once it commits, so that a
 * rolled-back sign-up is visible.
 */
class AccountsStandIn implements AccountDirectory {
  readonly accounts = new Map<string, AccountRecord>();
  readonly registrations: { email: string; displayName: string; metadata: CommandMetadata }[] = [];
  /** Runs inside registerVerified, in its transaction: a test plays a concurrent sign-up here. */
  duringRegistration: ((userId: string) => Promise<void>) | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: KernelDatabase,
  ) {}

  add(record: Omit<AccountRecord, 'userId' | 'deleted'> & { deleted?: boolean }): string {
    const userId = randomUUID();
    this.accounts.set(userId, { userId, deleted: false, ...record });
    return userId;
  }

  byId(userId: string): Promise<AccountRecord | null> {
    return Promise.resolve(this.accounts.get(userId) ?? null);
  }

  byEmail(email: string): Promise<AccountRecord | null> {
    const found = [...this.accounts.values()].find(
      (each) => each.email?.toLowerCase() === email.toLowerCase(),
    );
    return Promise.resolve(found ?? null);
  }

  emailDigest(email: string): string {
    return createHash('sha256').update(email.toLowerCase()).digest('hex');
  }

  registerVerified(
    account: { email: string; displayName: string },
    metadata: CommandMetadata,
  ): Promise<string> {
    return this.db.transaction(async (tx) => {
      const userId = randomUUID();
      await this.store.append(`identity-user-${userId}`, [{ type: 'AccountRegistered', data: { userId } }], {
        expectedVersion: 'no_stream',
        metadata: toEventMetadata({ ...metadata, tenantId: userId }),
      });
      await this.duringRegistration?.(userId);
      tx.afterCommit(() => {
        this.accounts.set(userId, {
          userId,
          email: account.email,
          displayName: account.displayName,
          emailVerified: true,
          deleted: false,
        });
        this.registrations.push({ ...account, metadata });
      });
      return userId;
    });
  }
}

/** SESSION_ISSUER: records the sign-in and sets a refresh cookie as the real one does. */
class SessionsStandIn implements SessionIssuer {
  readonly started: { userId: string; method: SignInMethod; metadata: CommandMetadata }[] = [];
  /** The next start fails as a bug would (not a DomainError). */
  failNext = false;

  start(
    userId: string,
    method: SignInMethod,
    exchange: SignInExchange,
    metadata: CommandMetadata,
  ): Promise<SignInResponse> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('session store exploded'));
    }
    exchange.reply.setCookie('bs_refresh', `refresh-of-${userId}`, {
      path: '/api/v1/auth',
      httpOnly: true,
      sameSite: 'strict',
    });
    this.started.push({ userId, method, metadata });
    return Promise.resolve({
      accessToken: 'access',
      expiresAt: new Date().toISOString(),
      sessionId: randomUUID(),
      user: { userId, email: '', displayName: '', staffRoles: [] },
    });
  }
}

/** Bearer `user:<id>` is that user (the real resolver verifies a JWT; here the tests only need a caller). */
const principals: PrincipalResolver = {
  resolve: (request) => {
    const match = /^Bearer user:(.+)$/.exec(request.headers.authorization ?? '');
    return Promise.resolve(
      match?.[1] === undefined ? null : { userId: match[1], sessionId: 's', staffRoles: [] },
    );
  },
};

const externalPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  ...externalTables,
};

describe('ExternalAuthController over HTTP with a real OpenID Provider, Spotify stand-in, PostgreSQL and Redis', () => {
  let kernel: KernelTestHarness;
  let provider: LocalOidcProvider;
  let spotify: SpotifyStandIn;
  let app: NestFastifyApplication;
  let accounts: AccountsStandIn;
  let sessions: SessionsStandIn;
  const prefix = testQueuePrefix();
  let people = 0;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [externalPersistence] });
    provider = await startOidcProvider({
      clients: [{ ...CLIENT, redirect_uris: [`${PUBLIC_URL}/api/v1/auth/oidc/oidc/callback`] }],
      accounts: {},
    });
    spotify = await startSpotifyStandIn({ clients: [SPOTIFY] });
    const config = loadConfig(apiConfigSchema, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'fatal',
      PUBLIC_URL,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      AUTH_OIDC_ISSUER: provider.issuer,
      AUTH_OIDC_CLIENT_ID: CLIENT.client_id,
      AUTH_OIDC_CLIENT_SECRET: CLIENT.client_secret,
      AUTH_OIDC_LABEL: 'Bandstand ID',
      AUTH_SPOTIFY_CLIENT_ID: SPOTIFY.clientId,
      AUTH_SPOTIFY_CLIENT_SECRET: SPOTIFY.clientSecret,
      AUTH_SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
      AUTH_SPOTIFY_API_URL: spotify.apiUrl,
    });
    const orm: DynamicModule = {
      module: class TestOrmModule {},
      global: true,
      providers: [{ provide: MikroORM, useValue: kernel.orm }],
      exports: [MikroORM],
    };
    const area: DynamicModule = {
      module: class ExternalAreaUnderTest {},
      global: true,
      imports: [...(externalArea.imports ?? [])],
      providers: [
        ...oidcArea.providers,
        ...externalArea.providers,
        {
          provide: ACCOUNT_DIRECTORY,
          useFactory: (store: EventStore, db: KernelDatabase) => new AccountsStandIn(store, db),
          inject: [EventStore, KernelDatabase],
        },
        { provide: SESSION_ISSUER, useValue: new SessionsStandIn() },
        { provide: PRINCIPAL_RESOLVER, useValue: principals },
      ],
      controllers: [...(externalArea.controllers ?? [])],
      exports: [PRINCIPAL_RESOLVER],
    };
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'fatal',
          destination: new MemoryLogDestination(),
        }),
        ConfigModule.forRoot(config),
        orm,
        KernelModule.forRoot(
          { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
          'api',
        ),
        AccessModule.forRoot(),
        area,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    accounts = app.get(ACCOUNT_DIRECTORY);
    sessions = app.get(SESSION_ISSUER);
  });

  afterAll(async () => {
    await app?.close();
    await removeRedisKeys(testRedisUrl(), prefix);
    await provider?.stop();
    await spotify?.stop();
    await kernel?.close();
  });

  afterEach(() => {
    expect(provider.serverErrors).toEqual([]);
    accounts.duringRegistration = null;
  });

  /** A new person at the provider, with a unique e-mail address. */
  function person(options: { emailVerified?: boolean } = {}) {
    people += 1;
    const username = `person-${people}-${randomUUID().slice(0, 8)}`;
    const account = {
      password: `password-of-${username}`,
      subject: `subject-${username}`,
      email: `${username}@provider.example`,
      emailVerified: options.emailVerified ?? true,
      name: `Person ${people}`,
    };
    provider.addAccount(username, account);
    return { username, ...account };
  }

  interface StartedFlow {
    readonly authorizationUrl: string;
    readonly state: string;
    readonly response: LightMyRequestResponse;
  }

  async function startSignIn(providerId: string, consoleName = 'fan'): Promise<StartedFlow> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/${providerId}/start?console=${consoleName}`,
    });
    const authorizationUrl = response.headers.location;
    if (response.statusCode !== 302 || typeof authorizationUrl !== 'string') {
      throw new Error(`start answered ${response.statusCode}: ${response.body}`);
    }
    return { authorizationUrl, state: new URL(authorizationUrl).searchParams.get('state') ?? '', response };
  }

  async function callback(callbackUrl: URL, state: string | null, correlationId = randomUUID()) {
    return app.inject({
      method: 'GET',
      url: `${callbackUrl.pathname}${callbackUrl.search}`,
      headers: { 'x-correlation-id': correlationId },
      ...(state === null ? {} : { cookies: { bs_oidc_state: state } }),
    });
  }

  async function signInThroughProvider(who: { username: string; password: string }, consoleName = 'fan') {
    const flow = await startSignIn('oidc', consoleName);
    const back = await signInAtProvider(flow.authorizationUrl, who);
    return callback(back, flow.state);
  }

  async function eventsOf(streamId: string): Promise<readonly StoredEvent[]> {
    return (await kernel.store.readStream(streamId)).events;
  }

  it('lists the configured providers to anyone', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { id: 'oidc', label: 'Bandstand ID' },
      { id: 'spotify', label: 'Spotify' },
    ]);
  });

  it('starts a sign-in with a redirect to the provider and a flow cookie for the callback only', async () => {
    const { authorizationUrl, state, response } = await startSignIn('oidc', 'creator');
    expect(authorizationUrl.startsWith(`${provider.issuer}/`)).toBe(true);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.cookies).toEqual([
      expect.objectContaining({
        name: 'bs_oidc_state',
        value: state,
        path: '/api/v1/auth/oidc',
        httpOnly: true,
        sameSite: 'Lax',
        maxAge: 600,
      }),
    ]);
  });

  it('signs a new person up: verified e-mail → account, claim, session, redirect to auth/complete', async () => {
    const who = person();
    const correlationId = randomUUID();
    const flow = await startSignIn('oidc', 'creator');
    const back = await signInAtProvider(flow.authorizationUrl, who);
    const response = await callback(back, flow.state, correlationId);

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/creator/auth/complete`);
    expect(response.cookies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'bs_refresh', path: '/api/v1/auth' }),
        expect.objectContaining({ name: 'bs_oidc_state', value: '' }),
      ]),
    );
    const registered = accounts.registrations.find((each) => each.email === who.email);
    expect(registered).toEqual({
      email: who.email,
      displayName: who.name,
      metadata: { correlationId, causationId: null, actor: 'anonymous', tenantId: null },
    });
    const user = await accounts.byEmail(who.email);
    const userId = user?.userId ?? '';
    expect(sessions.started.at(-1)).toEqual({
      userId,
      method: 'oidc',
      metadata: { correlationId, causationId: null, actor: `user:${userId}`, tenantId: userId },
    });
    const streamId = externalIdentityStreamId('oidc', who.subject);
    expect(streamId).toBe(`identity-external-oidc-${createHash('sha256').update(who.subject).digest('hex')}`);
    expect(await eventsOf(streamId)).toEqual([
      expect.objectContaining({
        type: 'ExternalIdentityClaimed',
        data: { userId, provider: 'oidc', subject: who.subject },
        metadata: expect.objectContaining({
          correlationId,
          actor: `user:${userId}`,
          tenantId: userId,
        }) as unknown,
      }),
    ]);
    expect(
      await kernel.db.query(
        'select provider, subject, user_id from identity.external_identities where user_id = $1',
        [userId],
      ),
    ).toEqual([{ provider: 'oidc', subject: who.subject, user_id: userId }]);
  });

  it('signs a returning person in to the same account without registering again', async () => {
    const who = person();
    await signInThroughProvider(who);
    const userId = (await accounts.byEmail(who.email))?.userId;
    const registrations = accounts.registrations.length;

    const again = await signInThroughProvider(who, 'fan');

    expect(again.headers.location).toBe(`${PUBLIC_URL}/fan/auth/complete`);
    expect(accounts.registrations).toHaveLength(registrations);
    expect(sessions.started.at(-1)).toMatchObject({ userId, method: 'oidc' });
  });

  it('refuses to sign in to a deleted account: IDENTITY.ACCOUNT_DELETED', async () => {
    const who = person();
    await signInThroughProvider(who);
    const account = await accounts.byEmail(who.email);
    if (account === null) throw new Error('not signed up');
    accounts.accounts.set(account.userId, { ...account, deleted: true });
    const response = await signInThroughProvider(who);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/fan/sign-in?error=IDENTITY.ACCOUNT_DELETED`);
  });

  it('refuses to sign up with an e-mail address an account has: IDENTITY.OIDC_EMAIL_IN_USE, nothing linked', async () => {
    const who = person();
    accounts.add({ email: who.email.toUpperCase(), displayName: 'Has a password', emailVerified: true });
    const started = sessions.started.length;

    const response = await signInThroughProvider(who, 'staff');

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/staff/sign-in?error=IDENTITY.OIDC_EMAIL_IN_USE`);
    expect(sessions.started).toHaveLength(started);
    expect(await eventsOf(externalIdentityStreamId('oidc', who.subject))).toEqual([]);
  });

  it('refuses to sign up when the provider did not verify the e-mail: IDENTITY.EMAIL_NOT_VERIFIED', async () => {
    const who = person({ emailVerified: false });
    const response = await signInThroughProvider(who);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/fan/sign-in?error=IDENTITY.EMAIL_NOT_VERIFIED`);
    expect(await accounts.byEmail(who.email)).toBeNull();
  });

  it('sends a denied consent back to the console that started the flow', async () => {
    const who = person();
    const flow = await startSignIn('oidc', 'creator');
    const back = await signInAtProvider(flow.authorizationUrl, { ...who, consent: 'deny' });
    const response = await callback(back, flow.state);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/creator/sign-in?error=IDENTITY.OIDC_ACCESS_DENIED`);
  });

  it('refuses a callback in a browser without the flow cookie (login CSRF) and leaves the flow usable', async () => {
    const who = person();
    const flow = await startSignIn('oidc', 'creator');
    const back = await signInAtProvider(flow.authorizationUrl, who);

    const elsewhere = await callback(back, null);
    expect(elsewhere.headers.location).toBe(
      `${PUBLIC_URL}/creator/sign-in?error=IDENTITY.OIDC_STATE_MISMATCH`,
    );
    const otherFlow = await callback(back, 'another-flow-state-0123456789');
    expect(otherFlow.headers.location).toBe(
      `${PUBLIC_URL}/creator/sign-in?error=IDENTITY.OIDC_STATE_MISMATCH`,
    );

    const here = await callback(back, flow.state);
    expect(here.headers.location).toBe(`${PUBLIC_URL}/creator/auth/complete`);
    // The flow is gone, and with it the console it started in: the fan console is the fallback.
    const replayed = await callback(back, flow.state);
    expect(replayed.headers.location).toBe(`${PUBLIC_URL}/fan/sign-in?error=IDENTITY.OIDC_STATE_MISMATCH`);
  });

  it('redirects an unknown state and an unknown provider to the sign-in page, never to an error response', async () => {
    const unknown = await callback(
      new URL(`${PUBLIC_URL}/api/v1/auth/oidc/oidc/callback?code=x&state=never-issued-0123456789`),
      'never-issued-0123456789',
    );
    expect(unknown.headers.location).toBe(`${PUBLIC_URL}/fan/sign-in?error=IDENTITY.OIDC_STATE_MISMATCH`);
    const noProvider = await callback(
      new URL(`${PUBLIC_URL}/api/v1/auth/oidc/github/callback?code=x&state=s`),
      's',
    );
    expect(noProvider.headers.location).toBe(
      `${PUBLIC_URL}/fan/sign-in?error=IDENTITY.OIDC_PROVIDER_UNKNOWN`,
    );
    const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/github/start?console=staff' });
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe(`${PUBLIC_URL}/staff/sign-in?error=IDENTITY.OIDC_PROVIDER_UNKNOWN`);
  });

  it('turns an unexpected failure into IDENTITY.OIDC_FAILED on the sign-in page', async () => {
    const who = person();
    sessions.failNext = true;
    const response = await signInThroughProvider(who, 'creator');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${PUBLIC_URL}/creator/sign-in?error=IDENTITY.OIDC_FAILED`);
  });

  it('answers a start without a valid console with a 400 problem naming the field', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/oidc/start?console=admin' });
    expect(response.statusCode).toBe(400);
    const problem: unknown = response.json();
    expect(isProblemDetails(problem)).toBe(true);
    expect(JSON.stringify(problem)).toContain('console');
    const link = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/oidc/start?console=fan&mode=link',
    });
    expect(link.statusCode).toBe(400);
  });

  describe('linking from the account page', () => {
    async function startLink(userId: string | null, providerId = 'oidc', consoleName = 'creator') {
      return app.inject({
        method: 'POST',
        url: `/api/v1/me/external-identities/${providerId}`,
        payload: { console: consoleName },
        headers: userId === null ? {} : { authorization: `Bearer user:${userId}` },
      });
    }

    it('needs a signed-in user', async () => {
      const response = await startLink(null);
      expect(response.statusCode).toBe(401);
    });

    it('links a provider account to the signed-in user, lists it, and signs in through it afterwards', async () => {
      const userId = accounts.add({
        email: `linker-${randomUUID()}@bandstand.example`,
        displayName: 'Linker',
        emailVerified: true,
      });
      const who = person();
      const started = await startLink(userId);
      expect(started.statusCode).toBe(200);
      const { redirectUrl } = started.json<{ redirectUrl: string }>();
      const state = new URL(redirectUrl).searchParams.get('state') ?? '';
      expect(started.cookies).toEqual([
        expect.objectContaining({ name: 'bs_oidc_state', value: state, path: '/api/v1/auth/oidc' }),
      ]);

      const back = await signInAtProvider(redirectUrl, who);
      const linked = await callback(back, state);
      expect(linked.headers.location).toBe(`${PUBLIC_URL}/creator/account?linked=oidc`);

      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/me/external-identities',
        headers: { authorization: `Bearer user:${userId}` },
      });
      expect(list.json<ExternalIdentity[]>()).toEqual([
        {
          provider: 'oidc',
          subject: who.subject,
          linkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        },
      ]);

      const signIn = await signInThroughProvider(who);
      expect(signIn.headers.location).toBe(`${PUBLIC_URL}/fan/auth/complete`);
      expect(sessions.started.at(-1)).toMatchObject({ userId, method: 'oidc' });
    });

    it('links a Spotify account (its e-mail unverified), after which it signs in', async () => {
      const userId = accounts.add({
        email: `listener-${randomUUID()}@bandstand.example`,
        displayName: 'L',
        emailVerified: true,
      });
      const spotifyId = `listener-${randomUUID()}`;
      spotify.signInAs({ id: spotifyId, email: 'someone@spotify.example', display_name: 'Listener' });

      const before = await startSignIn('spotify');
      const refused = await callback(
        new URL((await fetch(before.authorizationUrl, { redirect: 'manual' })).headers.get('location') ?? ''),
        before.state,
      );
      expect(refused.headers.location).toBe(`${PUBLIC_URL}/fan/sign-in?error=IDENTITY.EMAIL_NOT_VERIFIED`);

      const started = (await startLink(userId, 'spotify', 'fan')).json<{ redirectUrl: string }>();
      const back = new URL(
        (await fetch(started.redirectUrl, { redirect: 'manual' })).headers.get('location') ?? '',
      );
      const linked = await callback(back, back.searchParams.get('state'));
      expect(linked.headers.location).toBe(`${PUBLIC_URL}/fan/account?linked=spotify`);

      const after = await startSignIn('spotify');
      const signedIn = await callback(
        new URL((await fetch(after.authorizationUrl, { redirect: 'manual' })).headers.get('location') ?? ''),
        after.state,
      );
      expect(signedIn.headers.location).toBe(`${PUBLIC_URL}/fan/auth/complete`);
      expect(sessions.started.at(-1)).toMatchObject({ userId, method: 'oidc' });
    });

    it('refuses a provider account another user holds: IDENTITY.EXTERNAL_IDENTITY_IN_USE', async () => {
      const who = person();
      await signInThroughProvider(who);
      const holder = (await accounts.byEmail(who.email))?.userId;
      const other = accounts.add({
        email: `other-${randomUUID()}@bandstand.example`,
        displayName: 'O',
        emailVerified: true,
      });

      const { redirectUrl } = (await startLink(other)).json<{ redirectUrl: string }>();
      const back = await signInAtProvider(redirectUrl, who);
      const response = await callback(back, new URL(redirectUrl).searchParams.get('state'));

      expect(response.headers.location).toBe(
        `${PUBLIC_URL}/creator/sign-in?error=IDENTITY.EXTERNAL_IDENTITY_IN_USE`,
      );
      expect(
        await kernel.db.query('select user_id from identity.external_identities where subject = $1', [
          who.subject,
        ]),
      ).toEqual([{ user_id: holder }]);
    });

    it('answers an unknown provider with a 404 problem', async () => {
      const userId = accounts.add({
        email: `x-${randomUUID()}@bandstand.example`,
        displayName: 'X',
        emailVerified: true,
      });
      const response = await startLink(userId, 'github');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'IDENTITY.OIDC_PROVIDER_UNKNOWN' });
    });

    it('unlinks a provider account of the signed-in user only', async () => {
      const who = person();
      await signInThroughProvider(who);
      const userId = (await accounts.byEmail(who.email))?.userId ?? '';
      const other = accounts.add({
        email: `y-${randomUUID()}@bandstand.example`,
        displayName: 'Y',
        emailVerified: true,
      });
      const path = `/api/v1/me/external-identities/oidc/${encodeURIComponent(who.subject)}`;

      const notMine = await app.inject({
        method: 'DELETE',
        url: path,
        headers: { authorization: `Bearer user:${other}` },
      });
      expect(notMine.statusCode).toBe(204);
      expect(
        await kernel.db.query('select user_id from identity.external_identities where subject = $1', [
          who.subject,
        ]),
      ).toEqual([{ user_id: userId }]);

      const mine = await app.inject({
        method: 'DELETE',
        url: path,
        headers: { authorization: `Bearer user:${userId}` },
      });
      expect(mine.statusCode).toBe(204);
      expect(
        await kernel.db.query('select 1 from identity.external_identities where subject = $1', [who.subject]),
      ).toEqual([]);
      expect(
        (await eventsOf(externalIdentityStreamId('oidc', who.subject))).map((event) => event.type),
      ).toEqual(['ExternalIdentityClaimed', 'ExternalIdentityReleased']);
    });
  });

  it('registers the account and claims the identity together: a claim lost to a concurrent sign-up leaves no account', async () => {
    const who = person();
    let registeredId = '';
    accounts.duringRegistration = async (userId) => {
      registeredId = userId;
      // Another callback for the same provider account wins the race inside this transaction's window.
      await app.get(CommandBus).execute(
        new ClaimExternalIdentity('the-racing-user', 'oidc', who.subject, {
          correlationId: 'race',
          actor: 'user:the-racing-user',
        }),
      );
    };

    const response = await signInThroughProvider(who);

    expect(response.headers.location).toBe(
      `${PUBLIC_URL}/fan/sign-in?error=IDENTITY.EXTERNAL_IDENTITY_IN_USE`,
    );
    expect(registeredId).not.toBe('');
    expect(await eventsOf(`identity-user-${registeredId}`)).toEqual([]);
    expect(await accounts.byEmail(who.email)).toBeNull();
    expect(await eventsOf(externalIdentityStreamId('oidc', who.subject))).toEqual([]);
  });

  it('releases the provider accounts of a deleted account (processor)', async () => {
    const who = person();
    await signInThroughProvider(who);
    const userId = (await accounts.byEmail(who.email))?.userId ?? '';
    const deletion = await kernel.store.append(
      `identity-user-${userId}`,
      [{ type: 'AccountDeleted', data: { userId } }],
      {
        expectedVersion: 'any',
        metadata: { correlationId: 'deletion', causationId: null, actor: `user:${userId}`, tenantId: userId },
      },
    );
    const [deleted] = (await kernel.store.readStream(`identity-user-${userId}`)).events.filter(
      (event) => event.globalPosition === deletion.events[0]?.globalPosition,
    );
    if (deleted === undefined) throw new Error('AccountDeleted was not stored');

    await kernel.db.transaction((tx) => app.get(ExternalIdentitiesOnAccountDeleted).handle(deleted, tx));

    expect(
      await kernel.db.query('select 1 from identity.external_identities where user_id = $1', [userId]),
    ).toEqual([]);
    const events = await eventsOf(externalIdentityStreamId('oidc', who.subject));
    expect(events.at(-1)).toMatchObject({
      type: 'ExternalIdentityReleased',
      data: { userId, provider: 'oidc', subject: who.subject },
      metadata: {
        correlationId: 'deletion',
        causationId: deleted.eventId,
        actor: 'processor:identity.external-identities-on-account-deleted',
      },
    });
  });
});
