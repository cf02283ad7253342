import { type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { type MailMessage, type Mailer } from '../../ports/mail.port';

/** Timeouts of {@link SmtpMailer}, in milliseconds. */
export interface SmtpTimeouts {
  /** Opening the TCP (or TLS) connection; 10 s by default. */
  readonly connectionMs?: number;
  /** Waiting for the server's greeting; 10 s by default. */
  readonly greetingMs?: number;
  /** Silence on an open connection; 30 s by default. */
  readonly socketMs?: number;
}

/**
 * MAIL_TRANSPORT=smtp: sends through the SMTP server of SMTP_URL (`smtp://` with STARTTLS when
 * the server offers it, `smtps://` for implicit TLS; credentials in the URL) with nodemailer, as
 * multipart text and HTML when the message has HTML. A failure throws, so that the send-mail job
 * is retried with its backoff.
 */
export class SmtpMailer implements Mailer, OnApplicationShutdown {
  private readonly transport;

  constructor(smtpUrl: string, from: string, timeouts: SmtpTimeouts = {}) {
    this.transport = createTransport(
      {
        url: smtpUrl,
        connectionTimeout: timeouts.connectionMs ?? 10_000,
        greetingTimeout: timeouts.greetingMs ?? 10_000,
        socketTimeout: timeouts.socketMs ?? 30_000,
      },
      { from },
    );
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
