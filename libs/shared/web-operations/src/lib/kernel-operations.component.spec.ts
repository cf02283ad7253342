import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import {
  type KernelOperationsOverview,
  type Page,
  type ParkedEventView,
  type ProblemDetails,
} from '@bandstand/shared/contracts';
import { KernelOperationsComponent, OPERATIONS_REFRESH_MS } from './kernel-operations.component';
import { FAILED, overviewFixture, parkedFixture, REBUILDING, RUNNING } from './testing/operations-fixtures';

const OVERVIEW = '/api/v1/kernel/operations';
const REFRESH_MS = 5_000;

function problem(status: number, code: ProblemDetails['code'], detail: string): ProblemDetails {
  return {
    type: `urn:bandstand:problem:${code}`,
    title: 'Conflict',
    status,
    code,
    detail,
    correlationId: 'corr-1',
  };
}

describe('KernelOperationsComponent', () => {
  let fixture: ComponentFixture<KernelOperationsComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  function setup(): void {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: OPERATIONS_REFRESH_MS, useValue: REFRESH_MS },
      ],
    });
    fixture = TestBed.createComponent(KernelOperationsComponent);
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
  }

  /** Creates the view and answers its first read. */
  async function start(overview: KernelOperationsOverview = overviewFixture()): Promise<void> {
    setup();
    TestBed.tick();
    http.expectOne({ method: 'GET', url: OVERVIEW }).flush(overview);
    await fixture.whenStable();
  }

  function row(name: string): HTMLElement {
    const found = element.querySelector<HTMLElement>(`tr[data-subscription="${name}"]`);
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  }

  function button(scope: ParentNode, selector: string): HTMLButtonElement {
    const found = scope.querySelector<HTMLButtonElement>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  }

  /** Answers the open confirmation dialog. */
  async function answerDialog(confirm: boolean): Promise<void> {
    await fixture.whenStable();
    const dialog = document.querySelector('bs-confirm-dialog');
    if (!dialog) throw new Error('no confirmation dialog is open');
    button(dialog, confirm ? 'button.bs-confirm' : 'button:not(.bs-confirm)').click();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('says it is reading, then shows every subscriber with its lag, checkpoint, lease, rebuild and error', async () => {
    setup();
    TestBed.tick();
    expect(element.querySelector('bs-loading-state')?.textContent).toContain('Reading the operational view');
    http.expectOne(OVERVIEW).flush(overviewFixture());
    await fixture.whenStable();

    expect(element.querySelector('bs-loading-state')).toBeNull();
    expect(
      [...element.querySelectorAll('tr[data-subscription]')].map((tr) =>
        tr.getAttribute('data-subscription'),
      ),
    ).toEqual([FAILED.name, RUNNING.name, REBUILDING.name]);
    const running = row(RUNNING.name);
    expect(running.querySelector('.bs-status-chip')?.textContent?.trim()).toContain('running');
    expect(running.querySelector('.bs-lag')?.textContent?.trim()).toBe('400 ms');
    expect(running.querySelector('.bs-behind')?.textContent?.trim()).toBe('12');
    expect(running.querySelector('.bs-checkpoint')?.textContent?.trim()).toBe('1042');
    expect(running.querySelector('.bs-lease')?.textContent).toContain('worker-1:41:1a2b3c4d');
    expect(running.querySelector('.bs-lease-expiry')?.textContent?.trim()).toBe('expires in 12 s');
    expect(running.querySelector('.bs-resume')).toBeNull();
    expect(running.querySelector('.bs-rebuild-button')).not.toBeNull();

    const rebuilding = row(REBUILDING.name);
    expect(rebuilding.querySelector('.bs-behind')?.textContent?.trim()).toBe('≥ 100,000');
    expect(rebuilding.querySelector('.bs-lag')?.textContent?.trim()).toBe('2 h 10 min');
    expect(rebuilding.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('43');
    expect(rebuilding.querySelector('.bs-rebuild-figure')?.textContent?.trim()).toBe(
      '52,000 of 120,000 (43 %)',
    );

    const failed = row(FAILED.name);
    expect(failed.classList).toContain('bs-row--attention');
    expect(failed.querySelector('.bs-status-chip')?.classList).toContain('bs-status-chip--failed');
    expect(failed.querySelector('.bs-error-message')?.textContent).toBe(FAILED.lastError?.message);
    expect(failed.querySelector('.bs-lease-expiry')?.textContent?.trim()).toBe('expired 30 s ago');
    expect(failed.querySelector('.bs-resume')).not.toBeNull();
    expect(failed.querySelector('.bs-rebuild-button')).toBeNull();

    expect(element.querySelector('.bs-ops-log')?.textContent).toContain('Log head at position 1054');
  });

  it('warns about the transaction holding the horizon, naming its process', async () => {
    await start();
    const warning = element.querySelector('bs-horizon-warning [role="alert"]');
    expect(warning?.textContent).toContain(
      'A transaction open for 1 min 33 s is holding every subscription back',
    );
    expect(warning?.textContent).toContain('8 committed events wait behind it');
    expect(warning?.querySelector('.bs-horizon-pid')?.textContent).toBe('4242');
    expect(warning?.querySelector('.bs-horizon-state')?.textContent).toBe('idle in transaction');
    expect(warning?.querySelector('.bs-horizon-command')?.textContent).toBe(
      'select pg_terminate_backend(4242);',
    );
  });

  it('stays quiet about a horizon that moves', async () => {
    const base = overviewFixture();
    await start(
      overviewFixture({
        horizon: {
          ...base.horizon,
          holder: base.horizon.holder && { ...base.horizon.holder, ageSeconds: 0.2 },
        },
      }),
    );
    expect(element.querySelector('bs-horizon-warning')).toBeNull();
  });

  it('charts the queue backlog and tabulates every state', async () => {
    await start();
    const queues = element.querySelector('bs-queue-depths');
    expect(queues?.querySelector('figcaption')?.textContent).toBe('Jobs waiting, by queue');
    expect(
      [...(queues?.querySelectorAll('bs-bar-chart table tbody tr') ?? [])].map((tr) => tr.textContent),
    ).toEqual(['perks.delivery3', 'royalties.ingest7']);
    const table = queues?.querySelector('table[aria-label="Jobs by queue and state"]');
    expect(
      [...(table?.querySelectorAll('tr[data-queue]') ?? [])].map((tr) => tr.getAttribute('data-queue')),
    ).toEqual(['perks.delivery', 'royalties.ingest']);
    expect(table?.querySelector('tr[data-queue="royalties.ingest"]')?.textContent).toContain(
      'royalties.ingest',
    );
  });

  it('shows the problem when the first read fails, and reads again on request', async () => {
    setup();
    TestBed.tick();
    http.expectOne(OVERVIEW).flush(problem(503, 'HTTP.SERVICE_UNAVAILABLE', 'PostgreSQL is not reachable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await fixture.whenStable();
    expect(element.querySelector('bs-error-state .bs-problem-code')?.textContent).toBe(
      'HTTP.SERVICE_UNAVAILABLE',
    );

    button(element, 'bs-error-state button').click();
    TestBed.tick();
    http.expectOne(OVERVIEW).flush(overviewFixture());
    await fixture.whenStable();
    expect(element.querySelector('bs-error-state')).toBeNull();
    expect(element.querySelectorAll('tr[data-subscription]')).toHaveLength(3);
  });

  it('reads the view again every few seconds, keeping the last figures when a read fails', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    await start();
    jest.advanceTimersByTime(REFRESH_MS);
    http.expectOne(OVERVIEW).flush(overviewFixture({ subscriptions: [RUNNING] }));
    await fixture.whenStable();
    expect(element.querySelectorAll('tr[data-subscription]')).toHaveLength(1);

    jest.advanceTimersByTime(REFRESH_MS);
    http.expectOne(OVERVIEW).flush(null, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();
    expect(element.querySelectorAll('tr[data-subscription]')).toHaveLength(1);
    expect(element.querySelector('.bs-ops-stale')?.textContent).toContain(
      'could not be read again (Bad Gateway, HTTP.BAD_GATEWAY)',
    );
  });

  it('requests a rebuild only once the operator confirms it, then reads the view again', async () => {
    await start();
    button(row(RUNNING.name), '.bs-rebuild-button').click();
    await answerDialog(false);
    http.expectNone(`${OVERVIEW}/subscriptions/${RUNNING.name}/rebuild`);

    button(row(RUNNING.name), '.bs-rebuild-button').click();
    await fixture.whenStable();
    expect(document.querySelector('bs-confirm-dialog h2')?.textContent).toBe(`Rebuild ${RUNNING.name}?`);
    expect(document.querySelector('bs-confirm-dialog .bs-confirm-message')?.textContent).toContain(
      '(1,054 events)',
    );
    await answerDialog(true);
    const request = http.expectOne({
      method: 'POST',
      url: `${OVERVIEW}/subscriptions/${RUNNING.name}/rebuild`,
    });
    await fixture.whenStable();
    expect(button(row(RUNNING.name), '.bs-rebuild-button').disabled).toBe(true);
    request.flush(
      { ...RUNNING, rebuild: { ...RUNNING.rebuild, requestedAt: '2026-11-21T10:00:01.000Z' } },
      { status: 202, statusText: 'Accepted' },
    );
    await fixture.whenStable();
    expect(element.querySelector('.bs-ops-notice')?.textContent).toBe(
      `Rebuild of ${RUNNING.name} requested: its runner starts it within seconds.`,
    );
    http.expectOne(OVERVIEW).flush(
      overviewFixture({
        subscriptions: [
          { ...RUNNING, rebuild: { ...RUNNING.rebuild, requestedAt: '2026-11-21T10:00:01.000Z' } },
        ],
      }),
    );
    await fixture.whenStable();
    expect(row(RUNNING.name).querySelector('.bs-rebuild-requested')?.textContent).toBe('rebuild requested');
    expect(button(row(RUNNING.name), '.bs-rebuild-button').disabled).toBe(true);
  });

  it('shows why a request was refused, with its stable code', async () => {
    await start();
    button(row(FAILED.name), '.bs-resume').click();
    await answerDialog(true);
    http
      .expectOne({ method: 'POST', url: `${OVERVIEW}/subscriptions/${FAILED.name}/resume` })
      .flush(problem(409, 'KERNEL.SUBSCRIPTION_NOT_RESUMABLE', `Subscription "${FAILED.name}" is running`), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    const alert = element.querySelector('.bs-ops-action-problem');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain(`Resuming ${FAILED.name} failed: Conflict.`);
    expect(alert?.querySelector('.bs-ops-action-code')?.textContent).toBe(
      'KERNEL.SUBSCRIPTION_NOT_RESUMABLE',
    );
    expect(button(row(FAILED.name), '.bs-resume').disabled).toBe(false);
  });

  it('resumes a failed subscriber after confirmation', async () => {
    await start();
    button(row(FAILED.name), '.bs-resume').click();
    await fixture.whenStable();
    expect(document.querySelector('bs-confirm-dialog .bs-confirm-message')?.textContent).toContain(
      `It stopped on: ${FAILED.lastError?.message}`,
    );
    await answerDialog(true);
    http
      .expectOne({ method: 'POST', url: `${OVERVIEW}/subscriptions/${FAILED.name}/resume` })
      .flush({ ...FAILED, status: 'running', lastError: null }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(element.querySelector('.bs-ops-notice')?.textContent).toContain(`${FAILED.name} resumed`);
    http.expectOne(OVERVIEW).flush(overviewFixture());
  });

  it('lists a subscriber’s parked events page by page and retries one', async () => {
    await start();
    button(row(FAILED.name), '.bs-parked-button').click();
    await fixture.whenStable();
    const parkedUrl = `${OVERVIEW}/subscriptions/${FAILED.name}/parked`;
    const firstPage: Page<ParkedEventView> = {
      items: [parkedFixture('1043')],
      nextCursor: 'cGFya2VkOjEwNDM',
    };
    http.expectOne(parkedUrl).flush(firstPage);
    await fixture.whenStable();
    const parked = (): HTMLElement => {
      const found = element.querySelector<HTMLElement>('bs-parked-events');
      if (!found) throw new Error('the parked events are not shown');
      return found;
    };
    expect(parked().querySelector('.bs-parked-subscription')?.textContent).toBe(FAILED.name);
    expect(
      [...parked().querySelectorAll('tr[data-position]')].map((tr) => tr.getAttribute('data-position')),
    ).toEqual(['1043']);
    expect(parked().querySelector('.bs-parked-error')?.textContent).toBe('wallet not found');

    button(parked(), '.bs-more').click();
    http
      .expectOne((request) => request.url === parkedUrl && request.params.get('cursor') === 'cGFya2VkOjEwNDM')
      .flush({ items: [parkedFixture('1050')], nextCursor: null });
    await fixture.whenStable();
    expect(
      [...parked().querySelectorAll('tr[data-position]')].map((tr) => tr.getAttribute('data-position')),
    ).toEqual(['1043', '1050']);
    expect(parked().querySelector('.bs-more')).toBeNull();

    button(parked(), 'tr[data-position="1050"] .bs-retry').click();
    http
      .expectOne({ method: 'POST', url: `${parkedUrl}/1050/retry` })
      .flush(parkedFixture('1050', { retryRequestedAt: '2026-11-21T10:00:02.000Z' }), {
        status: 202,
        statusText: 'Accepted',
      });
    await fixture.whenStable();
    expect(parked().querySelector('tr[data-position="1050"] .bs-retry-requested')?.textContent).toBe(
      'Retry requested',
    );
    expect(parked().querySelector('tr[data-position="1043"] .bs-retry')).not.toBeNull();
    expect(element.querySelector('.bs-ops-notice')?.textContent).toContain('Retry of event 1050 requested');

    button(parked(), 'button[aria-label="Close the parked events"]').click();
    await fixture.whenStable();
    expect(element.querySelector('bs-parked-events')).toBeNull();
  });

  it('says so when a subscriber has parked nothing, and when no subscriber runs yet', async () => {
    await start(overviewFixture({ subscriptions: [RUNNING] }));
    button(row(RUNNING.name), '.bs-parked-button').click();
    http.expectOne(`${OVERVIEW}/subscriptions/${RUNNING.name}/parked`).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('bs-parked-events bs-empty-state h3')?.textContent).toBe('Nothing parked');

    fixture.componentInstance.refresh();
    http.expectOne(OVERVIEW).flush(overviewFixture({ subscriptions: [], head: null }));
    http.expectOne(`${OVERVIEW}/subscriptions/${RUNNING.name}/parked`).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('mat-card bs-empty-state h3')?.textContent).toBe('No subscriptions yet');
    expect(element.querySelector('.bs-ops-log')?.textContent).toContain('The log is empty');
  });
});
