import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { HibpBreachedPasswords } from './breached-passwords.adapters';

function sha1(password: string): { prefix: string; suffix: string } {
  const hex = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
  return { prefix: hex.slice(0, 5), suffix: hex.slice(5) };
}

function randomSuffix(): string {
  return randomBytes(18).toString('hex').toUpperCase().slice(0, 35);
}

/**
 * What api.pwnedpasswords.com answers to GET /range/{prefix} with Add-Padding: true: CRLF-separated
 * `SUFFIX:COUNT` lines, uppercase hex, no trailing newline, padded with count-0 lines.
 */
function rangeBody(entries: readonly (readonly [string, number])[], padding = 200): string {
  const lines = entries.map(([suffix, count]) => `${suffix}:${count}`);
  for (let i = 0; i < padding; i++) lines.push(`${randomSuffix()}:0`);
  return lines.sort().join('\r\n');
}

interface Seen {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

type Handler = (url: string, response: ServerResponse) => void;

describe('HibpBreachedPasswords (contract: the range API’s format, on a local server)', () => {
  let server: Server;
  let baseUrl: string;
  let seen: Seen[] = [];
  let handler: Handler = () => undefined;
  const hanging: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      handler(request.url ?? '', response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    seen = [];
  });

  function serveRange(entries: readonly (readonly [string, number])[]): void {
    handler = (url, response) => {
      if (!/^\/(?:[a-z]+\/)?range\/[0-9A-F]{5}$/.test(url)) {
        response.writeHead(400).end('The hash prefix was not in a valid format');
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(rangeBody(entries));
    };
  }

  it('finds a password whose suffix is listed with a count, sending only the 5-digit prefix', async () => {
    const password = 'correct horse battery staple';
    const { prefix, suffix } = sha1(password);
    serveRange([[suffix, 427]]);
    const hibp = new HibpBreachedPasswords({ apiUrl: baseUrl });
    await expect(hibp.isBreached(password)).resolves.toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`/range/${prefix}`);
    expect(seen[0]?.headers['add-padding']).toBe('true');
    expect(JSON.stringify(seen[0])).not.toContain(suffix);
  });

  it('does not count padding lines (count 0) nor other suffixes of the range', async () => {
    const password = 'vellum-otter-quasar-19';
    const { suffix } = sha1(password);
    serveRange([[suffix, 0]]);
    const hibp = new HibpBreachedPasswords({ apiUrl: baseUrl });
    await expect(hibp.isBreached(password)).resolves.toBe(false);
    serveRange([[randomSuffix(), 12]]);
    await expect(hibp.isBreached(password)).resolves.toBe(false);
  });

  it('keeps a path in HIBP_API_URL, with or without a trailing slash', async () => {
    const password = 'tangerine-stapler-42';
    const { prefix, suffix } = sha1(password);
    serveRange([[suffix, 1]]);
    await expect(new HibpBreachedPasswords({ apiUrl: `${baseUrl}/hibp` }).isBreached(password)).resolves.toBe(
      true,
    );
    await expect(
      new HibpBreachedPasswords({ apiUrl: `${baseUrl}/hibp/` }).isBreached(password),
    ).resolves.toBe(true);
    expect(seen.map((each) => each.url)).toEqual([`/hibp/range/${prefix}`, `/hibp/range/${prefix}`]);
  });

  describe('when the API fails', () => {
    let warn: jest.SpyInstance;

    beforeEach(() => {
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => warn.mockRestore());

    it('falls back to the bundled list on an error status, and logs a warning', async () => {
      handler = (_url, response) => response.writeHead(503).end('Service Unavailable');
      const hibp = new HibpBreachedPasswords({ apiUrl: baseUrl });
      await expect(hibp.isBreached('qwerty123456')).resolves.toBe(true);
      await expect(hibp.isBreached('vellum-otter-quasar-19')).resolves.toBe(false);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String((warn.mock.calls as unknown[][])[0]?.[0])).toContain('503');
    });

    it('falls back on an answer that is not in the range format', async () => {
      handler = (_url, response) => response.writeHead(200).end('<html>maintenance</html>');
      const hibp = new HibpBreachedPasswords({ apiUrl: baseUrl });
      await expect(hibp.isBreached('qwerty123456')).resolves.toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('gives up after its timeout instead of waiting for a silent server', async () => {
      handler = (_url, response) => hanging.push(response);
      const hibp = new HibpBreachedPasswords({ apiUrl: baseUrl, timeoutMs: 200 });
      const started = Date.now();
      await expect(hibp.isBreached('qwerty123456')).resolves.toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('falls back when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const hibp = new HibpBreachedPasswords({ apiUrl: `http://127.0.0.1:${port}` });
      await expect(hibp.isBreached('leavemealone')).resolves.toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
    });
  });
});
