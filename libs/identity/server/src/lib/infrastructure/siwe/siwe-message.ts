import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { getAddress } from 'ethers';

/** An EIP-4361 (Sign-In with Ethereum) message, field by field; absent optional fields are null. */
export interface SiweMessage {
  /** The scheme before the domain (`https`), when the message names one. */
  readonly scheme: string | null;
  /** The authority asking for the signature: host and optional port, e.g. `bandstand.example.org`. */
  readonly domain: string;
  /** EIP-55 checksummed address. */
  readonly address: string;
  readonly statement: string | null;
  readonly uri: string;
  readonly version: '1';
  readonly chainId: number;
  readonly nonce: string;
  /** RFC 3339 times, as written in the message. */
  readonly issuedAt: string;
  readonly expirationTime: string | null;
  readonly notBefore: string | null;
  readonly requestId: string | null;
  /** Null when the message has no `Resources:` line; possibly empty when it has one. */
  readonly resources: readonly string[] | null;
}

/** Longest message accepted; real ones are a few hundred characters. */
export const SIWE_MESSAGE_MAX_LENGTH = 8_192;

const HEADER_SUFFIX = ' wants you to sign in with your Ethereum account:';
// RFC 3986 authority without userinfo: `user@host` would let a page show a misleading domain.
const HEADER =
  /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?((?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?)$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// reserved / unreserved / space (EIP-4361 statement): no line breaks, nothing else.
const STATEMENT = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;= ]+$/;
// RFC 3986 URIs are visible ASCII: no whitespace, control or non-ASCII characters.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[!-~]+$/;
const CHAIN_ID = /^[1-9][0-9]*$/;
const NONCE = /^[A-Za-z0-9]{8,128}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const REQUEST_ID = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** The message does not follow EIP-4361; the message names the line (400, field `message`). */
export class SiweMessageMalformed extends IdentityError {
  constructor(line: number, problem: string) {
    super(
      IDENTITY_ERROR_CODES.siweMessageMalformed,
      `The sign-in message is malformed: line ${line}: ${problem}`,
      {
        status: 400,
        field: 'message',
      },
    );
  }
}

