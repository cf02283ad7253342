import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A child process's environment: `undefined` removes a variable inherited from the test runner. */
export type ProcessEnv = Readonly<Record<string, string | undefined>>;

/** How a process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** What {@link startProcess} spawns and how it knows the process is ready. */
export interface StartProcessOptions {
  /** Shown in error messages. */
  readonly name: string;
  readonly command: string;
  readonly args?: readonly string[];
  readonly env?: ProcessEnv;
  /** Polled until it answers 200; the process counts as started then. */
  readonly readyUrl: string;
  /** How long the process may take to become ready; 30 s when absent. */
  readonly timeoutMs?: number;
  /** Working directory; the workspace root when absent. */
  readonly cwd?: string;
}

/** A process started by {@link startProcess}. */
export interface RunningProcess {
  /** Origin of `readyUrl`, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly pid: number;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<ProcessExit>;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs` (5 s when absent). */
  stop(graceMs?: number): Promise<ProcessExit>;
  /** Everything written so far to stdout and stderr, in arrival order. */
  output(): string;
  stdout(): string;
  stderr(): string;
}

/** What {@link runProcess} runs to completion. */
export interface RunProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args?: readonly string[];
  readonly env?: ProcessEnv;
  /** How long the process may run; 60 s when absent. It is killed after that. */
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

