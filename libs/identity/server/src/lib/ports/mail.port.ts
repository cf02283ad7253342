import { type OutboxMessage } from '@bandstand/identity/contracts';

/** A plain-text e-mail (HTML optional). */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** Sends e-mail: the SMTP adapter in production, the file outbox in development and tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
export const MAILER = Symbol('MAILER');

/** The development outbox, newest first; null when mail goes out by SMTP. */
export interface MailOutbox {
  list(): Promise<readonly OutboxMessage[]>;
}
export const MAIL_OUTBOX = Symbol('MAIL_OUTBOX');
