import { type KernelOperationsOverview } from '@bandstand/shared/contracts';
import { MetricsService } from '@bandstand/shared/observability';
import { ormOptions } from '@bandstand/shared/persistence';
import { freePort } from '@bandstand/shared/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { KernelDatabase } from '../sql/kernel-database';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { OperationsMetrics } from './operations.metrics';
import { OperationsService } from './operations.service';

/** The real service, counting how often it is asked. */
class CountedOperations extends OperationsService {
  calls = 0;

  override overview(): Promise<KernelOperationsOverview> {
    this.calls += 1;
    return super.overview();
  }
}

describe('OperationsMetrics', () => {
  let kernel: KernelTestHarness;

  beforeAll(async () => {
    kernel = await createKernelTestHarness();
    await kernel.db.query(
      `insert into kernel.subscriptions (name, kind, definition_version, status) values ('ops.metrics', 'projection', 1, 'stopped')`,
    );
  });
  afterAll(() => kernel.close());

  it('reads one overview per scrape for all its gauges, and fresh figures on the next scrape', async () => {
    const operations = new CountedOperations(kernel.db);
    const metrics = new MetricsService('worker');
    new OperationsMetrics(operations, metrics, 'worker').onModuleInit();

    const first = await metrics.render();
    expect(operations.calls).toBe(1);
    expect(first).toMatch(
      /^bandstand_kernel_subscription_status\{[^}]*subscription="ops\.metrics"[^}]*status="stopped"[^}]*\} 1$/m,
    );
    expect(first).toMatch(/^bandstand_kernel_operations_up\{[^}]*\} 1$/m);
    expect(first).toMatch(
      /^bandstand_kernel_subscription_events_behind\{[^}]*subscription="ops\.metrics"[^}]*\} 0$/m,
    );

    await kernel.store.append('thing-metrics', [{ type: 'ThingHappened', data: {} }], {
      expectedVersion: 'no_stream',
      metadata: { correlationId: 'c-m', causationId: null, actor: 'user:ops', tenantId: null },
    });
    const second = await metrics.render();
    expect(operations.calls).toBe(2);
    expect(second).toMatch(
      /^bandstand_kernel_subscription_events_behind\{[^}]*subscription="ops\.metrics"[^}]*\} 1$/m,
    );
  });

  it('drops a subscription that no longer exists from the next scrape', async () => {
    await kernel.db.query(
      `insert into kernel.subscriptions (name, kind, definition_version) values ('ops.short-lived', 'processor', 1)`,
    );
    const metrics = new MetricsService('worker');
    new OperationsMetrics(new OperationsService(kernel.db), metrics, 'worker').onModuleInit();
    expect(await metrics.render()).toContain('subscription="ops.short-lived"');
    await kernel.db.query(`delete from kernel.subscriptions where name = 'ops.short-lived'`);
    expect(await metrics.render()).not.toContain('subscription="ops.short-lived"');
  });

  it('registers nothing in the api, where the runners do not live', async () => {
    const metrics = new MetricsService('api');
    new OperationsMetrics(new OperationsService(kernel.db), metrics, 'api').onModuleInit();
    expect(await metrics.render()).not.toContain('bandstand_kernel_');
  });

  it('still answers the scrape, without kernel figures, while PostgreSQL cannot be read', async () => {
    // The pool connects lazily: this ORM builds, and every query fails with ECONNREFUSED.
    const closedPort = await freePort();
    const orm = await MikroORM.init(
      ormOptions({ url: `postgres://postgres@127.0.0.1:${closedPort}/bandstand`, entities: [], poolMax: 1 }),
    );
    try {
      const metrics = new MetricsService('worker');
      new OperationsMetrics(new OperationsService(new KernelDatabase(orm)), metrics, 'worker').onModuleInit();
      const text = await metrics.render();
      expect(text).toContain('# HELP bandstand_kernel_subscription_lag_seconds');
      expect(text).not.toContain('subscription="');
      expect(text).toMatch(/^bandstand_kernel_operations_up\{[^}]*\} 0$/m);
      expect(text).toMatch(/^bandstand_process_cpu_seconds_total\{[^}]*\} \S+$/m);
    } finally {
      await orm.close(true);
    }
  });
});
