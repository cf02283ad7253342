import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HORIZON_WARNING_SECONDS } from '@bandstand/shared/contracts';
import { type ApiStack, eventually, startApiStack, workspaceRoot } from '@bandstand/shared/testing';
import { Client } from 'pg';
import { DESKTOP, launchBrowser, type TestBrowser, watchProblems } from './support/browser';
import { signInAsStaff, STAFF_ENV } from './support/sign-in';

const SCREENSHOTS = join(workspaceRoot(), 'dist', 'test-output', 'screenshots');

describe("the staff console's operational view, on the built api and a real PostgreSQL", () => {
  let stack: ApiStack;
  let browser: TestBrowser;
  let db: Client;

  beforeAll(async () => {
    // The worker sends the staff admin's verification mail; the subscriptions below are made up.
    stack = await startApiStack({
      worker: true,
      env: { CONSOLES_DIR: join(workspaceRoot(), 'dist', 'apps'), ...STAFF_ENV },
    });
    browser = await launchBrowser();
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    mkdirSync(SCREENSHOTS, { recursive: true });

    // What a worker would have left behind: a projection keeping up, and a processor that failed on
    // one event after parking another.
    await db.query(
      `insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
         data, metadata, correlation_id, actor, recorded_at, hash)
       select nextval('kernel.events_global_position_seq'), 'perk-9', g, gen_random_uuid(), 'PerkClaimed', 1, '{}', '{}',
         'c-e2e', 'user:e2e', now() - interval '1 minute', '\\x00'::bytea
       from generate_series(1, 3) g`,
    );
    await db.query(
      `insert into kernel.subscriptions (name, kind, definition_version, status, position_transaction_id, position_global,
         lease_owner, lease_expires_at, last_error, last_error_at)
       select 'catalog.release-list', 'projection', 1, 'running', '1000000000000'::xid8, 1000000000000,
         'worker-e2e:1:abcd', now() + interval '1 hour', null, null
       union all
       select 'perks.delivery', 'processor', 1, 'failed', '0', 0, null, null,
         'Event 2 (PerkClaimed, perk-9): wallet not found', now()`,
    );
    await db.query(
      `insert into kernel.parked_events (subscription, global_position, transaction_id, event_id, event_type, stream_id,
         attempts, error)
       select 'perks.delivery', global_position, transaction_id, event_id, event_type, stream_id, 5, 'wallet not found'
       from kernel.events where stream_id = 'perk-9' and stream_version = 1`,
    );
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await stack?.stop();
  });

  it('shows each subscriber, resumes one, retries a parked event and names the transaction holding the horizon', async () => {
    const page = await browser.context.newPage();
    await signInAsStaff(page, stack);
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
    const watch = watchProblems(page);
    const holder = new Client({ connectionString: stack.database.url, application_name: 'forgotten-psql' });
    await holder.connect();
    try {
      const response = await page.goto(`${stack.api.url}/staff/operations`);
      expect(response?.status()).toBe(200);
      const view = page.locator('bs-kernel-operations');
      const failed = view.locator('tr[data-subscription="perks.delivery"]');
      await failed.waitFor();
      expect((await failed.locator('.bs-status-chip').textContent())?.trim()).toContain('failed');
      expect(await failed.locator('.bs-error-message').textContent()).toBe(
        'Event 2 (PerkClaimed, perk-9): wallet not found',
      );
      // Behind by every event: the three above and those of the staff admin's sign-in.
      const stored = await db.query<{ n: string }>('select count(*) as n from kernel.events');
      expect((await failed.locator('.bs-behind').textContent())?.trim()).toBe(stored.rows[0]?.n);
      const running = view.locator('tr[data-subscription="catalog.release-list"]');
      expect((await running.locator('.bs-lag').textContent())?.trim()).toBe('caught up');
      expect(await running.locator('.bs-lease-owner').textContent()).toBe('worker-e2e:1:abcd');

      // Retry the parked event: the request is recorded for the runner.
      await failed.getByRole('button', { name: 'Parked events of perks.delivery: 1' }).click();
      const parked = view.locator('bs-parked-events tr[data-position]');
      await parked.first().waitFor();
      await parked
        .first()
        .getByRole('button', { name: /^Retry event/ })
        .click();
      await view.locator('bs-parked-events .bs-retry-requested').waitFor();
      const retried = await db.query<{ requested: boolean }>(
        `select retry_requested_at is not null as requested from kernel.parked_events where subscription = 'perks.delivery'`,
      );
      expect(retried.rows).toEqual([{ requested: true }]);

      // Resume the failed processor, after confirming.
      await failed.getByRole('button', { name: 'Resume perks.delivery' }).click();
      await page.locator('bs-confirm-dialog').getByRole('button', { name: 'Resume' }).click();
      await view.getByText('perks.delivery resumed').waitFor();
      const resumed = await db.query<{ status: string; last_error: string | null }>(
        `select status, last_error from kernel.subscriptions where name = 'perks.delivery'`,
      );
      expect(resumed.rows).toEqual([{ status: 'running', last_error: null }]);
      await eventually(async () => {
        expect((await failed.locator('.bs-status-chip').textContent())?.trim()).toContain('running');
      });

      // A session left idle in a transaction holds the read horizon: the view names it.
      await holder.query('begin');
      const held = await holder.query<{ pid: number }>(
        'select pg_backend_pid() as pid, pg_current_xact_id()',
      );
      const pid = held.rows[0]?.pid;
      await db.query(
        `insert into kernel.events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
           data, metadata, correlation_id, actor, recorded_at, hash)
         values (nextval('kernel.events_global_position_seq'), 'perk-9', 4, gen_random_uuid(), 'PerkClaimed', 1, '{}', '{}',
           'c-e2e', 'user:e2e', now(), '\\x00'::bytea)`,
      );
      const warning = view.locator('bs-horizon-warning [role="alert"]');
      // The page reads again every 5 s and warns once the transaction is older than the threshold.
      await warning.waitFor({ timeout: (HORIZON_WARNING_SECONDS + 20) * 1000 });
      expect(await warning.locator('.bs-horizon-pid').textContent()).toBe(String(pid));
      expect(await warning.locator('.bs-horizon-state').textContent()).toBe('idle in transaction');
      expect(await warning.textContent()).toContain('forgotten-psql');

      const screenshot = join(SCREENSHOTS, 'staff-operations-desktop.png');
      // Clicking the actions scrolled the tables sideways; show them from their first column.
      await page.evaluate(() => {
        for (const scroller of document.querySelectorAll('.bs-table-scroll')) scroller.scrollLeft = 0;
      });
      await page.setViewportSize({ width: DESKTOP.width, height: 2000 });
      await view.screenshot({ path: screenshot, animations: 'disabled' });
      process.stdout.write(`screenshot of the staff operations view: ${screenshot}\n`);

      await holder.query('rollback');
      await warning.waitFor({ state: 'detached', timeout: 20_000 });
      expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    } finally {
      await holder.end();
      await page.close();
    }
  });
});
