import { setTimeout as sleep } from 'node:timers/promises';
import { type SiweChallenge, type SiweSubmission } from '@bandstand/identity/contracts';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { type HDNodeWallet, Wallet } from 'ethers';
import { IdentityRedis } from '../rate-limit/identity-redis.provider';
import { formatSiweMessage, type SiweMessage } from './siwe-message';
import { SiweNonceStore, type SiwePurpose } from './siwe-nonce.store';
import { SIWE_STATEMENTS, SiweService } from './siwe.service';

const PUBLIC_URL = 'https://bandstand.example.org';

describe('SiweService (real Redis, real signatures)', () => {
  const url = testRedisUrl();
  const prefix = testQueuePrefix();
  const redis = new IdentityRedis({ REDIS_URL: url, QUEUE_PREFIX: prefix });
  const nonces = new SiweNonceStore(redis);
  const siwe = new SiweService(nonces, { publicUrl: PUBLIC_URL, chainIds: [1, 8453] });
  let wallet: HDNodeWallet;
  let stranger: HDNodeWallet;

  beforeAll(() => {
    wallet = Wallet.createRandom();
    stranger = Wallet.createRandom();
  });
  afterAll(async () => {
    await redis.onModuleDestroy();
    await removeRedisKeys(url, prefix);
  });

  /** The message a console builds from a challenge, with `changes`. */
  function messageFor(challenge: SiweChallenge, changes: Partial<SiweMessage> = {}): SiweMessage {
    return {
      scheme: null,
      domain: challenge.domain,
      address: wallet.address,
      statement: challenge.statement,
      uri: challenge.uri,
      version: '1',
      chainId: challenge.chainIds[1] ?? 1,
      nonce: challenge.nonce,
      issuedAt: challenge.issuedAt,
      expirationTime: challenge.expirationTime,
      notBefore: null,
      requestId: null,
      resources: null,
      ...changes,
    };
  }

  async function signed(message: SiweMessage, signer: HDNodeWallet = wallet): Promise<SiweSubmission> {
    const text = formatSiweMessage(message);
    return { message: text, signature: await signer.signMessage(text) };
  }

  async function fresh(purpose: SiwePurpose, changes: Partial<SiweMessage> = {}): Promise<SiweSubmission> {
    return signed(messageFor(await siwe.challenge(purpose), changes));
  }

  async function refusal(
    attempt: Promise<unknown>,
  ): Promise<{ code: string; field: string; status: number }> {
    const error: unknown = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error === undefined) throw new Error('The message was accepted');
    return error as { code: string; field: string; status: number };
  }

  it('issues challenges for PUBLIC_URL with a single-use nonce that expires in 5 minutes', async () => {
    const challenge = await siwe.challenge('link');
    expect(challenge).toEqual({
      nonce: expect.stringMatching(/^[A-Za-z0-9]{16,}$/) as unknown,
      domain: 'bandstand.example.org',
      uri: 'https://bandstand.example.org',
      statement: 'Link this wallet to your Bandstand account.',
      version: '1',
      chainIds: [1, 8453],
      issuedAt: expect.any(String) as unknown,
      expirationTime: expect.any(String) as unknown,
    });
    expect(Date.parse(challenge.expirationTime) - Date.parse(challenge.issuedAt)).toBe(5 * 60_000);
    expect((await siwe.challenge('sign-in')).statement).toBe(SIWE_STATEMENTS['sign-in']);
    const key = `${prefix}:siwe:${challenge.nonce}`;
    await expect(redis.redis.get(key)).resolves.toBe('link');
    const ttl = await redis.redis.pttl(key);
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    expect((await siwe.challenge('link')).nonce).not.toBe(challenge.nonce);
  });

  it('verifies a message signed by its address, for the purpose its nonce was issued for', async () => {
    await expect(siwe.verify(await fresh('sign-in'), 'sign-in')).resolves.toEqual({
      address: wallet.address,
      chainId: 8453,
    });
    await expect(siwe.verify(await fresh('link', { chainId: 1, scheme: 'https' }), 'link')).resolves.toEqual({
      address: wallet.address,
      chainId: 1,
    });
  });

  it('refuses a replayed message: the nonce is used', async () => {
    const submission = await fresh('sign-in');
    await siwe.verify(submission, 'sign-in');
    await expect(refusal(siwe.verify(submission, 'sign-in'))).resolves.toMatchObject({
      code: 'IDENTITY.SIWE_NONCE_INVALID',
      field: 'message',
      status: 422,
    });
  });

  it('refuses an unknown nonce and one issued for the other purpose', async () => {
    const challenge = await siwe.challenge('sign-in');
    const unknown = await signed(messageFor(challenge, { nonce: 'Z'.repeat(20) }));
    expect((await refusal(siwe.verify(unknown, 'sign-in'))).code).toBe('IDENTITY.SIWE_NONCE_INVALID');
    const forLinking = await fresh('link');
    expect((await refusal(siwe.verify(forLinking, 'sign-in'))).code).toBe('IDENTITY.SIWE_NONCE_INVALID');
  });

  it('refuses an expired nonce', async () => {
    const shortLived = new SiweService(new SiweNonceStore(redis, 100), {
      publicUrl: PUBLIC_URL,
      chainIds: [1],
    });
    const challenge = await shortLived.challenge('sign-in');
    const submission = await signed(messageFor(challenge, { chainId: 1, expirationTime: null }));
    await sleep(250);
    expect((await refusal(shortLived.verify(submission, 'sign-in'))).code).toBe(
      'IDENTITY.SIWE_NONCE_INVALID',
    );
  });

  it('refuses another domain or scheme', async () => {
    for (const changes of [
      { domain: 'evil.example' },
      { domain: 'bandstand.example.org:8443' },
      { scheme: 'http' },
    ]) {
      await expect(refusal(siwe.verify(await fresh('sign-in', changes), 'sign-in'))).resolves.toMatchObject({
        code: 'IDENTITY.SIWE_DOMAIN_MISMATCH',
        field: 'message',
      });
    }
  });

  it('refuses a URI on another origin', async () => {
    for (const uri of [
      'https://evil.example',
      'http://bandstand.example.org',
      'https://bandstand.example.org:444/x',
    ]) {
      expect((await refusal(siwe.verify(await fresh('sign-in', { uri }), 'sign-in'))).code).toBe(
        'IDENTITY.SIWE_URI_MISMATCH',
      );
    }
    await expect(
      siwe.verify(await fresh('sign-in', { uri: `${PUBLIC_URL}/fan/sign-in` }), 'sign-in'),
    ).resolves.toBeDefined();
  });

  it('refuses a chain not in AUTH_SIWE_CHAIN_IDS', async () => {
    expect((await refusal(siwe.verify(await fresh('sign-in', { chainId: 137 }), 'sign-in'))).code).toBe(
      'IDENTITY.SIWE_CHAIN_NOT_ALLOWED',
    );
  });

  it('refuses an expired message, one not valid yet, and one issued in the future', async () => {
    const past = new Date(Date.now() - 1_000).toISOString();
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    for (const changes of [
      { expirationTime: past },
      { notBefore: future },
      { issuedAt: future, expirationTime: null },
    ]) {
      expect((await refusal(siwe.verify(await fresh('sign-in', changes), 'sign-in'))).code).toBe(
        'IDENTITY.SIWE_EXPIRED',
      );
    }
  });

  it('refuses a signature from another key, a tampered message and a malformed signature', async () => {
    const challenge = await siwe.challenge('sign-in');
    const byStranger = await signed(messageFor(challenge), stranger);
    await expect(refusal(siwe.verify(byStranger, 'sign-in'))).resolves.toMatchObject({
      code: 'IDENTITY.SIWE_SIGNATURE_INVALID',
      field: 'signature',
    });

    const genuine = await fresh('sign-in');
    const tampered = {
      ...genuine,
      message: genuine.message.replace('Sign in to Bandstand.', 'Sign in to Bandstand now.'),
    };
    expect((await refusal(siwe.verify(tampered, 'sign-in'))).code).toBe('IDENTITY.SIWE_SIGNATURE_INVALID');

    // A message naming the stranger's own address, signed by the stranger, is fine: the check is
    // the pairing of message address and signer, not the key.
    const own = messageFor(await siwe.challenge('sign-in'), { address: stranger.address });
    await expect(siwe.verify(await signed(own, stranger), 'sign-in')).resolves.toMatchObject({
      address: stranger.address,
    });

    for (const signature of ['0x', '0x1234', `0x${'00'.repeat(65)}`, 'not hex']) {
      const submission = { ...(await fresh('sign-in')), signature };
      expect((await refusal(siwe.verify(submission, 'sign-in'))).code).toBe(
        'IDENTITY.SIWE_SIGNATURE_INVALID',
      );
    }
  });

  it('burns the nonce on a failed attempt, so that it cannot be retried', async () => {
    const challenge = await siwe.challenge('sign-in');
    const message = messageFor(challenge);
    const badSignature = await signed(message, stranger);
    expect((await refusal(siwe.verify(badSignature, 'sign-in'))).code).toBe(
      'IDENTITY.SIWE_SIGNATURE_INVALID',
    );
    expect((await refusal(siwe.verify(await signed(message), 'sign-in'))).code).toBe(
      'IDENTITY.SIWE_NONCE_INVALID',
    );

    const other = await siwe.challenge('sign-in');
    const wrongDomain = await signed(messageFor(other, { domain: 'evil.example' }));
    expect((await refusal(siwe.verify(wrongDomain, 'sign-in'))).code).toBe('IDENTITY.SIWE_DOMAIN_MISMATCH');
    expect((await refusal(siwe.verify(await signed(messageFor(other)), 'sign-in'))).code).toBe(
      'IDENTITY.SIWE_NONCE_INVALID',
    );
  });

  it('lets only one of two racing requests with one nonce through', async () => {
    const submission = await fresh('sign-in');
    const outcomes = await Promise.allSettled([
      siwe.verify(submission, 'sign-in'),
      siwe.verify(submission, 'sign-in'),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses a malformed message before touching any nonce', async () => {
    await expect(
      refusal(siwe.verify({ message: 'hello', signature: '0x' }, 'sign-in')),
    ).resolves.toMatchObject({
      code: 'IDENTITY.SIWE_MESSAGE_MALFORMED',
      field: 'message',
      status: 400,
    });
  });

  it('cannot be used without PUBLIC_URL (the worker)', async () => {
    const inWorker = new SiweService(nonces, { publicUrl: undefined, chainIds: [1] });
    await expect(inWorker.challenge('sign-in')).rejects.toThrow(/PUBLIC_URL/);
  });
});
