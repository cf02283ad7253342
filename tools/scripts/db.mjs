// `npm run db:migrate | db:reset | db:seed -- [--scale N] [--seed S] [--force]` and
// `npm run kernel:verify -- [--json] [--anchor N:CHAIN]`: builds the worker (cached) and runs its
// database command, passing its exit status on (kernel:verify: 0 intact, 65 tampered).
import { join } from 'node:path';
import { ensureServices, fail, nx, run, workspaceRoot } from './lib/workspace.mjs';

const [command, ...args] = process.argv.slice(2);
if (!['db:migrate', 'db:reset', 'db:seed', 'kernel:verify'].includes(command ?? ''))
  fail('usage: db.mjs db:migrate|db:reset|db:seed|kernel:verify [options]');
await ensureServices();
// kernel:verify --json writes the report to stdout: the build's own output goes to stderr.
const buildOutput = command === 'kernel:verify' ? { stdio: ['inherit', 2, 'inherit'] } : undefined;
if ((await nx(['build', 'worker', '--outputStyle=static'], buildOutput)) !== 0)
  fail('The worker build failed; see above.');
process.exit(
  await run(process.execPath, [join(workspaceRoot, 'dist', 'apps', 'worker', 'main.js'), command, ...args]),
);
