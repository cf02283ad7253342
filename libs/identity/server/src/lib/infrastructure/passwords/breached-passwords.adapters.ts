import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type BreachedPasswords } from '../../ports/passwords.port';
import { normalisePassword } from './argon2id-password.hasher';
import { COMMON_PASSWORDS } from './common-passwords.list';

/** BREACHED_PASSWORDS=off: no password counts as breached (the length and e-mail rules still apply). */
export class NoBreachedPasswords implements BreachedPasswords {
  isBreached(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

/**
 * BREACHED_PASSWORDS=list: the bundled list of the most common passwords from breaches
 * ({@link COMMON_PASSWORDS}), compared case-insensitively as the list is lower-cased.
 */
export class BundledBreachedPasswords implements BreachedPasswords {
  private readonly passwords: ReadonlySet<string>;

  constructor(list: string = COMMON_PASSWORDS) {
    this.passwords = new Set(list.split('\n').filter((line) => line.length > 0));
  }

  /** How many passwords the list holds. */
  get size(): number {
    return this.passwords.size;
  }

  isBreached(password: string): Promise<boolean> {
    return Promise.resolve(this.passwords.has(normalisePassword(password).toLowerCase()));
  }
}

/** Options of {@link HibpBreachedPasswords}. */
export interface HibpOptions {
  /** `HIBP_API_URL`, e.g. https://api.pwnedpasswords.com. */
  readonly apiUrl: string;
  /** Used when the API cannot be asked; the bundled list by default. */
  readonly fallback?: BreachedPasswords;
  /** Per request, 3 s by default: sign-up must not hang on a slow third party. */
  readonly timeoutMs?: number;
}

const SUFFIX_LINE = /^([0-9A-F]{35}):(\d+)$/;

/**
 * BREACHED_PASSWORDS=hibp: Have I Been Pwned's range API with k-anonymity. Only the first five hex
 * digits of the password's SHA-1 leave the process; the answer lists every known suffix of that
 * range with its count, padded (`Add-Padding: true`) with count-0 entries so that the response size
 * does not give the range away. When the API fails or times out, the bundled list answers instead
 * and a warning is logged.
 */
export class HibpBreachedPasswords implements BreachedPasswords {
  private readonly logger = new Logger(HibpBreachedPasswords.name);
  private readonly fallback: BreachedPasswords;
  private readonly timeoutMs: number;

  constructor(private readonly options: HibpOptions) {
    this.fallback = options.fallback ?? new BundledBreachedPasswords();
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  async isBreached(password: string): Promise<boolean> {
    const sha1 = createHash('sha1').update(normalisePassword(password), 'utf8').digest('hex').toUpperCase();
    const prefix = sha1.slice(0, 5);
    const suffix = sha1.slice(5);
    let counts: ReadonlyMap<string, number>;
    try {
      counts = await this.range(prefix);
    } catch (error) {
      this.logger.warn(
        `Have I Been Pwned could not be asked (${error instanceof Error ? error.message : String(error)}); the bundled list of breached passwords answered instead`,
      );
      return this.fallback.isBreached(password);
    }
    return (counts.get(suffix) ?? 0) > 0;
  }

  private async range(prefix: string): Promise<ReadonlyMap<string, number>> {
    const url = new URL(
      `range/${prefix}`,
      this.options.apiUrl.endsWith('/') ? this.options.apiUrl : `${this.options.apiUrl}/`,
    );
    const response = await fetch(url, {
      headers: { 'Add-Padding': 'true', 'User-Agent': 'Bandstand', Accept: 'text/plain' },
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`GET ${url.href} answered ${response.status}`);
    const counts = new Map<string, number>();
    for (const raw of (await response.text()).split('\n')) {
      const line = raw.trim();
      if (line.length === 0) continue;
      const match = SUFFIX_LINE.exec(line.toUpperCase());
      if (!match?.[1] || match[2] === undefined)
        throw new Error(`GET ${url.href} answered a line that is not SUFFIX:COUNT`);
      counts.set(match[1], Number(match[2]));
    }
    if (counts.size === 0) throw new Error(`GET ${url.href} answered no suffixes`);
    return counts;
  }
}
