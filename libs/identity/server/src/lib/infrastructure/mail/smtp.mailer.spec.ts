import { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { parseEml } from './eml';
import { SmtpMailer } from './smtp.mailer';

interface Received {
  readonly raw: Buffer;
  readonly from: string | undefined;
  readonly to: readonly string[];
  readonly user: string | undefined;
}

function envelopeOf(session: SMTPServerSession): Pick<Received, 'from' | 'to' | 'user'> {
  const from = session.envelope.mailFrom;
  return {
    from: from === false ? undefined : from.address,
    to: session.envelope.rcptTo.map((each) => each.address),
    user: typeof session.user === 'string' ? session.user : undefined,
  };
}

describe('SmtpMailer (against a local smtp-server)', () => {
  let server: SMTPServer;
  let port: number;
  let received: Received[] = [];
  let mailers: SmtpMailer[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'bandstand' && auth.password === 's3cret/p@ss')
          callback(null, { user: 'bandstand' });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@rejected.example')) callback(new Error('550 No such user here'));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ raw: Buffer.concat(chunks), ...envelopeOf(session) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    received = [];
  });
  afterEach(() => {
    for (const mailer of mailers) mailer.onApplicationShutdown();
    mailers = [];
  });

  function mailer(url: string): SmtpMailer {
    const made = new SmtpMailer(url, 'Bändstand <no-reply@bandstand.example>', {
      connectionMs: 2_000,
      greetingMs: 2_000,
      socketMs: 5_000,
    });
    mailers.push(made);
    return made;
  }

  const validUrl = (): string => `smtp://bandstand:${encodeURIComponent('s3cret/p@ss')}@127.0.0.1:${port}`;

  it('delivers the message with the credentials of SMTP_URL: envelope, headers, text and HTML', async () => {
    await mailer(validUrl()).send({
      to: 'zoe@example.org',
      subject: 'Zoë, confirm your address — Bandstand',
      text: 'Hello Zoë,\n\nhttp://localhost:3000/fan/verify-email?token=abc\n\n— Bandstand',
      html: '<p>Hello Zoë,</p><p><a href="http://localhost:3000/fan/verify-email?token=abc">Confirm</a></p>',
    });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.user).toBe('bandstand');
    expect(message?.from).toBe('no-reply@bandstand.example');
    expect(message?.to).toEqual(['zoe@example.org']);
    const parsed = parseEml(message?.raw ?? Buffer.alloc(0));
    expect(parsed.headers.get('from')).toBe('Bändstand <no-reply@bandstand.example>');
    expect(parsed.headers.get('to')).toBe('zoe@example.org');
    expect(parsed.headers.get('subject')).toBe('Zoë, confirm your address — Bandstand');
    expect(parsed.headers.get('message-id')).toMatch(/^<.+@.+>$/);
    expect(parsed.headers.get('date')).toBeDefined();
    expect(parsed.text).toContain('http://localhost:3000/fan/verify-email?token=abc');
    expect(parsed.text).toContain('Hello Zoë,');
    expect(parsed.html).toContain('<a href="http://localhost:3000/fan/verify-email?token=abc">Confirm</a>');
    // The raw headers are 7-bit: the subject went out RFC 2047 encoded.
    const head = message?.raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
  });

  it('sends text-only messages as text/plain', async () => {
    await mailer(validUrl()).send({
      to: 'ann@example.org',
      subject: 'Password changed',
      text: 'It was changed.',
    });
    const parsed = parseEml(received[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(parsed.text).toBe('It was changed.');
    expect(parsed.html).toBeUndefined();
  });

  it('throws when the server refuses the credentials or the recipient, so that the job retries', async () => {
    await expect(
      mailer(`smtp://bandstand:wrong@127.0.0.1:${port}`).send({
        to: 'ann@example.org',
        subject: 's',
        text: 't',
      }),
    ).rejects.toThrow(/Invalid username or password|auth/i);
    await expect(
      mailer(validUrl()).send({ to: 'nobody@rejected.example', subject: 's', text: 't' }),
    ).rejects.toThrow(/No such user|rejected/i);
    expect(received).toEqual([]);
  });

  it('throws when no server answers', async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      mailer(`smtp://127.0.0.1:${closedPort}`).send({ to: 'ann@example.org', subject: 's', text: 't' }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
