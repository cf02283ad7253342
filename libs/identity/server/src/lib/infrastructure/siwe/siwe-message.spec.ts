import {
  formatSiweMessage,
  parseRfc3339,
  parseSiweMessage,
  type SiweMessage,
  SiweMessageMalformed,
} from './siwe-message';

const ADDRESS = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';

const full: SiweMessage = {
  scheme: 'https',
  domain: 'bandstand.example.org',
  address: ADDRESS,
  statement: 'Link this wallet to your Bandstand account.',
  uri: 'https://bandstand.example.org/fan/settings',
  version: '1',
  chainId: 8453,
  nonce: 'aB3dE6gH9jK2mN5p',
  issuedAt: '2026-03-01T12:00:00.000Z',
  expirationTime: '2026-03-01T12:05:00.000Z',
  notBefore: '2026-03-01T11:59:00Z',
  requestId: 'req-1:a@b',
  resources: ['ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq', 'https://example.com/x'],
};

const minimal: SiweMessage = {
  scheme: null,
  domain: 'localhost:3000',
  address: ADDRESS,
  statement: null,
  uri: 'http://localhost:3000',
  version: '1',
  chainId: 1,
  nonce: '12345678',
  issuedAt: '2026-03-01T12:00:00Z',
  expirationTime: null,
  notBefore: null,
  requestId: null,
  resources: null,
};

const EXPECTED_FULL_TEXT = `https://bandstand.example.org wants you to sign in with your Ethereum account:
0x71C7656EC7ab88b098defB751B7401B5f6d8976F

Link this wallet to your Bandstand account.

URI: https://bandstand.example.org/fan/settings
Version: 1
Chain ID: 8453
Nonce: aB3dE6gH9jK2mN5p
Issued At: 2026-03-01T12:00:00.000Z
Expiration Time: 2026-03-01T12:05:00.000Z
Not Before: 2026-03-01T11:59:00Z
Request ID: req-1:a@b
Resources:
- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq
- https://example.com/x`;

/** The message a parse error names: `line N: …`. */
function malformed(text: string): string {
  try {
    parseSiweMessage(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SiweMessageMalformed);
    expect(error).toMatchObject({ code: 'IDENTITY.SIWE_MESSAGE_MALFORMED', status: 400, field: 'message' });
    return (error as Error).message;
  }
  throw new Error(`Parsed a malformed message:\n${text}`);
}

/** The minimal message's text with line `n` (from 1) replaced, or removed when `line` is null. */
function withLine(n: number, line: string | null, base = formatSiweMessage(minimal)): string {
  const lines = base.split('\n');
  if (line === null) lines.splice(n - 1, 1);
  else lines[n - 1] = line;
  return lines.join('\n');
}

