import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type IdentityArea } from '../../identity-area';
import { DevMailController } from './dev-mail.controller';
import { MAIL_OUTBOX, MAILER, type Mailer, type MailOutbox } from '../../ports/mail.port';
import { IdentityMailComposer } from './identity-mail.composer';
import { IdentityMail } from './identity-mail.service';
import { OutboxMailer } from './outbox.mailer';
import { SendMailProcessor } from './send-mail.processor';
import { SmtpMailer } from './smtp.mailer';

/** The Mailer MAIL_TRANSPORT selects; refuses smtp without SMTP_URL. */
export function mailerFor(
  config: Pick<CommonConfig, 'MAIL_TRANSPORT' | 'MAIL_OUTBOX_DIR' | 'MAIL_FROM' | 'SMTP_URL'>,
): Mailer {
  if (config.MAIL_TRANSPORT === 'outbox') return new OutboxMailer(config.MAIL_OUTBOX_DIR, config.MAIL_FROM);
  if (config.SMTP_URL === undefined) {
    throw new Error(
      'MAIL_TRANSPORT=smtp needs SMTP_URL, e.g. smtps://user:password@smtp.example.org:465 (or set MAIL_TRANSPORT=outbox)',
    );
  }
  return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
}

/** E-mail: the SMTP and outbox adapters, the mail templates and the identity.send-mail job. */
export const mailArea: IdentityArea = {
  providers: [
    { provide: MAILER, useFactory: mailerFor, inject: [APP_CONFIG] },
    {
      provide: MAIL_OUTBOX,
      useFactory: (mailer: Mailer): MailOutbox | null => (mailer instanceof OutboxMailer ? mailer : null),
      inject: [MAILER],
    },
    IdentityMailComposer,
    IdentityMail,
    SendMailProcessor,
  ],
  controllers: [DevMailController],
};
