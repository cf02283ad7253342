import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { type OutboxMessage } from '@bandstand/identity/contracts';
import { Public } from '@bandstand/shared/access';
import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { MAIL_OUTBOX, type MailOutbox } from '../../ports/mail.port';

/**
 * The development outbox over HTTP (`GET /api/v1/dev/mail`), newest first, so that a developer
 * running `npm start` can open a verification or invitation link without a mail server. It exists
 * only with MAIL_TRANSPORT=outbox outside production; everywhere else it answers 404.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<CommonConfig, 'NODE_ENV'>,
    @Inject(MAIL_OUTBOX) private readonly outbox: MailOutbox | null,
  ) {}

  @Public()
  @Get()
  async list(): Promise<readonly OutboxMessage[]> {
    if (this.outbox === null || this.config.NODE_ENV === 'production') {
      throw new NotFoundException(
        'There is no development outbox: mail goes out by SMTP, or this is production',
      );
    }
    return this.outbox.list();
  }
}
