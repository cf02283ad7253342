import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevMailController } from './dev-mail.controller';
import { OutboxMailer } from './outbox.mailer';

describe('DevMailController', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bandstand-dev-mail-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the outbox in development', async () => {
    const outbox = new OutboxMailer(dir, 'Bandstand <no-reply@bandstand.localhost>');
    await outbox.send({
      to: 'ana@example.org',
      subject: 'Confirm your address',
      text: 'Open http://x/?token=1',
    });
    const listed = await new DevMailController({ NODE_ENV: 'development' }, outbox).list();
    expect(listed.map((message) => [message.to, message.subject])).toEqual([
      ['ana@example.org', 'Confirm your address'],
    ]);
  });

  it('does not exist in production or without an outbox', async () => {
    const outbox = new OutboxMailer(dir, 'Bandstand <no-reply@bandstand.localhost>');
    await expect(new DevMailController({ NODE_ENV: 'production' }, outbox).list()).rejects.toThrow(
      'There is no development outbox',
    );
    await expect(new DevMailController({ NODE_ENV: 'development' }, null).list()).rejects.toThrow(
      'There is no development outbox',
    );
  });
});
