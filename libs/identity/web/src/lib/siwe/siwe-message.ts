import { getAddress } from 'ethers';

/** The fields of an EIP-4361 (Sign-In with Ethereum) message, as this console fills them. */
export interface SiweMessageFields {
  /** RFC 3986 authority of the site asking (the api's host). */
  readonly domain: string;
  /** EIP-55 checksummed address of the signer. */
  readonly address: string;
  readonly statement: string;
  readonly uri: string;
  readonly version: '1';
  readonly chainId: number;
  readonly nonce: string;
  /** ISO 8601 times. */
  readonly issuedAt: string;
  readonly expirationTime: string;
}

/**
 * The EIP-4361 message, line for line as the specification's ABNF has it: the api verifies the
 * exact text the wallet signed, so a missing blank line or field makes the signature worthless.
 */
export function buildSiweMessage(fields: SiweMessageFields): string {
  return [
    `${fields.domain} wants you to sign in with your Ethereum account:`,
    fields.address,
    '',
    fields.statement,
    '',
    `URI: ${fields.uri}`,
    `Version: ${fields.version}`,
    `Chain ID: ${fields.chainId}`,
    `Nonce: ${fields.nonce}`,
    `Issued At: ${fields.issuedAt}`,
    `Expiration Time: ${fields.expirationTime}`,
  ].join('\n');
}

/**
 * The EIP-55 checksummed form of an address; wallets often answer lower case, and EIP-4361 asks
 * for the checksummed one. Throws on anything that is not a 20-byte hex address.
 */
export function checksumAddress(address: string): string {
  return getAddress(address);
}

/** The UTF-8 bytes of `text` as 0x-prefixed hex, the form `personal_sign` takes its message in. */
export function utf8Hex(text: string): string {
  return `0x${Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
