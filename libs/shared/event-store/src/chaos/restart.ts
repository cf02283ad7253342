import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/**
 * Restarts the local PostgreSQL as a crash would (immediate mode: no checkpoint, recovery from the
 * WAL on start). CHAOS_RESTART_POSTGRES overrides the command (e.g. `docker compose restart postgres`).
 */
export function restartPostgres(): void {
  const custom = process.env['CHAOS_RESTART_POSTGRES'];
  if (custom) {
    execSync(custom, { stdio: 'inherit' });
    return;
  }
  if (!existsSync('/etc/postgresql')) {
    throw new Error(
      'The chaos tests restart PostgreSQL: set CHAOS_RESTART_POSTGRES to a command that does it on this machine',
    );
  }
  for (const version of readdirSync('/etc/postgresql')) {
    execFileSync(
      'pg_ctlcluster',
      ['--skip-systemctl-redirect', version, 'main', 'restart', '--mode', 'immediate'],
      {
        stdio: 'inherit',
      },
    );
  }
}

/**
 * Restarts the local Redis with nothing kept (as TOOLCHAIN.md starts it). CHAOS_RESTART_REDIS
 * overrides the command.
 */
export function restartRedisEmpty(): void {
  const custom = process.env['CHAOS_RESTART_REDIS'];
  if (custom) {
    execSync(custom, { stdio: 'inherit' });
    return;
  }
  try {
    execFileSync('redis-cli', ['-h', '127.0.0.1', 'shutdown', 'nosave'], { stdio: 'ignore' });
  } catch {
    // redis-cli reports the dropped connection of a successful shutdown as an error.
  }
  execFileSync(
    'redis-server',
    [
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
      '--dir',
      '/var/lib/redis',
      '--logfile',
      '/var/log/redis/ci.log',
    ],
    { stdio: 'inherit' },
  );
}
