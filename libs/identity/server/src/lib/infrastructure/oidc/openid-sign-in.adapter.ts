import { type AuthProvider, CONSOLES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  allowInsecureRequests,
  AuthorizationResponseError,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  type ClientAuth,
  ClientError,
  ClientSecretBasic,
  ClientSecretPost,
  Configuration,
  discovery,
  fetchProtectedResource,
  fetchUserInfo,
  type IDToken,
  None,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  ResponseBodyError,
  type TokenEndpointResponse,
  type TokenEndpointResponseHelpers,
  type UserInfoResponse,
} from 'openid-client';
import { type ExternalClaims, type OidcFlowIntent, type OidcSignIn } from '../../ports/oidc.port';
import { isWellFormedState, OidcFlowStore } from './oidc-flow.store';
import {
  OidcAccessDenied,
  OidcFailed,
  OidcNonceMismatch,
  OidcProviderUnknown,
  OidcStateMismatch,
} from './oidc.errors';
import { insecureHttpAllowed, type OidcSettings } from './oidc.settings';

type Tokens = TokenEndpointResponse & TokenEndpointResponseHelpers;

/** One configured provider: how to reach it and how to read who signed in. */
interface ProviderDefinition {
  readonly id: string;
  readonly label: string;
  /** OpenID Connect providers issue an ID token, which carries the flow's nonce. */
  readonly openId: boolean;
  readonly scope: string;
  configure(): Promise<Configuration>;
  claims(config: Configuration, tokens: Tokens): Promise<ExternalClaims>;
}

