import { buildSiweMessage, checksumAddress, utf8Hex } from './siwe-message';

describe('buildSiweMessage', () => {
  it('writes the EIP-4361 message line for line', () => {
    const message = buildSiweMessage({
      domain: 'bandstand.example:3000',
      address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
      statement: 'Sign in to Bandstand.',
      uri: 'https://bandstand.example:3000',
      version: '1',
      chainId: 137,
      nonce: 'k9Jd2mQ7xLp4Zs8a',
      issuedAt: '2026-11-21T10:00:00.000Z',
      expirationTime: '2026-11-21T10:05:00.000Z',
    });
    expect(message).toBe(
      'bandstand.example:3000 wants you to sign in with your Ethereum account:\n' +
        '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\n' +
        '\n' +
        'Sign in to Bandstand.\n' +
        '\n' +
        'URI: https://bandstand.example:3000\n' +
        'Version: 1\n' +
        'Chain ID: 137\n' +
        'Nonce: k9Jd2mQ7xLp4Zs8a\n' +
        'Issued At: 2026-11-21T10:00:00.000Z\n' +
        'Expiration Time: 2026-11-21T10:05:00.000Z',
    );
  });
});

describe('checksumAddress', () => {
  it('gives the EIP-55 form of a lower-case address', () => {
    expect(checksumAddress('0x2c7536e3605d9c16a7a3d7b1898e529396a65c23')).toBe(
      '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
    );
  });

  it('refuses what is not an address', () => {
    expect(() => checksumAddress('0x1234')).toThrow();
  });
});

describe('utf8Hex', () => {
  it('encodes the text as UTF-8 bytes in hex, multi-byte characters included', () => {
    expect(utf8Hex('Hi é')).toBe('0x486920c3a9');
  });
});
