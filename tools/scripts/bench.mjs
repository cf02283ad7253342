// `npm run bench:event-store -- [--quick] [--runs N] [--help]…` and `npm run bench:catalog -- [--quick]…`:
// builds the benchmark tool (tools/bench, cached by Nx) and runs the benchmark on Node 24.
import { join } from 'node:path';
import { ensureServices, fail, nx, run, workspaceRoot } from './lib/workspace.mjs';

const benchmarks = ['event-store', 'catalog'];
const [benchmark, ...args] = process.argv.slice(2);
if (!benchmarks.includes(benchmark ?? '')) fail(`usage: bench.mjs ${benchmarks.join('|')} [options]`);
await ensureServices();
if ((await nx(['build', 'tools-bench', '--outputStyle=static'])) !== 0)
  fail('The benchmark build failed; see above.');
process.exit(
  await run(process.execPath, [join(workspaceRoot, 'dist', 'tools', 'bench', 'main.js'), benchmark, ...args]),
);
