import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser downloads are not available here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep a headless Chromium off the network except for the pages under test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A viewport the consoles must work at. */
export interface ViewportSize {
  readonly name: 'desktop' | 'phone';
  readonly width: number;
  readonly height: number;
}

export const DESKTOP: ViewportSize = { name: 'desktop', width: 1280, height: 800 };
export const PHONE: ViewportSize = { name: 'phone', width: 390, height: 844 };

/** A browser with a fresh profile, removed again by `close`. */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium on a fresh temporary profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bandstand-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: DESKTOP.width, height: DESKTOP.height },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What went wrong in a page while a test used it: console errors, uncaught errors, failed requests. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

/** Watches a page; `settle` waits for the checks still running and returns what went wrong. */
export interface ProblemWatch {
  settle(): Promise<PageProblems>;
}

/** Records everything that goes wrong in `page` from now on. */
export function watchProblems(page: Page): ProblemWatch {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  const pending: Promise<unknown>[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => {
    const failed = () =>
      problems.failedRequests.push(
        `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
      );
    // Chromium now and then reports a request as aborted although its whole response reached the
    // page (the page shows that very response; only DevTools lost the body). A request failed when
    // no response came back at all.
    pending.push(
      request.response().then((response) => {
        if (response === null) failed();
      }, failed),
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return {
    settle: async () => {
      await Promise.all(pending);
      return problems;
    },
  };
}
