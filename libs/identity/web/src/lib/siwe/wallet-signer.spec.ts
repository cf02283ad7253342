import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTH_PATH, type SiweChallenge } from '@bandstand/identity/contracts';
import { verifyMessage } from 'ethers';
import { identityTestingProviders, nextRequest } from '../testing/identity-fixtures';
import { TestWalletProvider } from '../testing/test-wallet';
import { ETHEREUM } from './ethereum';
import { WalletProblem, WalletSigner } from './wallet-signer';

const CHALLENGE: SiweChallenge = {
  nonce: 'n0nce1234567',
  domain: 'localhost:3000',
  uri: 'http://localhost:3000',
  statement: 'Sign in to Bandstand with your wallet.',
  version: '1',
  chainIds: [1, 137],
  issuedAt: '2026-11-21T10:00:00.000Z',
  expirationTime: '2026-11-21T10:05:00.000Z',
};

function setup(wallet: TestWalletProvider | null) {
  TestBed.configureTestingModule({
    providers: [
      ...identityTestingProviders({ console: 'fan', access: 'public' }),
      { provide: ETHEREUM, useValue: wallet },
    ],
  });
  return { signer: TestBed.inject(WalletSigner), http: TestBed.inject(HttpTestingController) };
}

async function problemOf(attempt: Promise<unknown>): Promise<WalletProblem['problem']> {
  try {
    await attempt;
  } catch (error: unknown) {
    if (error instanceof WalletProblem) return error.problem;
    throw error;
  }
  throw new Error('the wallet signed');
}

describe('WalletSigner', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('signs the EIP-4361 message for a fresh nonce with the account the wallet chose', async () => {
    const wallet = new TestWalletProvider();
    const { signer, http } = setup(wallet);
    const signed = signer.sign('sign-in');
    const nonce = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/siwe/nonce` });
    expect(nonce.request.body).toEqual({ purpose: 'sign-in' });
    nonce.flush(CHALLENGE);
    const { message, signature } = await signed;

    const address = wallet.wallet.address;
    expect(message).toBe(
      `localhost:3000 wants you to sign in with your Ethereum account:\n${address}\n\n` +
        'Sign in to Bandstand with your wallet.\n\nURI: http://localhost:3000\nVersion: 1\nChain ID: 1\n' +
        'Nonce: n0nce1234567\nIssued At: 2026-11-21T10:00:00.000Z\nExpiration Time: 2026-11-21T10:05:00.000Z',
    );
    // The signature is real: it recovers to the wallet's address from exactly this text.
    expect(verifyMessage(message, signature)).toBe(address);
    expect(wallet.requests.map((request) => request.method)).toEqual([
      'eth_requestAccounts',
      'eth_chainId',
      'personal_sign',
    ]);
    expect(wallet.requests[2]?.params?.[1]).toBe(address);
  });

  it('asks for a nonce of the purpose it signs for', async () => {
    const { signer, http } = setup(new TestWalletProvider());
    const signed = signer.sign('link');
    const nonce = await nextRequest(http, { method: 'POST', url: `${AUTH_PATH}/siwe/nonce` });
    expect(nonce.request.body).toEqual({ purpose: 'link' });
    nonce.flush(CHALLENGE);
    await signed;
  });

  it('refuses a chain the api does not accept before asking for a signature', async () => {
    const wallet = new TestWalletProvider();
    wallet.chainId = '0x5';
    const { signer, http } = setup(wallet);
    const failed = problemOf(signer.sign('sign-in'));
    (await nextRequest(http, { url: `${AUTH_PATH}/siwe/nonce` })).flush(CHALLENGE);
    expect(await failed).toMatchObject({
      code: 'WALLET.CHAIN_NOT_ALLOWED',
      detail: expect.stringContaining('chain 5; Bandstand accepts chain 1, 137') as unknown,
    });
    expect(wallet.requests.map((request) => request.method)).not.toContain('personal_sign');
  });

  it('says so when the user declines in the wallet', async () => {
    const wallet = new TestWalletProvider();
    wallet.declines = true;
    const { signer } = setup(wallet);
    expect(await problemOf(signer.sign('sign-in'))).toMatchObject({
      code: 'WALLET.REJECTED',
      detail: 'You declined the request in your wallet.',
    });
  });

  it('explains that a wallet is needed when the browser has none', async () => {
    const { signer } = setup(null);
    expect(signer.available).toBe(false);
    expect(await problemOf(signer.sign('sign-in'))).toMatchObject({ code: 'WALLET.NOT_FOUND' });
  });
});