/** The instant of an RFC 3339 date-time; null unless it is one, with a real calendar date. */
export function parseRfc3339(value: string): Date | null {
  const match = DATE_TIME.exec(value);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  // Date.parse rolls 30 February over into March and accepts 24:00; the calendar must be exact.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return null;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

function isUri(value: string): boolean {
  if (!URI.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isChecksummed(address: string): boolean {
  try {
    return getAddress(address) === address;
  } catch {
    return false;
  }
}

/** Reads the message line by line, each tagged field in the order EIP-4361 fixes. */
class LineReader {
  private index = 0;

  constructor(private readonly lines: readonly string[]) {}

  /** The number (from 1) of the next line. */
  get number(): number {
    return this.index + 1;
  }

  get done(): boolean {
    return this.index >= this.lines.length;
  }

  peek(): string | undefined {
    return this.lines[this.index];
  }

  next(what: string): string {
    const line = this.lines[this.index];
    if (line === undefined)
      throw new SiweMessageMalformed(this.number, `the message ends where ${what} is expected`);
    this.index += 1;
    return line;
  }

  empty(after: string): void {
    const line = this.next(`an empty line after ${after}`);
    if (line !== '') throw new SiweMessageMalformed(this.index, `expected an empty line after ${after}`);
  }

  /** `<tag>: <value>` on the next line; the value is checked by `valid`. */
  tagged(tag: string, valid: (value: string) => boolean, expected: string): string {
    const line = this.next(`"${tag}: "`);
    if (!line.startsWith(`${tag}: `)) throw new SiweMessageMalformed(this.index, `expected "${tag}: "`);
    const value = line.slice(tag.length + 2);
    if (!valid(value)) throw new SiweMessageMalformed(this.index, `${tag} must be ${expected}`);
    return value;
  }

  /** Like {@link tagged}, for an optional field: null when the next line is not this tag. */
  optional(tag: string, valid: (value: string) => boolean, expected: string): string | null {
    return this.peek()?.startsWith(`${tag}: `) === true ? this.tagged(tag, valid, expected) : null;
  }
}

/**
 * Parses an EIP-4361 message strictly (LF line ends, fields in order, nothing after the last).
 * Throws {@link SiweMessageMalformed} naming the first line that is wrong.
 */
export function parseSiweMessage(text: string): SiweMessage {
  if (text.length > SIWE_MESSAGE_MAX_LENGTH) {
    throw new SiweMessageMalformed(1, `the message is longer than ${SIWE_MESSAGE_MAX_LENGTH} characters`);
  }
  const carriageReturn = text.indexOf('\r');
  if (carriageReturn !== -1) {
    throw new SiweMessageMalformed(
      text.slice(0, carriageReturn).split('\n').length,
      'lines must end with LF only',
    );
  }
  const reader = new LineReader(text.split('\n'));

  const header = reader.next('the header');
  const authority = header.endsWith(HEADER_SUFFIX)
    ? HEADER.exec(header.slice(0, -HEADER_SUFFIX.length))
    : null;
  if (authority === null) {
    throw new SiweMessageMalformed(1, `expected "<domain>${HEADER_SUFFIX}"`);
  }
  const address = reader.next('the address');
  if (!ADDRESS.test(address))
    throw new SiweMessageMalformed(2, 'expected an address (0x and 40 hexadecimal digits)');
  if (!isChecksummed(address)) throw new SiweMessageMalformed(2, 'the address must be EIP-55 checksummed');
  reader.empty('the address');

  let statement: string | null = null;
  if (reader.peek() === '') {
    reader.next('an empty line');
  } else {
    statement = reader.next('the statement');
    if (!STATEMENT.test(statement)) {
      throw new SiweMessageMalformed(
        reader.number - 1,
        'the statement holds characters EIP-4361 does not allow',
      );
    }
    reader.empty('the statement');
  }

  const uri = reader.tagged('URI', isUri, 'an absolute URI');
  reader.tagged('Version', (value) => value === '1', '1');
  const chainId = Number(
    reader.tagged(
      'Chain ID',
      (value) => CHAIN_ID.test(value) && Number.isSafeInteger(Number(value)),
      'a chain id',
    ),
  );
  const nonce = reader.tagged('Nonce', (value) => NONCE.test(value), 'at least 8 letters and digits');
  const isTime = (value: string): boolean => parseRfc3339(value) !== null;
  const issuedAt = reader.tagged('Issued At', isTime, 'an RFC 3339 date-time');
  const expirationTime = reader.optional('Expiration Time', isTime, 'an RFC 3339 date-time');
  const notBefore = reader.optional('Not Before', isTime, 'an RFC 3339 date-time');
  const requestId = reader.optional('Request ID', (value) => REQUEST_ID.test(value), 'URI path characters');

  let resources: string[] | null = null;
  if (reader.peek() === 'Resources:') {
    reader.next('"Resources:"');
    resources = [];
    while (!reader.done) {
      const line = reader.next('a resource');
      if (!line.startsWith('- ') || !isUri(line.slice(2))) {
        throw new SiweMessageMalformed(reader.number - 1, 'a resource must be "- " and an absolute URI');
      }
      resources.push(line.slice(2));
    }
  }
  if (!reader.done) throw new SiweMessageMalformed(reader.number, 'unexpected text after the last field');

  return {
    scheme: authority[1] ?? null,
    domain: authority[2] ?? '',
    address,
    statement,
    uri,
    version: '1',
    chainId,
    nonce,
    issuedAt,
    expirationTime,
    notBefore,
    requestId,
    resources,
  };
}

/** Writes a message in EIP-4361 form (what a wallet shows and signs). */
export function formatSiweMessage(message: SiweMessage): string {
  const lines = [
    `${message.scheme === null ? '' : `${message.scheme}://`}${message.domain}${HEADER_SUFFIX}`,
    message.address,
    '',
    ...(message.statement === null ? [] : [message.statement]),
    '',
    `URI: ${message.uri}`,
    `Version: ${message.version}`,
    `Chain ID: ${message.chainId}`,
    `Nonce: ${message.nonce}`,
    `Issued At: ${message.issuedAt}`,
  ];
  if (message.expirationTime !== null) lines.push(`Expiration Time: ${message.expirationTime}`);
  if (message.notBefore !== null) lines.push(`Not Before: ${message.notBefore}`);
  if (message.requestId !== null) lines.push(`Request ID: ${message.requestId}`);
  if (message.resources !== null) lines.push('Resources:', ...message.resources.map((uri) => `- ${uri}`));
  return lines.join('\n');
}
