/** What {@link composeEml} writes: one plain-text message. */
export interface EmlDraft {
  /** `Name <address>` or a bare address (MAIL_FROM). */
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly date: Date;
  /** Without angle brackets: `id@domain`. */
  readonly messageId: string;
}

/** A message read back by {@link parseEml}: its headers (names lower-cased, values decoded) and text. */
export interface ParsedEml {
  readonly headers: ReadonlyMap<string, string>;
  /** The first text/plain part, decoded. */
  readonly text: string;
  /** The first text/html part, decoded, if any. */
  readonly html?: string;
}

const CRLF = '\r\n';
const QP_LINE = 76;
// An encoded word is at most 75 characters: `=?UTF-8?B?` + base64 of ≤ 45 bytes (60) + `?=`.
const ENCODED_WORD_BYTES = 45;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** RFC 5322 date-time in UTC: `Sat, 21 Nov 2026 09:05:03 +0000`. */
export function rfc5322Date(date: Date): string {
  return (
    `${DAYS[date.getUTCDay()] ?? ''}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

function refuseLineBreaks(value: string, header: string): void {
  if (/[\r\n]/.test(value) || value.includes('\u0000'))
    throw new Error(`The ${header} header of an e-mail cannot contain a line break`);
}

/** RFC 2047 `=?UTF-8?B?…?=` words (folded) when the value is not printable ASCII, the value itself otherwise. */
export function encodeHeaderValue(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const character of value) {
    if (Buffer.byteLength(chunk + character, 'utf8') > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk.length > 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

// `Bandstand <no-reply@example.org>` with an encoded display name when it is not ASCII.
function encodeMailbox(mailbox: string): string {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(mailbox);
  if (!match) return mailbox.trim();
  const [, name = '', address = ''] = match;
  if (name.length === 0) return `<${address}>`;
  const display = PRINTABLE_ASCII.test(name) ? name : encodeHeaderValue(name);
  return `${display} <${address}>`;
}

/** The address of a mailbox (`Name <a@b>` or `a@b`). */
export function mailboxAddress(mailbox: string): string {
  const match = /<([^<>\s]+)>\s*$/.exec(mailbox);
  return (match?.[1] ?? mailbox).trim();
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, CRLF line breaks, lines of at most 76 characters. */
export function encodeQuotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens: string[] = [];
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        tokens.push(
          literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        );
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        // Leave room for the soft line break's "=".
        if (current.length + token.length > QP_LINE - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** An RFC 5322 message: one text/plain UTF-8 part, quoted-printable. */
export function composeEml(draft: EmlDraft): string {
  refuseLineBreaks(draft.from, 'From');
  refuseLineBreaks(draft.to, 'To');
  refuseLineBreaks(draft.subject, 'Subject');
  refuseLineBreaks(draft.messageId, 'Message-ID');
  const headers = [
    `From: ${encodeMailbox(draft.from)}`,
    `To: ${draft.to}`,
    `Subject: ${encodeHeaderValue(draft.subject)}`,
    `Date: ${rfc5322Date(draft.date)}`,
    `Message-ID: <${draft.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${encodeQuotedPrintable(draft.text)}${CRLF}`;
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** Decodes quoted-printable into bytes (soft line breaks removed). */
export function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const character = joined[i] ?? '';
    const hex = joined.slice(i + 1, i + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (B and Q); whitespace between two encoded words disappears. */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g,
      (_word, charset: string, encoding: string, text: string) => {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : decodeQuotedPrintable(text.replace(/_/g, ' '));
        return decodeBytes(bytes, charset);
      },
    );
}

// A header line's value and its parameters: `text/plain; charset="utf-8"`.
function parameterOf(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match?.[1] ?? match?.[2];
}

interface Entity {
  readonly headers: Map<string, string>;
  readonly body: string;
}

// `raw` is a binary string (one character per byte), so that bodies decode with their own charset.
function splitEntity(raw: string): Entity {
  const boundary = /\r?\n\r?\n/.exec(raw);
  const head = boundary ? raw.slice(0, boundary.index) : raw;
  const body = boundary ? raw.slice(boundary.index + boundary[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    if (!headers.has(name)) headers.set(name, decodeHeaderValue(value));
  }
  return { headers, body };
}

function bodyText(entity: Entity): string {
  const contentType = entity.headers.get('content-type') ?? 'text/plain';
  const charset = parameterOf(contentType, 'charset') ?? 'us-ascii';
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(entity.body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(entity.body);
  else bytes = Buffer.from(entity.body, 'latin1');
  return decodeBytes(bytes, charset).replace(/\r\n/g, '\n');
}

function parts(entity: Entity): { text?: string; html?: string } {
  const contentType = (entity.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (contentType.startsWith('multipart/')) {
    const boundary = parameterOf(entity.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return {};
    const found: { text?: string; html?: string } = {};
    const delimiter = `(?:^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    const close = new RegExp(`${delimiter}--`).exec(entity.body);
    const within = close ? entity.body.slice(0, close.index) : entity.body;
    // The first section is the preamble; what follows the closing delimiter (the epilogue) is cut off.
    const sections = within.split(new RegExp(`${delimiter}[ \\t]*(?:\\r?\\n|$)`));
    for (const section of sections.slice(1)) {
      if (section.trim().length === 0) continue;
      const inner = parts(splitEntity(section));
      found.text ??= inner.text;
      found.html ??= inner.html;
    }
    return found;
  }
  if (contentType.startsWith('text/html')) return { html: bodyText(entity) };
  if (contentType.startsWith('text/plain')) return { text: bodyText(entity) };
  return {};
}

/** Reads a message written by {@link composeEml}, or a simple MIME message as SMTP carries it. */
export function parseEml(raw: Buffer | string): ParsedEml {
  const binary =
    typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : raw.toString('latin1');
  const entity = splitEntity(binary);
  const found = parts(entity);
  const text = (found.text ?? '').replace(/\n$/, '');
  return found.html === undefined
    ? { headers: entity.headers, text }
    : { headers: entity.headers, text, html: found.html };
}
