import { Inject, Injectable, Logger } from '@nestjs/common';
import { type JobHandler, JobProcessor } from '@bandstand/shared/event-store';
import { type Job, UnrecoverableError } from 'bullmq';
import { MAILER, type MailMessage, type Mailer } from '../../ports/mail.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { SealedValueInvalid } from '../vault/personal-data.crypto';
import { type SendMailJobData, type SendMailResult, sendMailJob } from './send-mail.job';

function isMailMessage(value: unknown): value is MailMessage {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields['to'] === 'string' &&
    typeof fields['subject'] === 'string' &&
    typeof fields['text'] === 'string' &&
    (fields['html'] === undefined || typeof fields['html'] === 'string')
  );
}

function messageOf(json: string): MailMessage {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UnrecoverableError('The sealed mail is not JSON');
  }
  if (!isMailMessage(value)) throw new UnrecoverableError('The sealed mail is not a MailMessage');
  const { to, subject, text, html } = value;
  return html === undefined ? { to, subject, text } : { to, subject, text, html };
}

/**
 * Runs `identity.send-mail` in the worker: opens the sealed message and hands it to the Mailer. A
 * subject shredded since the mail was scheduled completes the job without sending anything.
 */
@JobProcessor(sendMailJob)
@Injectable()
export class SendMailProcessor implements JobHandler<SendMailJobData> {
  private readonly logger = new Logger(SendMailProcessor.name);

  constructor(
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async handle(job: Job<SendMailJobData>): Promise<SendMailResult> {
    const { subjectId, sealed } = job.data;
    let json: string | null;
    try {
      json = await this.vault.open(subjectId, sealed);
    } catch (error) {
      // A tampered payload never opens, however often it is retried.
      if (error instanceof SealedValueInvalid) throw new UnrecoverableError(error.message);
      throw error;
    }
    if (json === null) {
      this.logger.log(
        `Mail job ${job.id ?? '?'} not sent: the personal data of subject ${subjectId} was shredded`,
      );
      return { sent: false, reason: 'shredded' };
    }
    await this.mailer.send(messageOf(json));
    return { sent: true };
  }
}