describe('formatSiweMessage / parseSiweMessage', () => {
  it('writes every field in EIP-4361 form', () => {
    expect(formatSiweMessage(full)).toBe(EXPECTED_FULL_TEXT);
  });

  it('writes a message without statement with three line feeds after the address (the ABNF)', () => {
    expect(formatSiweMessage(minimal)).toBe(
      `localhost:3000 wants you to sign in with your Ethereum account:\n${ADDRESS}\n\n\nURI: http://localhost:3000\nVersion: 1\nChain ID: 1\nNonce: 12345678\nIssued At: 2026-03-01T12:00:00Z`,
    );
  });

  it('parses back what it writes', () => {
    expect(parseSiweMessage(EXPECTED_FULL_TEXT)).toEqual(full);
    expect(parseSiweMessage(formatSiweMessage(minimal))).toEqual(minimal);
    const someOptional = {
      ...minimal,
      statement: 'Sign in to Bandstand.',
      notBefore: '2026-03-01T12:00:00+02:00',
    };
    expect(parseSiweMessage(formatSiweMessage(someOptional))).toEqual(someOptional);
    const noResources = { ...minimal, resources: [] };
    expect(parseSiweMessage(formatSiweMessage(noResources))).toEqual(noResources);
  });

  it('accepts IP addresses and ports as the domain', () => {
    for (const domain of ['127.0.0.1:3000', '[::1]:3000', 'a.b-c.example']) {
      expect(parseSiweMessage(formatSiweMessage({ ...minimal, domain })).domain).toBe(domain);
    }
  });

  describe('refuses, naming the line', () => {
    it('a wrong header (line 1)', () => {
      expect(malformed(withLine(1, 'localhost:3000 wants you to sign in with your account:'))).toMatch(
        /line 1:/,
      );
      expect(malformed(withLine(1, ' wants you to sign in with your Ethereum account:'))).toMatch(/line 1:/);
      expect(
        malformed(withLine(1, 'user@localhost:3000 wants you to sign in with your Ethereum account:')),
      ).toMatch(/line 1:/);
      expect(malformed(withLine(1, 'local host wants you to sign in with your Ethereum account:'))).toMatch(
        /line 1:/,
      );
      expect(malformed(withLine(1, '://x wants you to sign in with your Ethereum account:'))).toMatch(
        /line 1:/,
      );
    });

    it('a missing, short or unchecksummed address (line 2)', () => {
      expect(malformed(withLine(2, '0x1234'))).toMatch(/line 2: expected an address/);
      expect(malformed(withLine(2, ADDRESS.toLowerCase()))).toMatch(
        /line 2: the address must be EIP-55 checksummed/,
      );
      expect(malformed(withLine(2, ADDRESS.replace('C', 'c')))).toMatch(/line 2: .*checksummed/);
      expect(malformed(withLine(2, `${ADDRESS} `))).toMatch(/line 2:/);
    });

    it('a missing empty line after the address (line 3)', () => {
      expect(malformed(withLine(3, 'Sign in'))).toMatch(/line 3: expected an empty line after the address/);
    });

    it('a statement with forbidden characters, or not followed by an empty line (line 4, 5)', () => {
      const withStatement = formatSiweMessage({ ...minimal, statement: 'Sign in.' });
      expect(malformed(withLine(4, 'Sign in "now"', withStatement))).toMatch(/line 4: the statement/);
      expect(malformed(withLine(4, 'Über', withStatement))).toMatch(/line 4: the statement/);
      expect(malformed(withLine(5, null, withStatement))).toMatch(
        /line 5: expected an empty line after the statement/,
      );
    });

    it('missing, misspelt or invalid required fields', () => {
      // minimal: 5 URI, 6 Version, 7 Chain ID, 8 Nonce, 9 Issued At
      expect(malformed(withLine(5, 'URI: not a uri'))).toMatch(/line 5: URI must be an absolute URI/);
      expect(malformed(withLine(5, 'Uri: http://localhost:3000'))).toMatch(/line 5: expected "URI: "/);
      expect(malformed(withLine(5, 'URI: http://localhost:3000/a b'))).toMatch(/line 5: URI must be/);
      expect(malformed(withLine(5, 'URI: https://bändstand.example'))).toMatch(/line 5: URI must be/);
      expect(malformed(withLine(6, 'Version: 2'))).toMatch(/line 6: Version must be 1/);
      expect(malformed(withLine(7, 'Chain ID: 0'))).toMatch(/line 7: Chain ID must be a chain id/);
      expect(malformed(withLine(7, 'Chain ID: 01'))).toMatch(/line 7:/);
      expect(malformed(withLine(7, 'Chain ID: 99999999999999999999'))).toMatch(/line 7:/);
      expect(malformed(withLine(7, 'Chain ID: 0x1'))).toMatch(/line 7:/);
      expect(malformed(withLine(8, 'Nonce: 1234567'))).toMatch(
        /line 8: Nonce must be at least 8 letters and digits/,
      );
      expect(malformed(withLine(8, 'Nonce: 1234-5678'))).toMatch(/line 8:/);
      expect(malformed(withLine(9, 'Issued At: yesterday'))).toMatch(/line 9: Issued At must be an RFC 3339/);
      expect(malformed(withLine(9, 'Issued At: 2026-02-30T12:00:00Z'))).toMatch(/line 9:/);
      expect(malformed(withLine(9, 'Issued At: 2026-03-01T24:00:00Z'))).toMatch(/line 9:/);
      expect(malformed(withLine(9, 'Issued At: 2026-03-01 12:00:00Z'))).toMatch(/line 9:/);
      expect(malformed(withLine(9, 'Issued At: 2026-03-01T12:00:00'))).toMatch(/line 9:/);
      expect(malformed(withLine(6, null))).toMatch(/line 6: expected "Version: "/);
      expect(malformed(formatSiweMessage(minimal).split('\n').slice(0, 8).join('\n'))).toMatch(
        /line 9: the message ends where "Issued At: " is expected/,
      );
    });

    it('invalid optional fields, fields out of order and anything after the last field', () => {
      const base = formatSiweMessage(minimal);
      expect(malformed(`${base}\nExpiration Time: soon`)).toMatch(/line 10: Expiration Time must be/);
      expect(malformed(`${base}\nNot Before: 2026-13-01T00:00:00Z`)).toMatch(/line 10: Not Before must be/);
      expect(malformed(`${base}\nRequest ID: a b`)).toMatch(/line 10: Request ID must be/);
      expect(
        malformed(`${base}\nNot Before: 2026-03-01T12:00:00Z\nExpiration Time: 2026-03-01T12:05:00Z`),
      ).toMatch(/line 11: unexpected text after the last field/);
      expect(malformed(`${base}\nResources:\n- https://ok.example\n-https://bad.example`)).toMatch(
        /line 12: a resource must be/,
      );
      expect(malformed(`${base}\nResources:\n- not a uri`)).toMatch(/line 11: a resource must be/);
      expect(malformed(`${base}\n`)).toMatch(/line 10: unexpected text after the last field/);
      expect(malformed(`${base}\nHello: there`)).toMatch(/line 10: unexpected text/);
    });

    it('carriage returns and oversized messages', () => {
      expect(malformed(formatSiweMessage(minimal).replace(/\n/g, '\r\n'))).toMatch(
        /line 1: lines must end with LF only/,
      );
      expect(malformed(`${formatSiweMessage(minimal)}\nRequest ID: ${'a'.repeat(9_000)}`)).toMatch(
        /longer than/,
      );
    });

    it('an empty message', () => {
      expect(malformed('')).toMatch(/line 1:/);
    });
  });
});

describe('parseRfc3339', () => {
  it('reads date-times with offsets and fractions', () => {
    expect(parseRfc3339('2026-03-01T12:00:00Z')?.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(parseRfc3339('2026-03-01T14:00:00.250+02:00')?.toISOString()).toBe('2026-03-01T12:00:00.250Z');
    expect(parseRfc3339('2024-02-29T00:00:00Z')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses impossible dates and other formats', () => {
    for (const value of [
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-03-01T12:60:00Z',
      '2026-03-01',
      '1772366400',
      '2026-03-01T12:00:00+25:00',
    ]) {
      expect(parseRfc3339(value)).toBeNull();
    }
  });
});
