import { randomInt } from 'node:crypto';
import { type IdentityRedis } from '../rate-limit/identity-redis.provider';

/** What a SIWE nonce was issued for: signing in, or linking a wallet to the signed-in account. */
export type SiwePurpose = 'sign-in' | 'link';

/** How long a nonce can be used: 5 minutes. */
export const SIWE_NONCE_TTL_MS = 5 * 60_000;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 20 letters and digits: about 119 bits. */
const NONCE_LENGTH = 20;
const NONCE = /^[A-Za-z0-9]{8,128}$/;

/**
 * Single-use SIWE nonces in Redis (`<prefix>:siwe:<nonce>` → purpose, with a TTL), shared by all
 * replicas; consumed with GETDEL, so two requests racing with one nonce cannot both succeed.
 */
export class SiweNonceStore {
  constructor(
    private readonly redis: IdentityRedis,
    readonly ttlMs: number = SIWE_NONCE_TTL_MS,
  ) {}

  /** A fresh nonce for `purpose`, valid for {@link ttlMs}. */
  async issue(purpose: SiwePurpose): Promise<string> {
    let nonce = '';
    for (let i = 0; i < NONCE_LENGTH; i++) nonce += ALPHABET[randomInt(ALPHABET.length)] ?? '';
    await this.redis.redis.set(this.redis.key('siwe', nonce), purpose, 'PX', this.ttlMs);
    return nonce;
  }

  /** The purpose the nonce was issued for, and it is gone; null when unknown, used or expired. */
  async consume(nonce: string): Promise<SiwePurpose | null> {
    if (!NONCE.test(nonce)) return null;
    const purpose = await this.redis.redis.getdel(this.redis.key('siwe', nonce));
    return purpose === 'sign-in' || purpose === 'link' ? purpose : null;
  }
}
