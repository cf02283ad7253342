// Helpers shared by the scripts behind `npm start`, `npm test` and `npm run db:*`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const colour = process.stderr.isTTY
  ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
  : (_code, text) => text;
export const say = (text) => process.stderr.write(`${colour('1;34', '[bandstand]')} ${text}\n`);
export const warn = (text) => process.stderr.write(`${colour('1;33', '[bandstand]')} ${text}\n`);
export const fail = (text) => {
  process.stderr.write(`${colour('1;31', '[bandstand]')} ${text}\n`);
  process.exit(1);
};

/** Runs a command in the workspace, inheriting stdio; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: workspaceRoot, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export function nx(args, options) {
  return run(
    process.execPath,
    [join(workspaceRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args],
    options,
  );
}

function reachable(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function endpoint(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || defaultPort) };
}

const services = [
  {
    name: 'PostgreSQL',
    variable: 'DATABASE_URL',
    url: () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bandstand',
    defaultPort: 5432,
    compose: 'postgres',
    // Debian's cluster wrapper, as on the machines this project is built on (shared/TOOLCHAIN.md).
    start: () => {
      const versions = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .filter(Boolean);
      const version = versions.at(-1);
      if (!version || !existsSync('/usr/bin/pg_ctlcluster')) return false;
      return (
        spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
          stdio: 'ignore',
        }).status === 0
      );
    },
  },
  {
    name: 'Redis',
    variable: 'REDIS_URL',
    url: () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    defaultPort: 6379,
    compose: 'redis',
    start: () => {
      if (!existsSync('/usr/bin/redis-server')) return false;
      const args = [
        '--daemonize',
        'yes',
        '--bind',
        '127.0.0.1',
        '-::1',
        '--port',
        '6379',
        '--save',
        '',
        '--appendonly',
        'no',
      ];
      return spawnSync('redis-server', args, { stdio: 'ignore' }).status === 0;
    },
  },
];

/**
 * Makes sure PostgreSQL and Redis answer. A local server that is installed but stopped is started;
 * anything else stops with a message that says how to provide the service.
 */
export async function ensureServices() {
  for (const service of services) {
    const { host, port } = endpoint(service.url(), service.defaultPort);
    if (await reachable(host, port)) continue;
    const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
    if (local && service.start()) {
      for (let attempt = 0; attempt < 30 && !(await reachable(host, port)); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (await reachable(host, port)) {
        say(`${service.name} was stopped on ${host}:${port}; started it.`);
        continue;
      }
    }
    fail(
      `${service.name} is not reachable at ${host}:${port}.\n` +
        `  Start one with Docker:   docker compose up -d ${service.compose}\n` +
        `  or point ${service.variable} at your own server, e.g. ${service.variable}=${service.url().replace(/\/\/[^@]*@/, '//user:password@')}`,
    );
  }
}

/** The Chromium the browser tests drive: $CHROMIUM_PATH, Debian's /usr/bin/chromium, installed if missing. */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${wanted} does not exist.`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    fail(
      'The browser tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  say("Installing Debian's chromium for the browser tests (apt-get install -y chromium)");
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' })
      .status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!install()) fail('apt-get could not install chromium; install it by hand or set CHROMIUM_PATH.');
  }
  return wanted;
}
