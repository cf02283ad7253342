import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type OutboxMessage } from '@bandstand/identity/contracts';
import { type MailMessage, type Mailer, type MailOutbox } from '../../ports/mail.port';
import { composeEml, mailboxAddress, parseEml } from './eml';

// `20261121T090503.123Z-<uuid>.eml`: ISO 8601 basic format, which sorts by time and has no ':'
// (not allowed in file names on every system).
const FILE_NAME = /^(\d{8}T\d{6}\.\d{3}Z)-([0-9a-f-]{36})\.eml$/;

function fileTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function isoFromFileTime(text: string): string {
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 11)}:${text.slice(11, 13)}:${text.slice(13)}`;
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT';
}

/**
 * MAIL_TRANSPORT=outbox: every message becomes an RFC 5322 `.eml` file in MAIL_OUTBOX_DIR (created
 * when missing), which any mail client opens, and which the development mail page and the tests
 * read back through {@link OutboxMailer.list}. Files appear whole: each is written under a temporary
 * name and renamed.
 */
export class OutboxMailer implements Mailer, MailOutbox {
  /** The absolute directory the files go to. */
  readonly directory: string;
  private lastSentAt = 0;

  constructor(
    directory: string,
    private readonly from: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.directory = resolve(directory);
  }

  async send(message: MailMessage): Promise<void> {
    const id = randomUUID();
    // Strictly increasing per process, so that "newest first" holds for messages sent within a millisecond.
    const date = new Date(Math.max(this.clock().getTime(), this.lastSentAt + 1));
    this.lastSentAt = date.getTime();
    const domain = mailboxAddress(this.from).split('@')[1] ?? 'bandstand.localhost';
    const eml = composeEml({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      date,
      messageId: `${id}@${domain}`,
    });
    const name = `${fileTime(date)}-${id}.eml`;
    await mkdir(this.directory, { recursive: true });
    const temporary = join(this.directory, `.${name}.tmp`);
    await writeFile(temporary, eml, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, join(this.directory, name));
  }

  /** The messages in the directory, newest first. */
  async list(): Promise<readonly OutboxMessage[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const files = names
      .map((name) => ({ name, match: FILE_NAME.exec(name) }))
      .filter((file) => file.match !== null)
      .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const messages: OutboxMessage[] = [];
    for (const { name, match } of files) {
      let raw: Buffer;
      try {
        raw = await readFile(join(this.directory, name));
      } catch (error) {
        // Removed between readdir and read (someone cleaning the outbox): skip it.
        if (isMissing(error)) continue;
        throw error;
      }
      const parsed = parseEml(raw);
      messages.push({
        id: match?.[2] ?? name,
        to: parsed.headers.get('to') ?? '',
        subject: parsed.headers.get('subject') ?? '',
        text: parsed.text,
        sentAt: isoFromFileTime(match?.[1] ?? ''),
      });
    }
    return messages;
  }
}