/** A finished process with its output. */
export interface FinishedProcess extends ProcessExit {
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const DEFAULT_RUN_TIMEOUT_MS = 60_000;
const DEFAULT_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 100;

let cachedWorkspaceRoot: string | undefined;

/** The workspace root: the nearest folder above this file that holds nx.json. */
export function workspaceRoot(): string {
  if (cachedWorkspaceRoot !== undefined) return cachedWorkspaceRoot;
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No nx.json found above ${__dirname}`);
    dir = parent;
  }
  cachedWorkspaceRoot = dir;
  return dir;
}

// Children still running when the test process ends are killed, so a failed suite never leaves
// an api holding a port or a database.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function childEnv(env: ProcessEnv | undefined): NodeJS.ProcessEnv {
  // The test runner's NODE_OPTIONS (--experimental-vm-modules) is for jest, not for the process under test.
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: undefined };
  for (const [key, value] of Object.entries(env ?? {})) merged[key] = value;
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

interface Spawned {
  readonly child: ChildProcess;
  readonly exited: Promise<ProcessExit>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly output: () => string;
}

function spawnCollecting(
  command: string,
  args: readonly string[],
  env: ProcessEnv | undefined,
  cwd: string,
): Spawned {
  const child = spawn(command, [...args], { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out.push(chunk);
    all.push(chunk);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err.push(chunk);
    all.push(chunk);
  });
  const exited = new Promise<ProcessExit>((resolve, reject) => {
    child.once('error', (error) => {
      running.delete(child);
      reject(error);
    });
    // 'close' rather than 'exit': by then every byte of output has been read.
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    child,
    exited,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    output: () => all.join(''),
  };
}

function describeExit(exit: ProcessExit): string {
  return exit.signal === null ? `exit code ${String(exit.code)}` : `signal ${exit.signal}`;
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function terminate(spawned: Spawned, graceMs: number): Promise<ProcessExit> {
  const { child } = spawned;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await spawned.exited;
    } finally {
      clearTimeout(timer);
    }
  }
  return spawned.exited;
}

/**
 * Spawns a long-running process and waits until `readyUrl` answers 200. Fails, with the
 * process's output, when it exits first or is not ready within the timeout (it is killed then).
 */
export async function startProcess(options: StartProcessOptions): Promise<RunningProcess> {
  const spawned = spawnCollecting(
    options.command,
    options.args ?? [],
    options.env,
    options.cwd ?? workspaceRoot(),
  );
  const timeoutMs = options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let exit: ProcessExit | undefined;
  void spawned.exited.then(
    (result) => {
      exit = result;
    },
    () => undefined,
  );
  const handle: RunningProcess = {
    url: new URL(options.readyUrl).origin,
    pid: spawned.child.pid ?? -1,
    exited: spawned.exited,
    stop: (graceMs = DEFAULT_GRACE_MS) => terminate(spawned, graceMs),
    output: spawned.output,
    stdout: spawned.stdout,
    stderr: spawned.stderr,
  };
  for (;;) {
    if (exit !== undefined) {
      throw new Error(
        `${options.name} ended (${describeExit(exit)}) before ${options.readyUrl} answered 200. Output:\n${spawned.output()}`,
      );
    }
    if (await answers200(options.readyUrl)) return handle;
    if (Date.now() > deadline) {
      await terminate(spawned, 1_000);
      throw new Error(
        `${options.name} was not ready within ${timeoutMs} ms (${options.readyUrl}). Output:\n${spawned.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Runs a process to completion and returns its exit and output; killed after the timeout. */
export async function runProcess(options: RunProcessOptions): Promise<FinishedProcess> {
  const spawned = spawnCollecting(
    options.command,
    options.args ?? [],
    options.env,
    options.cwd ?? workspaceRoot(),
  );
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), timeoutMs);
  try {
    const exit = await spawned.exited;
    if (exit.signal === 'SIGKILL') {
      throw new Error(`${options.name} did not finish within ${timeoutMs} ms. Output:\n${spawned.output()}`);
    }
    return { ...exit, stdout: spawned.stdout(), stderr: spawned.stderr(), output: spawned.output() };
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1 (the OS picked it for a listener on port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

function bundle(app: 'api' | 'worker'): string {
  const path = join(workspaceRoot(), 'dist', 'apps', app, 'main.js');
  if (!existsSync(path)) throw new Error(`${path} does not exist: build it first (npx nx build ${app})`);
  return path;
}

/** How {@link startApi} starts the built api. */
export interface StartApiOptions {
  readonly env?: ProcessEnv;
  /** The path polled until it answers 200: readiness by default; `/api/health/live` for an api whose dependencies are down. */
  readonly readyPath?: string;
  readonly timeoutMs?: number;
}

/** Starts the built api (`node dist/apps/api/main.js`) on a free port of 127.0.0.1. */
export async function startApi(options: StartApiOptions = {}): Promise<RunningProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return startProcess({
    name: 'api',
    command: process.execPath,
    args: [bundle('api')],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PUBLIC_URL: origin,
      ...E2E_SECRETS,
      ...options.env,
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    readyUrl: `${origin}${options.readyPath ?? '/api/health/ready'}`,
    timeoutMs: options.timeoutMs,
  });
}

/** The event store key the built processes run with in tests (production refuses the default one). */
export const E2E_EVENT_STORE_KEY = 'bandstand-e2e-test-key-0123456789abcdef0123';

/** Secrets the built processes run with in tests, since production refuses the development defaults. */
export const E2E_SECRETS: ProcessEnv = {
  EVENT_STORE_KEY: E2E_EVENT_STORE_KEY,
  AUTH_TOKEN_SECRET: 'bandstand-e2e-token-secret-0123456789abcdef',
  PERSONAL_DATA_KEY: 'bandstand-e2e-personal-data-key-0123456789ab',
};

/** How {@link startWorker} starts the built worker. */
export interface StartWorkerOptions {
  readonly env?: ProcessEnv;
  /** The path of the metrics server polled until it answers 200; readiness by default. */
  readonly readyPath?: string;
  readonly timeoutMs?: number;
}

/** Starts the built worker (`node dist/apps/worker/main.js`); ready when its /health/ready answers. */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({
    name: 'worker',
    command: process.execPath,
    args: [bundle('worker')],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...E2E_SECRETS,
      ...options.env,
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(port),
    },
    readyUrl: `http://127.0.0.1:${port}${options.readyPath ?? '/health/ready'}`,
    timeoutMs: options.timeoutMs,
  });
}

/** Migrates a database with the built worker (`db:migrate`); throws with the output unless it exits 0. */
export async function migrateDatabase(databaseUrl: string, env: ProcessEnv = {}): Promise<FinishedProcess> {
  const result = await runProcess({
    name: 'db:migrate',
    command: process.execPath,
    args: [bundle('worker'), 'db:migrate'],
    env: { NODE_ENV: 'production', LOG_LEVEL: 'info', ...env, DATABASE_URL: databaseUrl },
  });
  if (result.code !== 0) {
    throw new Error(
      `db:migrate of ${databaseUrl} ended with ${describeExit(result)}. Output:\n${result.output}`,
    );
  }
  return result;
}
