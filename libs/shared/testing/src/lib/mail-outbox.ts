import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually } from './eventually';

/** An e-mail the processes wrote to the outbox directory (MAIL_TRANSPORT=outbox). */
export interface OutboxMail {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  /** The text/plain body, decoded. */
  readonly text: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function parsePart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

function textOf(part: Part): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary !== undefined) {
    const parts = part.body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .map((chunk) => parsePart(chunk.replace(/^\r?\n/, '')));
    const plain = parts.find((each) =>
      (each.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain'),
    );
    return plain === undefined ? '' : textOf(plain);
  }
  return decodeBody(part);
}

/** Every message in an outbox directory, oldest first. */
export async function readOutbox(mailDir: string): Promise<OutboxMail[]> {
  const files = (await readdir(mailDir).catch(() => [])).filter((file) => file.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const part = parsePart(await readFile(join(mailDir, file), 'utf8'));
      return {
        file,
        to: decodeWords(part.headers.get('to') ?? ''),
        subject: decodeWords(part.headers.get('subject') ?? ''),
        text: textOf(part),
      };
    }),
  );
}

/** Waits for a message to `to` whose subject matches, and returns the first link in it under `origin`. */
export async function waitForMailLink(
  mailDir: string,
  to: string,
  subject: RegExp,
  origin: string,
  timeoutMs = 15_000,
): Promise<string> {
  return eventually(async () => {
    const mails = (await readOutbox(mailDir)).filter(
      (mail) => mail.to.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject),
    );
    const mail = mails.at(-1);
    if (mail === undefined) throw new Error(`No mail to ${to} matching ${String(subject)} yet`);
    const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const link = new RegExp(`${escaped}[^\\s"<>]+`).exec(mail.text)?.[0];
    if (link === undefined) throw new Error(`The mail "${mail.subject}" to ${to} has no link to ${origin}`);
    return link;
  }, timeoutMs);
}
