import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import {
  type AuditEvent,
  type IntegrityReport,
  KERNEL_EVENTS_PATH,
  KERNEL_INTEGRITY_VERIFICATIONS_PATH,
  type Page,
  type ProblemDetails,
} from '@bandstand/shared/contracts';
import { KernelAuditComponent } from './kernel-audit.component';
import { auditEventFixture, intactReportFixture, tamperedReportFixture } from './testing/audit-fixtures';

function problem(
  status: number,
  code: ProblemDetails['code'],
  changes: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: `urn:bandstand:problem:${code}`,
    title: 'Bad Request',
    status,
    code,
    detail: 'The request is invalid',
    correlationId: 'corr-1',
    ...changes,
  };
}

function page(items: readonly AuditEvent[], nextCursor: string | null = null): Page<AuditEvent> {
  return { items, nextCursor };
}

describe('KernelAuditComponent', () => {
  let fixture: ComponentFixture<KernelAuditComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  /** Creates the page and answers its first read of the log with `first`. */
  async function start(first: Page<AuditEvent> = page([auditEventFixture('12'), auditEventFixture('11')])) {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
      ],
    });
    fixture = TestBed.createComponent(KernelAuditComponent);
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    const request = http.expectOne({ method: 'GET', url: KERNEL_EVENTS_PATH });
    expect(request.request.params.keys()).toEqual([]);
    request.flush(first);
    await fixture.whenStable();
  }

  function find<T extends Element = HTMLElement>(selector: string, scope: ParentNode = element): T {
    const found = scope.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  }

  function positions(): (string | null)[] {
    return [...element.querySelectorAll('tr[data-position]')].map((row) => row.getAttribute('data-position'));
  }

  function type(name: string, value: string): void {
    const input = find<HTMLInputElement>(`bs-audit-filters input[name="${name}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function applyFilters(): Promise<TestRequest> {
    find<HTMLButtonElement>('.bs-audit-apply').click();
    await fixture.whenStable();
    return http.expectOne((request) => request.url === KERNEL_EVENTS_PATH);
  }

  afterEach(() => {
    http.verify();
  });

  it('shows the newest events with position, time, stream and version, type, actor and tenant', async () => {
    await start(
      page([
        auditEventFixture('12', { tenantId: null, actor: 'system', type: 'SessionRevoked' }),
        auditEventFixture('11'),
      ]),
    );
    expect(positions()).toEqual(['12', '11']);
    const cells = [...find('tr[data-position="11"]').querySelectorAll('td')].map((cell) =>
      cell.textContent?.trim(),
    );
    expect(cells.slice(1)).toEqual([
      '11',
      expect.stringMatching(/^Nov 2[01], 2026, \d+:58:00\s[AP]M$/),
      'identity-user-7f3cv2',
      'EmailVerified',
      'user:7f3c',
      '7f3c',
    ]);
    expect(find('tr[data-position="11"] time').getAttribute('datetime')).toBe('2026-11-21T09:58:00.000Z');
    expect(find('tr[data-position="12"] .bs-audit-tenant').textContent?.trim()).toBe('—');
    expect(find('tr[data-position="12"] .bs-audit-type').textContent?.trim()).toBe('SessionRevoked');
    expect(element.querySelector('.bs-more')).toBeNull();
    expect(find('.bs-audit-end').textContent).toContain('nothing more to load');
  });

  it('opens a row to its data and metadata as indented JSON, and closes it again', async () => {
    await start();
    const toggle = find<HTMLButtonElement>('tr[data-position="11"] .bs-audit-expand');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('Show event 11');
    toggle.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = find('#bs-audit-detail-11');
    expect(find('.bs-audit-data', detail).textContent).toBe(
      '{\n  "userId": "7f3c",\n  "verifiedAt": "2026-11-21T09:58:00.000Z"\n}',
    );
    const metadata: unknown = JSON.parse(find('.bs-audit-metadata', detail).textContent ?? '');
    expect(metadata).toMatchObject({
      correlationId: 'corr-42',
      actor: 'user:7f3c',
      hash: 'ab'.repeat(32),
      extra: { requestId: 'req-9' },
    });
    expect(element.querySelectorAll('.bs-audit-detail')).toHaveLength(1);

    toggle.click();
    await fixture.whenStable();
    expect(element.querySelector('.bs-audit-detail')).toBeNull();
  });

  it('sends only the filters that are set: a stream prefix by default, or an exact stream id', async () => {
    await start();
    type('stream', ' identity-org- ');
    type('actor', 'user:7f3c');
    type('from', '2026-11-21T10:30');
    const first = await applyFilters();
    expect(first.request.params.keys().sort()).toEqual(['actor', 'from', 'streamPrefix']);
    expect(first.request.params.get('streamPrefix')).toBe('identity-org-');
    expect(first.request.params.get('from')).toBe(new Date(2026, 10, 21, 10, 30).toISOString());
    first.flush(page([auditEventFixture('40', { streamId: 'identity-org-1' })]));
    await fixture.whenStable();
    expect(positions()).toEqual(['40']);

    find<HTMLButtonElement>('mat-button-toggle[value="exact"] button').click();
    type('stream', 'identity-org-1');
    type('from', '');
    type('to', '2026-11-22T00:00:05');
    const second = await applyFilters();
    expect(second.request.params.keys().sort()).toEqual(['actor', 'streamId', 'to']);
    expect(second.request.params.get('streamId')).toBe('identity-org-1');
    expect(second.request.params.get('to')).toBe(new Date(2026, 10, 22, 0, 0, 5).toISOString());
    second.flush(page([]));
    await fixture.whenStable();
    expect(positions()).toEqual([]);
    expect(find('bs-empty-state h3').textContent).toBe('No events');

    find<HTMLButtonElement>('.bs-audit-clear').click();
    await fixture.whenStable();
    const cleared = http.expectOne((request) => request.url === KERNEL_EVENTS_PATH);
    expect(cleared.request.params.keys()).toEqual([]);
    cleared.flush(page([auditEventFixture('41')]));
  });

  it('loads more with the cursor, appending the next page under the same filters', async () => {
    await start(page([auditEventFixture('12'), auditEventFixture('11')], 'YXVkaXQ6MTE'));
    type('actor', 'user:7f3c');
    (await applyFilters()).flush(page([auditEventFixture('12'), auditEventFixture('11')], 'YXVkaXQ6MTE'));
    await fixture.whenStable();

    find<HTMLButtonElement>('.bs-more').click();
    await fixture.whenStable();
    const more = http.expectOne((request) => request.url === KERNEL_EVENTS_PATH);
    expect(more.request.params.get('cursor')).toBe('YXVkaXQ6MTE');
    expect(more.request.params.get('actor')).toBe('user:7f3c');
    more.flush(page([auditEventFixture('7')]));
    await fixture.whenStable();
    expect(positions()).toEqual(['12', '11', '7']);
    expect(element.querySelector('.bs-more')).toBeNull();
  });

  it('shows the api’s field errors on the fields they name and keeps the list as it was', async () => {
    await start();
    type('stream', 'x');
    type('to', '2026-11-20T00:00');
    type('from', '2026-11-21T00:00');
    (await applyFilters()).flush(
      problem(400, 'VALIDATION.FAILED', {
        errors: [
          { field: 'to', code: 'KERNEL.AUDIT_QUERY_INVALID', message: '"to" must be later than "from"' },
          { field: 'streamPrefix', code: 'VALIDATION.MAX_LENGTH', message: 'streamPrefix is too long' },
          { field: 'limit', code: 'VALIDATION.MAX', message: 'limit must not be greater than 200' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const errors = [...element.querySelectorAll('bs-audit-filters mat-error')].map((error) =>
      error.textContent?.trim(),
    );
    expect(errors).toEqual(['streamPrefix is too long', '"to" must be later than "from"']);
    expect(find('bs-form-errors li').textContent).toBe('limit must not be greater than 200');
    expect(positions()).toEqual(['12', '11']);
    expect(element.querySelector('bs-audit-events bs-error-state')).toBeNull();
  });

  it('shows a failed read with its code and reads the first page again on request', async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(KernelAuditComponent);
    http = TestBed.inject(HttpTestingController);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    expect(find('bs-loading-state').textContent).toContain('Reading the event log');
    http
      .expectOne(KERNEL_EVENTS_PATH)
      .flush(
        problem(403, 'ACCESS.FORBIDDEN', { title: 'Forbidden', detail: 'Your role does not allow this' }),
        {
          status: 403,
          statusText: 'Forbidden',
        },
      );
    await fixture.whenStable();
    const shown = find('bs-audit-events bs-error-state');
    expect(find('.bs-problem-code', shown).textContent).toBe('ACCESS.FORBIDDEN');

    find<HTMLButtonElement>('button', shown).click();
    await fixture.whenStable();
    http.expectOne(KERNEL_EVENTS_PATH).flush(page([auditEventFixture('3')]));
    await fixture.whenStable();
    expect(positions()).toEqual(['3']);
  });

  async function verifyWith(report: IntegrityReport): Promise<HTMLElement> {
    const button = find<HTMLButtonElement>('.bs-integrity-verify');
    button.click();
    await fixture.whenStable();
    expect(button.disabled).toBe(true);
    const request = http.expectOne({ method: 'POST', url: KERNEL_INTEGRITY_VERIFICATIONS_PATH });
    expect(request.request.body).toEqual({});
    request.flush(report);
    await fixture.whenStable();
    expect(button.disabled).toBe(false);
    return find('bs-integrity-panel');
  }

  it('verifies the store and shows what was verified and the last seal', async () => {
    await start();
    const panel = await verifyWith(intactReportFixture());
    expect(find('.bs-integrity-outcome--intact', panel).textContent).toContain(
      'Verified: no event was changed, reordered or removed.',
    );
    expect(panel.querySelector('.bs-integrity-outcome--tampered')).toBeNull();
    expect(find('.bs-integrity-checked', panel).textContent?.trim()).toBe(
      '1,234 events in 56 streams, 3 seals',
    );
    expect(find('.bs-integrity-seal', panel).textContent).toContain('#3 up to position 1234, sealed');
    expect(find('.bs-integrity-chain code', panel).textContent).toBe('cd'.repeat(32));
    expect(panel.querySelector('.bs-integrity-unsealed')).toBeNull();
    expect(panel.querySelector('.bs-integrity-incomplete')).toBeNull();
  });

  it('names the first changed event of a tampered store, in the error style', async () => {
    await start();
    const panel = await verifyWith(tamperedReportFixture());
    const outcome = find('.bs-integrity-outcome--tampered', panel);
    expect(outcome.getAttribute('role')).toBe('alert');
    expect(find('.bs-integrity-verdict', outcome).textContent?.trim()).toBe(
      'Tampering found: 2 problems in 1,234 events.',
    );
    expect(find('.bs-integrity-kind', outcome).textContent).toBe('Changed');
    expect(find('.bs-integrity-subject', outcome).textContent).toBe(
      'event identity-user-7f3c version 2 at position 1042',
    );
    expect(find('.bs-integrity-detail', outcome).textContent).toContain('no longer matches its HMAC');
    expect(find('.bs-integrity-event-id code', outcome).textContent).toBe(
      '0b7e1c2a-0000-4000-8000-000000001042',
    );
    expect(panel.querySelector('.bs-integrity-outcome--intact')).toBeNull();
  });

  it('says how far an incomplete verification got and what is not sealed yet', async () => {
    await start();
    const panel = await verifyWith(
      intactReportFixture({
        complete: false,
        checkedEvents: 250_000,
        unsealedEvents: 7,
        latestSeal: undefined,
      }),
    );
    expect(find('.bs-integrity-incomplete', panel).textContent).toContain('only the first 250,000 events');
    expect(find('.bs-integrity-unsealed', panel).textContent).toContain('7 newest events');
    expect(find('.bs-integrity-seal', panel).textContent).toContain('None yet');
  });

  it('shows why a verification could not run', async () => {
    await start();
    find<HTMLButtonElement>('.bs-integrity-verify').click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: KERNEL_INTEGRITY_VERIFICATIONS_PATH }).flush(
      problem(409, 'KERNEL.VERIFICATION_IN_PROGRESS', {
        title: 'Conflict',
        detail: 'A verification of the event store is already running in this process',
      }),
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    const failed = find('bs-integrity-panel .bs-integrity-outcome--failed');
    expect(failed.textContent).toContain('The verification could not run: Conflict.');
    expect(find('.bs-integrity-code', failed).textContent).toBe('KERNEL.VERIFICATION_IN_PROGRESS');
  });
});
