// `npm test`: every check of the workspace — lint, types, unit and integration tests against the
// real PostgreSQL and Redis, builds, and the HTTP and browser end-to-end suites — then one closing
// line `N passed, N failed` that CI reads.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureServices, say, workspaceRoot } from './lib/workspace.mjs';

const started = Date.now();
await ensureServices();
process.env.CHROMIUM_PATH = ensureChromium();

const resultsDir = join(workspaceRoot, 'dist', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** Runs nx, echoing its output, and returns the tasks it lists as failed (Nx prints them on stderr). */
function nx(args) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(workspaceRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args, '--outputStyle=stream'],
      { cwd: workspaceRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      const failed = new Set();
      for (const section of output.split(/Failed tasks:/).slice(1)) {
        for (const line of section.split('\n')) {
          const match = /^\s*-\s+([\w.-]+(?::[\w.-]+){1,2})\s*$/.exec(line);
          if (match) failed.add(match[1]);
          else if (line.trim() !== '' && failed.size > 0) break;
        }
      }
      if (code !== 0 && failed.size === 0) failed.add(`nx ${args.join(' ')} (exit ${code})`);
      resolve([...failed]);
    });
  });
}

say('Formatting (prettier --check; fix with npm run format)');
const formatted = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    [
      join(workspaceRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
      '--check',
      '--log-level=warn',
      '.',
    ],
    {
      cwd: workspaceRoot,
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => resolve(code === 0));
});

say('Lint, type checks, unit and integration tests, builds and end-to-end suites');
const failedTasks = await nx(['run-many', '-t', 'lint', 'typecheck', 'build', 'test', 'test-chaos']);
if (!formatted) failedTasks.push('workspace:format');

let passed = 0;
let failed = 0;
let skipped = 0;
const results = new Map();
for (const file of readdirSync(resultsDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  results.set(result.project, result);
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped;
}
const rows = [...results.values()].map(
  (result) =>
    `  ${result.project.padEnd(28)} ${String(result.passed).padStart(5)} passed ${String(result.failed).padStart(4)} failed`,
);
// Every failed task counts: a lint, type check or build as one failed check; a test task as its
// failed tests, or as one when it failed without any (a crash, a jest error after the run).
for (const task of failedTasks) {
  const [project, target] = task.split(':');
  if (target === 'test' && (results.get(project)?.failed ?? 0) > 0) continue;
  failed += 1;
}

process.stdout.write(`\nTest results by project:\n${rows.join('\n')}\n`);
if (failedTasks.length > 0)
  process.stdout.write(`Failed tasks:\n${failedTasks.map((task) => `  - ${task}`).join('\n')}\n`);
if (skipped > 0) process.stdout.write(`Skipped tests: ${skipped} (the house rules allow none)\n`);
process.stdout.write(`Took ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || failedTasks.length > 0 || skipped > 0 || passed === 0 ? 1 : 0);
