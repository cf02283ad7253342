import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type HealthReport } from '@bandstand/shared/contracts';
import { type ApiStack, type RunningProcess, startApiStack, workspaceRoot } from '@bandstand/shared/testing';
import { type Page } from 'playwright-core';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type TestBrowser,
  type ViewportSize,
  watchProblems,
} from './support/browser';
import { CONSOLES, type ExpectedConsole } from './support/consoles';
import { signInAsStaff, signUpThroughApi, STAFF_ENV, useSession } from './support/sign-in';

const CREATOR = { email: 'cleo@example.org', password: 'a long creator passphrase 11', displayName: 'Cleo' };

const SCREENSHOTS = join(workspaceRoot(), 'dist', 'test-output', 'screenshots');

/** The text of the page's main heading, once there is one. */
async function heading(page: Page): Promise<string> {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.textContent())?.trim() ?? '';
}

describe('the consoles, served by the built api on a migrated database', () => {
  let stack: ApiStack;
  let api: RunningProcess;
  let browser: TestBrowser;

  beforeAll(async () => {
    stack = await startApiStack({
      worker: true,
      env: { CONSOLES_DIR: join(workspaceRoot(), 'dist', 'apps'), ...STAFF_ENV },
    });
    api = stack.api;
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openConsole(expected: ExpectedConsole, size: ViewportSize, path = '') {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: size.width, height: size.height });
    const watch = watchProblems(page);
    // The creator console asks for sign-in and the staff console for a staff member.
    if (expected.access === 'staff') await signInAsStaff(page, stack);
    if (expected.access === 'signed-in')
      await useSession(page, stack, await signUpThroughApi(stack, CREATOR, 'creator'));
    const response = await page.goto(`${api.url}/${expected.name}/${path}`);
    expect(response?.status()).toBe(200);
    return { page, watch };
  }

  describe.each(CONSOLES)('the $name console', (expected) => {
    it.each([DESKTOP, PHONE])(
      'works at $name size ($width×$height): shell, live status, every section',
      async (size) => {
        const { page, watch } = await openConsole(expected, size);
        try {
          await page.waitForURL(`${api.url}/${expected.name}/${expected.statusPath}`);
          expect(await page.locator('mat-toolbar .bs-brand').textContent()).toContain(
            `Bandstand${expected.title}`,
          );
          // The title follows once the section is shown (after the session is restored, where one is needed).
          const title = `${expected.sections.find((section) => section.path === expected.statusPath)?.heading ?? '?'} · Bandstand ${expected.title}`;
          await page.waitForFunction((wanted) => document.title === wanted, title);

          // The status section shows what the api really reports, dependency by dependency.
          const readiness = await fetch(`${api.url}/api/health/ready`);
          const report = (await readiness.json()) as HealthReport;
          expect(report.status).toBe('up');
          await page.getByText('The platform is ready').waitFor();
          const shown = await page
            .locator('.bs-dependency')
            .evaluateAll((rows) =>
              rows.map((row) => [
                row.querySelector('.bs-dependency-name')?.textContent,
                row.querySelector('.bs-dependency-status')?.textContent,
              ]),
            );
          expect(shown).toEqual(
            report.dependencies.map((dependency) => [dependency.name, dependency.status]),
          );
          expect(await page.locator('.bs-meta-version').textContent()).toMatch(/^\d+\.\d+\.\d+/);

          // The latency cards settle on the latencies listed above (they count up first).
          await page.locator('bs-number-cards svg g[ngx-charts-card]').first().waitFor();
          await page.waitForFunction(() => {
            const listed = [...document.querySelectorAll('.bs-dependency-latency')].map((cell) =>
              cell.textContent?.trim(),
            );
            const cards = [...document.querySelectorAll('bs-number-cards text.value-text')].map((text) =>
              text.textContent?.trim(),
            );
            return listed.length > 0 && JSON.stringify(listed) === JSON.stringify(cards);
          });

          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);

          const screenshot = join(SCREENSHOTS, `${expected.name}-${size.name}.png`);
          await page.screenshot({ path: screenshot, animations: 'disabled' });
          process.stdout.write(
            `screenshot of the ${expected.name} console at ${size.name} size: ${screenshot}\n`,
          );

          const sidenav = page.locator('mat-sidenav');
          if (size === PHONE) expect(await sidenav.isVisible()).toBe(false);
          else expect(await sidenav.isVisible()).toBe(true);

          for (const section of expected.sections) {
            if (size === PHONE) await page.getByRole('button', { name: 'Open navigation' }).click();
            await page.locator('nav').getByRole('link', { name: section.label, exact: true }).click();
            await page.waitForURL(`${api.url}/${expected.name}/${section.path}`);
            expect(await heading(page)).toBe(section.heading);
            expect(await page.locator('nav [aria-current="page"]').textContent()).toContain(section.label);
            // Every section says what is still to come; some already show views of their own above it.
            expect(
              await page.locator('main bs-section-page > .bs-page > mat-card > bs-empty-state').count(),
            ).toBe(1);
            // Leaving the status section mid-request would cancel its request; let it answer first.
            if (section.path === expected.statusPath) await page.getByText('The platform is ready').waitFor();
            if (size === PHONE)
              await page.waitForFunction(() => !document.querySelector('mat-sidenav.mat-drawer-opened'));
          }

          expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
        } finally {
          await page.close();
        }
      },
    );
  });

  it('opens a deep link into the staff console through the SPA fallback', async () => {
    const direct = await fetch(`${api.url}/staff/audit`, { headers: { accept: 'text/html' } });
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-type')).toContain('text/html');
    expect(await direct.text()).toContain('<staff-root>');

    const staff = CONSOLES.find((candidate) => candidate.name === 'staff');
    if (!staff) throw new Error('the staff console is not described');
    const { page, watch } = await openConsole(staff, DESKTOP, 'audit');
    try {
      expect(await heading(page)).toBe('Audit');
      expect(await page.title()).toBe('Audit · Bandstand Staff');
      expect(await page.locator('nav [aria-current="page"]').textContent()).toContain('Audit');
      expect(await watch.settle()).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    } finally {
      await page.close();
    }
  });

  it('answers a missing console asset with a 404 rather than the page', async () => {
    const response = await fetch(`${api.url}/fan/no-such-chunk.js`);
    expect(response.status).toBe(404);
  });
});