/** Seconds openid-client waits for a provider's answer. */
const PROVIDER_TIMEOUT_SECONDS = 10;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/** `email_verified` is a boolean by the standard; some providers send the string "true". */
function verified(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * The client authentication the provider's metadata asks for: `client_secret_basic` unless it only
 * supports `client_secret_post` (RFC 8414: basic is the default), and `none` without a secret
 * (a public client, protected by PKCE alone).
 */
function clientAuthentication(secret: string | null): ClientAuth {
  if (secret === null) return None();
  const basic = ClientSecretBasic(secret);
  const post = ClientSecretPost(secret);
  return (server, client, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const usePost =
      supported !== undefined &&
      !supported.includes('client_secret_basic') &&
      supported.includes('client_secret_post');
    (usePost ? post : basic)(server, client, body, headers);
  };
}

/**
 * Spotify's documented client authentication: `Basic base64(client_id:client_secret)` with the
 * values as they are (not form-encoded first as RFC 6749 would have it; Spotify's ids and secrets
 * are hex, so both agree in practice).
 */
function spotifyClientAuthentication(secret: string | null): ClientAuth {
  if (secret === null) return None();
  return (_server, client, _body, headers) => {
    headers.set('authorization', `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString('base64')}`);
  };
}

/** Whether an error (or one of its causes) is openid-client's check of the ID token's nonce. */
function isNonceMismatch(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ((current as { claim?: unknown }).claim === 'nonce') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Whether the request never got an answer: refused, reset, unresolvable or timed out. */
function isUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    const code = (current as { code?: unknown }).code;
    if (
      code === 'OAUTH_TIMEOUT' ||
      code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'ECONNRESET'
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Why a provider exchange failed, in words that carry no token, code or secret. */
function describeFailure(error: unknown): string {
  if (error instanceof ResponseBodyError) return `the provider answered ${error.status} ${error.error}`;
  if (error instanceof AuthorizationResponseError) return `the provider answered ${error.error}`;
  if (isUnreachable(error)) return 'the provider could not be reached';
  if (error instanceof ClientError) return `${error.message} (${error.code ?? 'OAUTH_ERROR'})`;
  return 'unexpected error';
}

/**
 * {@link OidcSignIn} through openid-client: the generic OpenID Connect provider (discovered from
 * AUTH_OIDC_ISSUER; ID token with nonce, then userinfo) and Spotify (OAuth 2.0 with static
 * metadata; the profile from the Web API's /v1/me). Authorization code flow with PKCE (S256);
 * state, nonce and code verifier wait in Redis for the callback and work once.
 */
export class OpenIdSignIn implements OidcSignIn, OnModuleDestroy {
  private readonly logger = new Logger(OpenIdSignIn.name);
  private readonly definitions: ReadonlyMap<string, ProviderDefinition>;
  private readonly configurations = new Map<string, Promise<Configuration>>();
  private readonly flows: OidcFlowStore;
  private redis: Redis | undefined;

  constructor(private readonly settings: OidcSettings) {
    const definitions = new Map<string, ProviderDefinition>();
    const generic = this.genericProvider();
    if (generic !== null) definitions.set(generic.id, generic);
    const spotify = this.spotifyProvider();
    if (spotify !== null) definitions.set(spotify.id, spotify);
    this.definitions = definitions;
    this.flows = new OidcFlowStore(() => this.connection(), settings.queuePrefix);
  }

  providers(): readonly AuthProvider[] {
    return [...this.definitions.values()].map(({ id, label }) => ({ id, label }));
  }

  /** The redirect URI registered at every provider for `provider`. */
  redirectUri(provider: string): string {
    if (this.settings.publicUrl === null) {
      throw new Error('OIDC sign-in needs PUBLIC_URL (it runs in the api)');
    }
    return `${this.settings.publicUrl}/api/v1/auth/oidc/${encodeURIComponent(provider)}/callback`;
  }

  async start(provider: string, intent: OidcFlowIntent): Promise<{ readonly redirectUrl: string }> {
    const definition = this.definition(provider);
    if (!(CONSOLES as readonly string[]).includes(intent.console)) {
      throw new TypeError(`"${intent.console}" is not a console`);
    }
    const config = await this.configuration(definition);
    const codeVerifier = randomPKCECodeVerifier();
    const state = randomState();
    const nonce = definition.openId ? randomNonce() : null;
    await this.flows.save(state, { provider, codeVerifier, nonce, intent });
    const url = buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider),
      response_type: 'code',
      scope: definition.scope,
      state,
      code_challenge: await calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(nonce === null ? {} : { nonce }),
    });
    return { redirectUrl: url.href };
  }

  async complete(
    provider: string,
    callbackUrl: URL,
  ): Promise<{ readonly claims: ExternalClaims; readonly intent: OidcFlowIntent }> {
    const definition = this.definition(provider);
    const state = callbackUrl.searchParams.get('state');
    if (!isWellFormedState(state)) throw new OidcStateMismatch();
    const flow = await this.flows.take(state);
    if (flow === null || flow.provider !== provider) throw new OidcStateMismatch();
    const error = callbackUrl.searchParams.get('error');
    if (error === 'access_denied') throw new OidcAccessDenied();
    if (error !== null)
      throw new OidcFailed(`the provider answered ${error.replace(/[^a-z_]/g, '').slice(0, 40)}`);
    // The provider checks the redirect URI against the registered one, so it is rebuilt from
    // PUBLIC_URL rather than taken from the request (a proxy may have changed host or scheme).
    const current = new URL(this.redirectUri(provider));
    for (const [name, value] of callbackUrl.searchParams) current.searchParams.append(name, value);
    try {
      const config = await this.configuration(definition);
      const tokens = await authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        ...(flow.nonce === null ? {} : { expectedNonce: flow.nonce }),
      });
      return { claims: await definition.claims(config, tokens), intent: flow.intent };
    } catch (failure) {
      throw this.translate(provider, failure);
    }
  }

  async peekIntent(state: string): Promise<OidcFlowIntent | null> {
    if (!isWellFormedState(state)) return null;
    return (await this.flows.peek(state))?.intent ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (redis !== undefined) await redis.quit().catch(() => redis.disconnect());
  }

  private definition(provider: string): ProviderDefinition {
    const definition = this.definitions.get(provider);
    if (definition === undefined) throw new OidcProviderUnknown(provider);
    return definition;
  }

  private connection(): Redis {
    if (this.redis === undefined) {
      // Fail a request quickly while Redis is away rather than queue it until it returns; the
      // readiness check reports the outage, so the reconnection attempts are not logged here.
      const redis = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
      redis.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
      this.redis = redis;
    }
    return this.redis;
  }

  /** The provider's openid-client configuration, discovered once (again after a failure). */
  private configuration(definition: ProviderDefinition): Promise<Configuration> {
    let configuration = this.configurations.get(definition.id);
    if (configuration === undefined) {
      configuration = definition.configure().catch((error: unknown) => {
        this.configurations.delete(definition.id);
        throw this.translate(definition.id, error);
      });
      this.configurations.set(definition.id, configuration);
    }
    return configuration;
  }

  private translate(provider: string, error: unknown): IdentityError {
    if (error instanceof IdentityError) return error;
    if (isNonceMismatch(error)) return new OidcNonceMismatch();
    if (error instanceof AuthorizationResponseError && error.error === 'access_denied')
      return new OidcAccessDenied();
    const reason = describeFailure(error);
    this.logger.warn(`Sign-in with ${provider} failed: ${reason}`);
    return new OidcFailed(reason);
  }

  private insecure(url: string): boolean {
    return insecureHttpAllowed(url, this.settings.production);
  }

  private genericProvider(): ProviderDefinition | null {
    const settings = this.settings.oidc;
    if (settings === null) return null;
    return {
      id: 'oidc',
      label: settings.label,
      openId: true,
      scope: 'openid email profile',
      configure: async () => {
        const config = await discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret ?? undefined,
          clientAuthentication(settings.clientSecret),
          {
            timeout: PROVIDER_TIMEOUT_SECONDS,
            ...(this.insecure(settings.issuer) ? { execute: [allowInsecureRequests] } : {}),
          },
        );
        config.timeout = PROVIDER_TIMEOUT_SECONDS;
        return config;
      },
      claims: async (config, tokens) => {
        const idToken: IDToken | undefined = tokens.claims();
        if (idToken === undefined) throw new OidcFailed('the provider sent no ID token');
        let userInfo: UserInfoResponse | null = null;
        if (config.serverMetadata().userinfo_endpoint !== undefined) {
          userInfo = await fetchUserInfo(config, tokens.access_token, idToken.sub);
        }
        const claims: Record<string, unknown> = { ...idToken, ...(userInfo ?? {}) };
        const email = text(claims['email']);
        return {
          provider: 'oidc',
          subject: idToken.sub,
          email,
          emailVerified: email !== null && verified(claims['email_verified']),
          name: text(claims['name']) ?? text(claims['preferred_username']) ?? text(claims['nickname']),
        };
      },
    };
  }

  private spotifyProvider(): ProviderDefinition | null {
    const settings = this.settings.spotify;
    if (settings === null) return null;
    return {
      id: 'spotify',
      label: 'Spotify',
      openId: false,
      scope: 'user-read-email user-read-private',
      // Spotify's accounts service is OAuth 2.0 without discovery: its endpoints are fixed.
      configure: () => {
        const config = new Configuration(
          {
            issuer: settings.accountsUrl,
            authorization_endpoint: `${settings.accountsUrl}/authorize`,
            token_endpoint: `${settings.accountsUrl}/api/token`,
          },
          settings.clientId,
          settings.clientSecret ?? undefined,
          spotifyClientAuthentication(settings.clientSecret),
        );
        config.timeout = PROVIDER_TIMEOUT_SECONDS;
        if (this.insecure(settings.accountsUrl) || this.insecure(settings.apiUrl))
          allowInsecureRequests(config);
        return Promise.resolve(config);
      },
      claims: async (config, tokens) => {
        const response = await fetchProtectedResource(
          config,
          tokens.access_token,
          new URL(`${settings.apiUrl}/v1/me`),
          'GET',
        );
        if (!response.ok) throw new OidcFailed(`Spotify's profile answered ${response.status}`);
        const profile = (await response.json()) as Record<string, unknown>;
        const subject = text(profile['id']);
        if (subject === null) throw new OidcFailed("Spotify's profile carries no user id");
        const email = text(profile['email']);
        // Spotify does not say whether it verified the address, so it never counts as verified.
        return {
          provider: 'spotify',
          subject,
          email,
          emailVerified: false,
          name: text(profile['display_name']),
        };
      },
    };
  }
}
