import { type ConsoleName } from '@bandstand/identity/contracts';
import { type ApiConfig, type CommonConfig } from '@bandstand/shared/config';
import { refreshCookieSecure } from '../../infrastructure/tokens/refresh-token';

/**
 * What the accounts area reads of the process's config. PUBLIC_URL exists in the api only: the
 * worker never sends links or sets cookies.
 */
export type AccountsConfig = Pick<CommonConfig, 'AUTH_REFRESH_TOKEN_TTL_DAYS' | 'PERSONAL_DATA_KEY'> &
  Partial<Pick<ApiConfig, 'PUBLIC_URL'>>;

/** How long a session lives without a refresh, in seconds (also the refresh cookie's Max-Age). */
export function refreshTtlSeconds(config: AccountsConfig): number {
  return config.AUTH_REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60;
}

/** The api's PUBLIC_URL without a trailing slash; fails where there is none (the worker). */
export function publicUrlOf(config: AccountsConfig): string {
  if (config.PUBLIC_URL === undefined)
    throw new Error('Links and cookies are made by the api, which knows PUBLIC_URL');
  return config.PUBLIC_URL.replace(/\/+$/, '');
}

/** Whether the refresh cookie is `Secure` (PUBLIC_URL is https). */
export function secureCookies(config: AccountsConfig): boolean {
  return config.PUBLIC_URL !== undefined && refreshCookieSecure(config.PUBLIC_URL);
}

/** A link into a console page carrying a mailed token: `${PUBLIC_URL}/<console>/<page>?token=…`. */
export function consoleLink(
  config: AccountsConfig,
  console: ConsoleName,
  page: string,
  token: string,
): string {
  return `${publicUrlOf(config)}/${console}/${page}?token=${encodeURIComponent(token)}`;
}
