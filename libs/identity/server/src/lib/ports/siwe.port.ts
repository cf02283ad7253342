import { type SiweChallenge, type SiweSubmission } from '@bandstand/identity/contracts';

/** A verified Sign-In with Ethereum message. */
export interface VerifiedSiwe {
  /** EIP-55 checksummed address that signed. */
  readonly address: string;
  readonly chainId: number;
}

/**
 * EIP-4361: issues single-use expiring nonces (Redis) and verifies signed messages: syntax,
 * domain and URI against PUBLIC_URL, chain against AUTH_SIWE_CHAIN_IDS, nonce issued for this
 * purpose and not used (consumed atomically), times, and the signature (ethers). Throws
 * IdentityError `IDENTITY.SIWE_*` naming the field (`message` or `signature`).
 */
export interface SiweVerifier {
  challenge(purpose: 'sign-in' | 'link'): Promise<SiweChallenge>;
  verify(submission: SiweSubmission, purpose: 'sign-in' | 'link'): Promise<VerifiedSiwe>;
}
export const SIWE_VERIFIER = Symbol('SIWE_VERIFIER');
