import {
  IDENTITY_ERROR_CODES,
  type IdentityErrorCodeValue,
  type SiweChallenge,
  type SiweSubmission,
} from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { verifyMessage } from 'ethers';
import { type SiweVerifier, type VerifiedSiwe } from '../../ports/siwe.port';
import { parseRfc3339, parseSiweMessage } from './siwe-message';
import { type SiweNonceStore, type SiwePurpose } from './siwe-nonce.store';

/** The statement the consoles put into the message, per purpose (what the wallet shows). */
export const SIWE_STATEMENTS: Readonly<Record<SiwePurpose, string>> = {
  'sign-in': 'Sign in to Bandstand.',
  link: 'Link this wallet to your Bandstand account.',
};

/** How far in the future a client's clock may put Issued At and Not Before. */
export const SIWE_CLOCK_TOLERANCE_MS = 60_000;

const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;

/** What {@link SiweService} checks messages against. */
export interface SiweSettings {
  /** The api's PUBLIC_URL; absent in the worker, which never verifies SIWE messages. */
  readonly publicUrl: string | undefined;
  /** AUTH_SIWE_CHAIN_IDS. */
  readonly chainIds: readonly number[];
  /** The clock; tests move it. */
  readonly now?: () => Date;
}

// 422, not 401: a refused message must not look to the console like an ended session.
function refused(
  code: IdentityErrorCodeValue,
  message: string,
  field: 'message' | 'signature',
): IdentityError {
  return new IdentityError(code, message, { status: 422, field });
}

/**
 * Sign-In with Ethereum (EIP-4361): challenges with single-use nonces, and verification of the
 * signed message against PUBLIC_URL, the allowed chains, its times, the nonce and the signature
 * (ethers, personal_sign; contract wallets under EIP-1271 are not supported).
 */
export class SiweService implements SiweVerifier {
  private readonly site: URL | null;
  private readonly now: () => Date;

  constructor(
    private readonly nonces: SiweNonceStore,
    private readonly settings: SiweSettings,
  ) {
    this.site = settings.publicUrl === undefined ? null : new URL(settings.publicUrl);
    this.now = settings.now ?? (() => new Date());
  }

  async challenge(purpose: SiwePurpose): Promise<SiweChallenge> {
    const site = this.requireSite();
    const nonce = await this.nonces.issue(purpose);
    const issuedAt = this.now();
    return {
      nonce,
      domain: site.host,
      uri: site.origin,
      statement: SIWE_STATEMENTS[purpose],
      version: '1',
      chainIds: [...this.settings.chainIds],
      issuedAt: issuedAt.toISOString(),
      expirationTime: new Date(issuedAt.getTime() + this.nonces.ttlMs).toISOString(),
    };
  }

  async verify(submission: SiweSubmission, purpose: SiwePurpose): Promise<VerifiedSiwe> {
    const site = this.requireSite();
    const message = parseSiweMessage(submission.message);
    // Consumed before any other check, so that a nonce is good for one attempt, failed or not.
    const nonceIssuedFor = await this.nonces.consume(message.nonce);

    const schemeMatches = message.scheme === null || `${message.scheme.toLowerCase()}:` === site.protocol;
    if (message.domain.toLowerCase() !== site.host || !schemeMatches) {
      throw refused(
        IDENTITY_ERROR_CODES.siweDomainMismatch,
        `The message is for ${message.domain}, not ${site.host}`,
        'message',
      );
    }
    if (new URL(message.uri).origin !== site.origin) {
      throw refused(
        IDENTITY_ERROR_CODES.siweUriMismatch,
        `The message's URI is not on ${site.origin}`,
        'message',
      );
    }
    if (!this.settings.chainIds.includes(message.chainId)) {
      throw refused(
        IDENTITY_ERROR_CODES.siweChainNotAllowed,
        `Chain ${message.chainId} is not accepted; use one of ${this.settings.chainIds.join(', ')}`,
        'message',
      );
    }
    this.checkTimes(message.issuedAt, message.expirationTime, message.notBefore);
    if (nonceIssuedFor !== purpose) {
      throw refused(
        IDENTITY_ERROR_CODES.siweNonceInvalid,
        'The nonce is unknown, used or expired: ask for a new one',
        'message',
      );
    }
    if (!SIGNATURE.test(submission.signature) || this.signer(submission) !== message.address) {
      throw refused(
        IDENTITY_ERROR_CODES.siweSignatureInvalid,
        'The signature is not from this address',
        'signature',
      );
    }
    return { address: message.address, chainId: message.chainId };
  }

  private checkTimes(issuedAt: string, expirationTime: string | null, notBefore: string | null): void {
    const now = this.now().getTime();
    const expired = (why: string): IdentityError => refused(IDENTITY_ERROR_CODES.siweExpired, why, 'message');
    if ((parseRfc3339(issuedAt)?.getTime() ?? 0) > now + SIWE_CLOCK_TOLERANCE_MS) {
      throw expired('The message was issued in the future: check the clock');
    }
    if (expirationTime !== null && (parseRfc3339(expirationTime)?.getTime() ?? 0) <= now) {
      throw expired('The message has expired: sign a new one');
    }
    if (notBefore !== null && (parseRfc3339(notBefore)?.getTime() ?? 0) > now + SIWE_CLOCK_TOLERANCE_MS) {
      throw expired('The message is not valid yet');
    }
  }

  private signer(submission: SiweSubmission): string | null {
    try {
      return verifyMessage(submission.message, submission.signature);
    } catch {
      return null;
    }
  }

  private requireSite(): URL {
    if (this.site === null)
      throw new Error('Sign-In with Ethereum needs PUBLIC_URL: it runs in the api only');
    return this.site;
  }
}
