import { type CommonConfig } from '@bandstand/shared/config';

/** The generic OpenID Connect provider (AUTH_OIDC_*): discovered from its issuer. */
export interface GenericOidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly label: string;
}

/** Spotify's accounts service (OAuth 2.0) and Web API (AUTH_SPOTIFY_*). */
export interface SpotifySettings {
  readonly accountsUrl: string;
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
}

/** What the OIDC sign-in needs of the process's configuration. */
export interface OidcSettings {
  /** Base of the redirect URIs; null in a process without PUBLIC_URL (the worker), which runs no flows. */
  readonly publicUrl: string | null;
  readonly redisUrl: string;
  /** Flow state lives under `<queuePrefix>:oidc:`. */
  readonly queuePrefix: string;
  /** Whether openid-client may talk to providers over plain http (see {@link insecureHttpAllowed}). */
  readonly production: boolean;
  readonly oidc: GenericOidcSettings | null;
  readonly spotify: SpotifySettings | null;
}

/** The configuration the settings are read from: every process's, plus the api's PUBLIC_URL. */
export type OidcConfig = Pick<
  CommonConfig,
  | 'NODE_ENV'
  | 'REDIS_URL'
  | 'QUEUE_PREFIX'
  | 'AUTH_OIDC_ISSUER'
  | 'AUTH_OIDC_CLIENT_ID'
  | 'AUTH_OIDC_CLIENT_SECRET'
  | 'AUTH_OIDC_LABEL'
  | 'AUTH_SPOTIFY_CLIENT_ID'
  | 'AUTH_SPOTIFY_CLIENT_SECRET'
  | 'AUTH_SPOTIFY_ACCOUNTS_URL'
  | 'AUTH_SPOTIFY_API_URL'
> & { readonly PUBLIC_URL?: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Plain http to a provider is allowed outside production, and in production only to a loopback
 * address (a provider on the same machine, as the end-to-end tests run one): elsewhere tokens and
 * codes would cross the network in clear.
 */
export function insecureHttpAllowed(url: string, production: boolean): boolean {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') return false;
  return !production || LOOPBACK_HOSTS.has(parsed.hostname);
}

function requireSecure(variable: string, url: string, production: boolean): void {
  if (new URL(url).protocol === 'http:' && !insecureHttpAllowed(url, production)) {
    throw new Error(`${variable} must be an https URL in production (it is ${new URL(url).origin})`);
  }
}

/**
 * Reads the providers from the configuration: a provider is configured when its client id is set
 * (the generic one also needs its issuer). Throws at start-up when production would talk to a
 * provider over plain http.
 */
export function oidcSettingsFrom(config: OidcConfig): OidcSettings {
  const production = config.NODE_ENV === 'production';
  const oidc =
    config.AUTH_OIDC_ISSUER !== undefined && config.AUTH_OIDC_CLIENT_ID !== undefined
      ? {
          issuer: config.AUTH_OIDC_ISSUER,
          clientId: config.AUTH_OIDC_CLIENT_ID,
          clientSecret: config.AUTH_OIDC_CLIENT_SECRET ?? null,
          label: config.AUTH_OIDC_LABEL,
        }
      : null;
  const spotify =
    config.AUTH_SPOTIFY_CLIENT_ID !== undefined
      ? {
          accountsUrl: config.AUTH_SPOTIFY_ACCOUNTS_URL.replace(/\/+$/, ''),
          apiUrl: config.AUTH_SPOTIFY_API_URL.replace(/\/+$/, ''),
          clientId: config.AUTH_SPOTIFY_CLIENT_ID,
          clientSecret: config.AUTH_SPOTIFY_CLIENT_SECRET ?? null,
        }
      : null;
  if (oidc !== null) requireSecure('AUTH_OIDC_ISSUER', oidc.issuer, production);
  if (spotify !== null) {
    requireSecure('AUTH_SPOTIFY_ACCOUNTS_URL', spotify.accountsUrl, production);
    requireSecure('AUTH_SPOTIFY_API_URL', spotify.apiUrl, production);
  }
  return {
    publicUrl: config.PUBLIC_URL === undefined ? null : config.PUBLIC_URL.replace(/\/+$/, ''),
    redisUrl: config.REDIS_URL,
    queuePrefix: config.QUEUE_PREFIX,
    production,
    oidc,
    spotify,
  };
}
