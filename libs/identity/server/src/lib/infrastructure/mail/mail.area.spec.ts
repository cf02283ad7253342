import { Test } from '@nestjs/testing';
import { commonConfigSchema, ConfigModule } from '@bandstand/shared/config';
import { MAIL_OUTBOX, MAILER } from '../../ports/mail.port';
import { mailArea, mailerFor } from './mail.area';
import { OutboxMailer } from './outbox.mailer';
import { SmtpMailer } from './smtp.mailer';

describe('mailerFor', () => {
  it('writes to the outbox directory by default', () => {
    const mailer = mailerFor(commonConfigSchema.parse({ MAIL_OUTBOX_DIR: '/tmp/bandstand-mail-spec' }));
    expect(mailer).toBeInstanceOf(OutboxMailer);
    expect((mailer as OutboxMailer).directory).toBe('/tmp/bandstand-mail-spec');
  });

  it('sends by SMTP when MAIL_TRANSPORT=smtp', () => {
    const mailer = mailerFor(
      commonConfigSchema.parse({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' }),
    );
    expect(mailer).toBeInstanceOf(SmtpMailer);
    (mailer as SmtpMailer).onApplicationShutdown();
  });

  it('refuses MAIL_TRANSPORT=smtp without SMTP_URL, saying what to set', () => {
    expect(() => mailerFor(commonConfigSchema.parse({ MAIL_TRANSPORT: 'smtp' }))).toThrow(
      /MAIL_TRANSPORT=smtp needs SMTP_URL/,
    );
    expect(() => mailerFor(commonConfigSchema.parse({ MAIL_TRANSPORT: 'smtp', SMTP_URL: '' }))).toThrow(
      /needs SMTP_URL/,
    );
  });
});

describe('mailArea', () => {
  async function resolve(env: Record<string, string>): Promise<{ mailer: unknown; outbox: unknown }> {
    const providers = mailArea.providers.filter(
      (provider) =>
        typeof provider === 'object' &&
        'provide' in provider &&
        [MAILER, MAIL_OUTBOX].includes(provider.provide as symbol),
    );
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(commonConfigSchema.parse(env))],
      providers,
    }).compile();
    const resolved = { mailer: moduleRef.get<unknown>(MAILER), outbox: moduleRef.get<unknown>(MAIL_OUTBOX) };
    await moduleRef.close();
    return resolved;
  }

  it('provides the outbox mailer as MAIL_OUTBOX too', async () => {
    const { mailer, outbox } = await resolve({ MAIL_OUTBOX_DIR: '/tmp/bandstand-mail-spec' });
    expect(mailer).toBeInstanceOf(OutboxMailer);
    expect(outbox).toBe(mailer);
  });

  it('provides no MAIL_OUTBOX (null) when mail goes out by SMTP', async () => {
    const { mailer, outbox } = await resolve({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(mailer).toBeInstanceOf(SmtpMailer);
    expect(outbox).toBeNull();
  });
});
