import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxMailer } from './outbox.mailer';

const FROM = 'Bandstand <no-reply@bandstand.localhost>';
const FILE = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f-]{36}\.eml$/;

describe('OutboxMailer', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bandstand-outbox-spec-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('creates the directory and writes one .eml file per message, named by time and id', async () => {
    const dir = join(root, 'var', 'mail');
    const mailer = new OutboxMailer(dir, FROM, () => new Date('2026-11-21T09:05:03.123Z'));
    await mailer.send({ to: 'ann@example.org', subject: 'Hello', text: 'Hi Ann' });
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    const [name = ''] = names;
    expect(name).toMatch(FILE);
    expect(name.startsWith('20261121T090503.123Z-')).toBe(true);
    const raw = await readFile(join(dir, name), 'utf8');
    const id = name.slice(21, -4);
    expect(raw).toContain('\r\nTo: ann@example.org\r\n');
    expect(raw).toContain('From: Bandstand <no-reply@bandstand.localhost>\r\n');
    expect(raw).toContain('Date: Sat, 21 Nov 2026 09:05:03 +0000\r\n');
    expect(raw).toContain(`Message-ID: <${id}@bandstand.localhost>\r\n`);
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8\r\n');
  });

  it('lists its messages back, newest first, decoded', async () => {
    let now = Date.parse('2026-11-21T09:00:00.000Z');
    const mailer = new OutboxMailer(root, FROM, () => new Date((now += 1_000)));
    await mailer.send({ to: 'ann@example.org', subject: 'First', text: 'one' });
    await mailer.send({
      to: 'zoe@example.org',
      subject: 'Zoë’s reset — Bandstand',
      text: `Hello Zoë,\n\nhttp://localhost:3000/fan/reset-password?token=${'t'.repeat(90)}\n`,
      html: '<p>ignored by the outbox</p>',
    });
    const listed = await mailer.list();
    expect(listed).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        to: 'zoe@example.org',
        subject: 'Zoë’s reset — Bandstand',
        text: `Hello Zoë,\n\nhttp://localhost:3000/fan/reset-password?token=${'t'.repeat(90)}\n`,
        sentAt: '2026-11-21T09:00:02.000Z',
      },
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        to: 'ann@example.org',
        subject: 'First',
        text: 'one',
        sentAt: '2026-11-21T09:00:01.000Z',
      },
    ]);
    const names = await readdir(root);
    expect(names.map((name) => name.slice(21, -4)).sort()).toEqual(
      listed.map((message) => message.id).sort(),
    );
  });

  it('keeps messages sent within one millisecond in order', async () => {
    const mailer = new OutboxMailer(root, FROM, () => new Date('2026-11-21T09:00:00.000Z'));
    for (const subject of ['a', 'b', 'c'])
      await mailer.send({ to: 'ann@example.org', subject, text: subject });
    expect((await mailer.list()).map((message) => message.subject)).toEqual(['c', 'b', 'a']);
  });

  it('lists nothing when the directory does not exist yet, and ignores other files', async () => {
    await expect(new OutboxMailer(join(root, 'missing'), FROM).list()).resolves.toEqual([]);
    await writeFile(join(root, 'notes.txt'), 'not a mail');
    await writeFile(join(root, '.20261121T090503.123Z-x.eml.tmp'), 'half written');
    await expect(new OutboxMailer(root, FROM).list()).resolves.toEqual([]);
  });

  it('refuses a recipient that would inject headers', async () => {
    await expect(
      new OutboxMailer(root, FROM).send({
        to: 'ann@example.org\nBcc: x@example.org',
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow('line break');
    await expect(readdir(root)).resolves.toEqual([]);
  });
});
