// `npm start`: builds what changed, migrates and seeds the database with demo data, then runs the
// api (serving the three consoles) and the worker until Ctrl-C.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureServices, fail, nx, run, say, warn, workspaceRoot } from './lib/workspace.mjs';

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  PORT: port,
  CONSOLES_DIR: process.env.CONSOLES_DIR ?? join(workspaceRoot, 'dist', 'apps'),
  // The demo's first staff admin: whoever signs up with this address (README, "Signing in").
  STAFF_BOOTSTRAP_ADMIN_EMAIL: process.env.STAFF_BOOTSTRAP_ADMIN_EMAIL ?? 'admin@bandstand.localhost',
};
const worker = join(workspaceRoot, 'dist', 'apps', 'worker', 'main.js');

await ensureServices();
say('Building the api, the worker and the three consoles (cached after the first time)');
if (
  (await nx([
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'worker',
    'fan',
    'creator',
    'staff',
    '--outputStyle=static',
  ])) !== 0
) {
  fail('The build failed; see above.');
}
say('Migrating the database');
if ((await run(process.execPath, [worker, 'db:migrate'], { env })) !== 0)
  fail('Migrations failed; see above.');
say('Seeding demo data (skipped when this database holds it already)');
if ((await run(process.execPath, [worker, 'db:seed', ...process.argv.slice(2)], { env })) !== 0)
  fail('Seeding failed; see above.');

const children = [
  spawn(process.execPath, [join(workspaceRoot, 'dist', 'apps', 'api', 'main.js')], {
    cwd: workspaceRoot,
    env,
    stdio: 'inherit',
  }),
  spawn(process.execPath, [worker], { cwd: workspaceRoot, env, stdio: 'inherit' }),
];
// The first process to stop on its own decides the exit status; Ctrl-C is a clean stop (0).
let exitCode;
const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);
const stop = (code) => {
  if (exitCode !== undefined) return;
  exitCode = code;
  for (const child of running()) child.kill('SIGTERM');
  // The worker waits up to 30 s for running jobs; past that, nothing may be left holding a port.
  setTimeout(() => {
    for (const child of running()) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 35_000).unref();
};
for (const child of children) {
  child.on('exit', (code, signal) => {
    if (exitCode === undefined) {
      warn(`A Bandstand process stopped (${signal ?? `exit ${code}`}); stopping the other.`);
      stop(code === 0 ? 1 : (code ?? 1));
    }
    if (running().length === 0) process.exit(exitCode ?? 0);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const base = `http://localhost:${port}`;
say(
  [
    'Bandstand is starting:',
    `  fan app          ${base}/fan/`,
    `  creator console  ${base}/creator/`,
    `  staff console    ${base}/staff/`,
    `  API docs         ${base}/api/docs`,
    `  e-mail outbox    ${base}/api/v1/dev/mail (files in var/mail/)`,
    `  staff admin      sign up as ${env.STAFF_BOOTSTRAP_ADMIN_EMAIL}`,
    `  readiness        ${base}/api/health/ready`,
    'Stop with Ctrl-C.',
  ].join('\n'),
);
