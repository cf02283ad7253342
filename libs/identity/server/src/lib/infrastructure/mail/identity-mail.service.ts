import { Inject, Injectable } from '@nestjs/common';
import { JobScheduler, KernelDatabase, type ScheduledJob } from '@bandstand/shared/event-store';
import { type MailMessage } from '../../ports/mail.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { sendMailJob } from './send-mail.job';

/** What caused a mail: the event or command it belongs to. */
export interface MailCause {
  /** The id of the event (or command) the mail answers. */
  readonly causationId: string;
  /**
   * Tells apart two mails of one cause to one subject (`'verify-email'`, `'invitation'`…); one mail
   * per cause, subject and purpose. Stored readable in kernel.job_outbox: never personal data.
   */
  readonly purpose?: string;
}

/**
 * How the identity context sends e-mail: the message is sealed under its subject and scheduled as
 * an `identity.send-mail` job in the running transaction (the command's), so it is sent if and only
 * if the command commits, and a command retried with the same cause schedules nothing new.
 */
@Injectable()
export class IdentityMail {
  constructor(
    private readonly db: KernelDatabase,
    private readonly jobs: JobScheduler,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  send(subjectId: string, message: MailMessage, cause: MailCause): Promise<ScheduledJob> {
    return this.db.transaction(async () => {
      const sealed = await this.vault.seal(subjectId, JSON.stringify(message));
      // The cause is stored readable with the job: ids only, no address, name or link.
      return this.jobs.schedule(
        sendMailJob,
        { subjectId, sealed },
        { cause: ['identity.send-mail', cause.causationId, subjectId, cause.purpose ?? 'mail'] },
      );
    });
  }
}
