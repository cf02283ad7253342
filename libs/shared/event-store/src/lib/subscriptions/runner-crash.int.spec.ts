import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '@bandstand/shared/testing';
import { CommitListener } from '../notify/commit-notifier';
import { type EventMetadata } from '../store/event';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import {
  committedVersions,
  counterProjection,
  counterState,
  createCounterTables,
} from './runner-test-projection';
import { SubscriptionRunner } from './subscription-runner';

const metadata: EventMetadata = {
  correlationId: 'c',
  causationId: null,
  actor: 'system:test',
  tenantId: null,
};
const workspaceRoot = join(__dirname, '../../../../../..');
const schema = 'crash_test';

/** Starts the runner in another process and resolves once it has projected something new. */
function startChild(url: string) {
  const child = spawn(
    process.execPath,
    [
      join(workspaceRoot, 'node_modules/jest/bin/jest.js'),
      '-c',
      join(workspaceRoot, 'libs/shared/event-store/jest.config.cjs'),
      '--testMatch',
      '**/runner-child.fixture.ts',
      '--reporters',
      'default',
      '--runInBand',
    ],
    {
      cwd: workspaceRoot,
      env: { ...process.env, KERNEL_CHILD_DATABASE_URL: url, KERNEL_CHILD_SCHEMA: schema },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  return { child, exited, output: () => output };
}

describe('SubscriptionRunner after a crash', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    await createCounterTables(kernel.db, schema);
  });
  afterAll(() => kernel.close());

  it('applies every event exactly once although the worker is SIGKILLed between effect and checkpoint', async () => {
    let writing = true;
    let appended = 0;
    const writer = (async () => {
      while (writing) {
        await kernel.store.append(
          `crash-${appended % 7}`,
          [{ type: 'ThingHappened', data: { n: appended } }],
          {
            expectedVersion: 'any',
            metadata,
          },
        );
        appended++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    for (let crash = 0; crash < 3; crash++) {
      const before = (await counterState(kernel.db, schema)).rows;
      const running = startChild(kernel.database.url);
      await eventually(async () => {
        expect((await counterState(kernel.db, schema)).rows).toBeGreaterThan(before + 20);
      }, 60_000);
      running.child.kill('SIGKILL');
      expect(await running.exited).toBe('SIGKILL');
    }
    writing = false;
    await writer;

    const listener = new CommitListener(kernel.database.url);
    await listener.start();
    const survivor = new SubscriptionRunner(
      kernel.db,
      kernel.store,
      listener,
      counterProjection(schema, { batchSize: 5 }),
      {
        leaseMs: 1_000,
        idlePollMs: 100,
      },
    );
    survivor.start();
    try {
      await eventually(async () => {
        const state = await counterState(kernel.db, schema);
        expect(state.counts).toEqual(await committedVersions(kernel.db));
        expect(state.rows).toBe(appended);
        expect(state.distinct).toBe(appended);
      }, 30_000);
    } finally {
      await survivor.stop();
      await listener.stop();
    }
  }, 180_000);
});
