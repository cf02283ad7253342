import { inject, Injectable } from '@angular/core';
import { type SiweChallengeRequest, type SiweSubmission } from '@bandstand/identity/contracts';
import { type ErrorCode, problemType } from '@bandstand/shared/contracts';
import { type ShownProblem } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthClient } from '../data/auth.client';
import { ETHEREUM, type Eip1193Provider } from './ethereum';
import { buildSiweMessage, checksumAddress, utf8Hex } from './siwe-message';

/** Something went wrong on the wallet's side; `problem` says what, for the page to show. */
export class WalletProblem extends Error {
  constructor(readonly problem: ShownProblem) {
    super(problem.detail ?? problem.title);
    this.name = 'WalletProblem';
  }
}

function walletProblem(code: ErrorCode, title: string, detail: string): WalletProblem {
  return new WalletProblem({ type: problemType(code), code, title, status: 0, detail });
}

/** EIP-1193 error code of a request the user declined in the wallet. */
const USER_REJECTED = 4001;

function rejectedByUser(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<string, unknown>)['code'] === USER_REJECTED
  );
}

function walletFailure(error: unknown): WalletProblem {
  if (error instanceof WalletProblem) return error;
  if (rejectedByUser(error)) {
    return walletProblem(
      'WALLET.REJECTED',
      'Declined in the wallet',
      'You declined the request in your wallet.',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return walletProblem('WALLET.FAILED', 'The wallet did not answer', `Your wallet reported: ${message}`);
}

/**
 * Sign-In with Ethereum on the browser's side: asks the wallet for its account and chain, gets a
 * single-use nonce from the api for `purpose`, builds the EIP-4361 message and has the wallet sign
 * it (`personal_sign`). The api verifies the result; the console only carries it there.
 */
@Injectable({ providedIn: 'root' })
export class WalletSigner {
  private readonly ethereum = inject(ETHEREUM);
  private readonly auth = inject(AuthClient);

  /** Whether a wallet is installed in this browser. */
  get available(): boolean {
    return this.ethereum !== null;
  }

  /** A signed message for `purpose`; throws WalletProblem (wallet side) or the api's error. */
  async sign(purpose: SiweChallengeRequest['purpose']): Promise<SiweSubmission> {
    const wallet = this.ethereum;
    if (wallet === null) {
      throw walletProblem(
        'WALLET.NOT_FOUND',
        'No wallet in this browser',
        'No Ethereum wallet was found in this browser. Install one (MetaMask, for example) and try again.',
      );
    }
    const address = await this.account(wallet);
    const chainId = await this.chain(wallet);
    const challenge = await firstValueFrom(this.auth.siweChallenge(purpose));
    if (!challenge.chainIds.includes(chainId)) {
      throw walletProblem(
        'WALLET.CHAIN_NOT_ALLOWED',
        'Switch networks in your wallet',
        `Your wallet is on chain ${chainId}; Bandstand accepts chain ${challenge.chainIds.join(', ')}. Switch networks in your wallet and try again.`,
      );
    }
    const message = buildSiweMessage({
      domain: challenge.domain,
      address,
      statement: challenge.statement,
      uri: challenge.uri,
      version: challenge.version,
      chainId,
      nonce: challenge.nonce,
      issuedAt: challenge.issuedAt,
      expirationTime: challenge.expirationTime,
    });
    const signature = await this.ask(wallet, 'personal_sign', [utf8Hex(message), address]);
    if (typeof signature !== 'string') throw walletFailure(new Error('it returned no signature.'));
    return { message, signature };
  }

  private async account(wallet: Eip1193Provider): Promise<string> {
    const accounts = await this.ask(wallet, 'eth_requestAccounts');
    const first: unknown = Array.isArray(accounts) ? accounts[0] : undefined;
    if (typeof first !== 'string') throw walletFailure(new Error('it shared no account.'));
    try {
      return checksumAddress(first);
    } catch {
      throw walletFailure(new Error(`"${first}" is not an Ethereum address.`));
    }
  }

  private async chain(wallet: Eip1193Provider): Promise<number> {
    const chainId = await this.ask(wallet, 'eth_chainId');
    const parsed = typeof chainId === 'string' ? Number.parseInt(chainId, 16) : Number.NaN;
    if (!Number.isSafeInteger(parsed))
      throw walletFailure(new Error(`it named no chain id (${String(chainId)}).`));
    return parsed;
  }

  private async ask(wallet: Eip1193Provider, method: string, params?: readonly unknown[]): Promise<unknown> {
    try {
      return await wallet.request(params === undefined ? { method } : { method, params });
    } catch (error: unknown) {
      throw walletFailure(error);
    }
  }
}
