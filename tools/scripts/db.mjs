// `npm run db:migrate | db:reset | db:seed -- [--scale N] [--seed S] [--force]`: builds the worker
// (cached) and runs its database command.
import { join } from 'node:path';
import { ensureServices, fail, nx, run, workspaceRoot } from './lib/workspace.mjs';

const [command, ...args] = process.argv.slice(2);
if (!['db:migrate', 'db:reset', 'db:seed'].includes(command ?? ''))
  fail('usage: db.mjs db:migrate|db:reset|db:seed [options]');
await ensureServices();
if ((await nx(['build', 'worker', '--outputStyle=static'])) !== 0)
  fail('The worker build failed; see above.');
process.exit(
  await run(process.execPath, [join(workspaceRoot, 'dist', 'apps', 'worker', 'main.js'), command, ...args]),
);
