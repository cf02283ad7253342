import { getBytes, Wallet } from 'ethers';
import { type Eip1193Provider, type Eip1193Request } from '../siwe/ethereum';

/** A fixed, well-known test key (never holds funds): the signatures in tests are real ones. */
export const TEST_WALLET_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

/**
 * An EIP-1193 provider backed by a real secp256k1 key (ethers' Wallet), standing in for a browser
 * wallet extension in unit tests: it signs exactly what a wallet would, and records each request.
 */
export class TestWalletProvider implements Eip1193Provider {
  readonly wallet = new Wallet(TEST_WALLET_KEY);
  readonly requests: Eip1193Request[] = [];
  /** What `eth_chainId` answers. */
  chainId = '0x1';
  /** When set, the wallet declines every request as the user would (EIP-1193 code 4001). */
  declines = false;

  async request(request: Eip1193Request): Promise<unknown> {
    this.requests.push(request);
    if (this.declines) throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
    switch (request.method) {
      case 'eth_requestAccounts':
        // Wallets commonly answer lower case; the console must checksum.
        return [this.wallet.address.toLowerCase()];
      case 'eth_chainId':
        return this.chainId;
      case 'personal_sign': {
        const [data] = request.params ?? [];
        if (typeof data !== 'string') throw new Error('personal_sign needs the message as hex');
        return this.wallet.signMessage(getBytes(data));
      }
      default:
        throw Object.assign(new Error(`Unsupported method ${request.method}`), { code: 4200 });
    }
  }
}
