import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Organisation } from '@bandstand/identity/contracts';
import { type ApiStack, eventually, startApiStack, workspaceRoot } from '@bandstand/shared/testing';
import { Client } from 'pg';
import { DESKTOP, launchBrowser, type TestBrowser, watchProblems } from './support/browser';
import { signInAsStaff, signUpThroughApi, STAFF_ENV } from './support/sign-in';

const SCREENSHOTS = join(workspaceRoot(), 'dist', 'test-output', 'screenshots');

describe("the staff console's audit view, on the built api and worker and a real PostgreSQL", () => {
  let stack: ApiStack;
  let browser: TestBrowser;
  let db: Client;
  let anaId: string;
  let orgId: string;

  /** The global position of `stream`@`version`. */
  async function positionOf(stream: string, version: number): Promise<string> {
    const result = await db.query<{ global_position: string }>(
      'select global_position from kernel.events where stream_id = $1 and stream_version = $2',
      [stream, version],
    );
    const position = result.rows[0]?.global_position;
    if (position === undefined) throw new Error(`no event ${stream}@${version}`);
    return position;
  }

  beforeAll(async () => {
    // The worker runs the sealer, which seals what is appended here.
    stack = await startApiStack({
      worker: true,
      env: { CONSOLES_DIR: join(workspaceRoot(), 'dist', 'apps'), ...STAFF_ENV },
    });
    browser = await launchBrowser();
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    mkdirSync(SCREENSHOTS, { recursive: true });

    // Real events, appended by the api itself: an artist signs up, creates her label, renames it
    // and invites a member; another label is created alongside.
    const ana = await signUpThroughApi(stack, {
      email: 'ana@nightdrive.example',
      password: 'a long label owner passphrase 12',
      displayName: 'Ana',
    });
    anaId = ana.session.user.userId;
    const call = async <T>(method: string, path: string, body: object): Promise<T> => {
      const response = await fetch(`${stack.api.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.session.accessToken}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    orgId = (await call<Organisation>('POST', '/api/v1/orgs', { name: 'Night Drive', kind: 'label' })).orgId;
    await call('PATCH', `/api/v1/orgs/${orgId}`, { name: 'Night Drive (Deluxe)' });
    await call('POST', `/api/v1/orgs/${orgId}/invitations`, {
      email: 'bo@nightdrive.example',
      role: 'editor',
    });
    await call('POST', '/api/v1/orgs', { name: 'Other Label', kind: 'label' });
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await stack?.stop();
  });

  it('filters the log by stream, shows an event, verifies the store and then names a changed event', async () => {
    const page = await browser.context.newPage();
    await signInAsStaff(page, stack);
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
    const watch = watchProblems(page);
    try {
      const response = await page.goto(`${stack.api.url}/staff/audit`);
      expect(response?.status()).toBe(200);
      const view = page.locator('bs-kernel-audit');
      const rows = view.locator('tr[data-position]');
      await rows.first().waitFor();

      // One stream exactly: the label's, not the other label's nor the accounts'.
      const stream = `identity-org-${orgId}`;
      const filters = view.locator('bs-audit-filters');
      await filters.getByRole('radio', { name: 'Stream id' }).click();
      await filters.getByLabel('Stream id', { exact: true }).fill(stream);
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await eventually(async () => {
        expect(await view.locator('tr[data-position] .bs-audit-stream .bs-mono').allTextContents()).toEqual([
          stream,
          stream,
          stream,
        ]);
      });
      expect(await view.locator('tr[data-position] .bs-audit-type').allTextContents()).toEqual([
        'MemberInvited',
        'OrganisationRenamed',
        'OrganisationCreated',
      ]);

      // Open the renamed event: its data and metadata as JSON.
      const renamed = await positionOf(stream, 2);
      await view.getByRole('button', { name: `Show event ${renamed}` }).click();
      const detail = view.locator(`#bs-audit-detail-${renamed}`);
      expect(JSON.parse((await detail.locator('.bs-audit-data').textContent()) ?? '')).toMatchObject({
        name: 'Night Drive (Deluxe)',
        previousName: 'Night Drive',
      });
      expect(JSON.parse((await detail.locator('.bs-audit-metadata').textContent()) ?? '')).toMatchObject({
        actor: `user:${anaId}`,
        tenantId: orgId,
        streamVersion: 2,
      });

      // Once the worker has sealed every event, the store verifies.
      await eventually(async () => {
        const sealed = await db.query<{ stored: string; sealed: string }>(
          `select (select count(*) from kernel.events) as stored,
             (select coalesce(sum(event_count), 0) from kernel.seals) as sealed`,
        );
        expect(sealed.rows[0]?.sealed).toBe(sealed.rows[0]?.stored);
      }, 30_000);
      const panel = view.locator('bs-integrity-panel');
      const verify = panel.getByRole('button', { name: 'Verify integrity' });
      await verify.click();
      const intact = panel.locator('.bs-integrity-outcome--intact');
      await intact.waitFor();
      expect(await intact.textContent()).toContain('Verified: no event was changed, reordered or removed.');
      const [stored] = (await db.query<{ n: string }>('select count(*) as n from kernel.events')).rows;
      expect(await panel.locator('.bs-integrity-checked').textContent()).toContain(
        `${stored?.n ?? '?'} events`,
      );
      expect(await panel.locator('.bs-integrity-seal').textContent()).toMatch(
        /#\d+ up to position \d+, sealed/,
      );

      // Someone with write access to the table changes the event: the verification names it.
      await db.query(
        `update kernel.events set data = data || '{"name":"Forged"}' where stream_id = $1 and stream_version = 2`,
        [stream],
      );
      await verify.click();
      const tampered = panel.locator('.bs-integrity-outcome--tampered');
      await tampered.waitFor();
      expect(await tampered.getAttribute('role')).toBe('alert');
      expect(await tampered.locator('.bs-integrity-kind').textContent()).toBe('Changed');
      expect(await tampered.locator('.bs-integrity-subject').textContent()).toBe(
        `event ${stream} version 2 at position ${renamed}`,
      );
      expect(await panel.locator('.bs-integrity-outcome--intact').count()).toBe(0);

      const screenshot = join(SCREENSHOTS, 'staff-audit-desktop.png');
      await page.setViewportSize({ width: DESKTOP.width, height: 1600 });
      await view.screenshot({ path: screenshot, animations: 'disabled' });
      process.stdout.write(`screenshot of the staff audit view: ${screenshot}\n`);
      expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    } finally {
      await page.close();
    }
  });
});
