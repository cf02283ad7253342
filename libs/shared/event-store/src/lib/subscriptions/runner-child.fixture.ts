// Run by runner-crash.int.spec.ts in a separate jest process, which that test SIGKILLs mid-batch.
// Not a test of its own: the workspace's testMatch (*.spec.ts) never picks this file up.
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@bandstand/shared/persistence';
import { CommitListener, CommitNotifier } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher } from '../store/event-hasher';
import { EventStore } from '../store/event-store';
import { EventSchemaRegistry } from '../store/upcasters';
import { TEST_EVENT_STORE_KEY } from '../testing/kernel-test-harness';
import { counterProjection } from './runner-test-projection';
import { SubscriptionRunner } from './subscription-runner';

const url = process.env['KERNEL_CHILD_DATABASE_URL'] ?? '';
const schema = process.env['KERNEL_CHILD_SCHEMA'] ?? '';

it('runs the counter projection until it is killed', async () => {
  const orm = await MikroORM.init(ormOptions({ url, entities: [], poolMax: 4 }));
  const db = new KernelDatabase(orm);
  const store = new EventStore(
    db,
    new EventHasher(TEST_EVENT_STORE_KEY),
    new EventSchemaRegistry(),
    new CommitNotifier(url),
  );
  const listener = new CommitListener(url);
  await listener.start();
  const runner = new SubscriptionRunner(db, store, listener, counterProjection(schema, { batchSize: 5 }), {
    leaseMs: 1_000,
    idlePollMs: 100,
    owner: `child-${process.pid}`,
    // Widens the window between the effect and the checkpoint, where a crash hurts most.
    beforeCheckpoint: () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20)),
  });
  runner.start();
  process.stdout.write('child runner started\n');
  await new Promise(() => undefined);
}, 3_600_000);
