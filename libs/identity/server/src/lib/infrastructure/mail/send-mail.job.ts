import { defineJob } from '@bandstand/shared/queues';

/**
 * The data of an `identity.send-mail` job: the whole {@link MailMessage} as JSON, sealed with the
 * PersonalDataVault under `subjectId`, so that no address or link lies readable in
 * kernel.job_outbox or Redis, and shredding the subject makes its unsent mail unreadable.
 */
export interface SendMailJobData {
  readonly subjectId: string;
  readonly sealed: string;
}

/** What an `identity.send-mail` job records as its result (never the address). */
export type SendMailResult = { readonly sent: true } | { readonly sent: false; readonly reason: 'shredded' };

/**
 * Sends one e-mail through the process's Mailer. Retried for about 8 minutes (1 s, 2 s … 4 min)
 * while the mail server is away; effects outside PostgreSQL are at least once, so a crash right
 * after sending may send the message again.
 */
export const sendMailJob = defineJob<SendMailJobData>({
  name: 'identity.send-mail',
  attempts: 9,
  backoff: { type: 'exponential', delay: 1_000 },
  concurrency: 4,
});
