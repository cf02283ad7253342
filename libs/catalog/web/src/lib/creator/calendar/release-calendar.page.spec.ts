import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type CalendarEntry } from '@bandstand/catalog/contracts';
import {
  answerOrganisations,
  buttonNamed,
  CATALOG,
  fail,
  find,
  nextRequest,
  problem,
  setUpCatalogPage,
  textOf,
  until,
} from '../../shared/testing/catalog-testing';
import { calendarRange, dayKey } from './calendar-days';
import { ReleaseCalendarPageComponent } from './release-calendar.page';

describe('the release calendar', () => {
  let fixture: ComponentFixture<ReleaseCalendarPageComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;
  const today = new Date();
  const midMonth = new Date(today.getFullYear(), today.getMonth(), 15, 12, 0);

  async function start(): Promise<void> {
    http = setUpCatalogPage();
    fixture = TestBed.createComponent(ReleaseCalendarPageComponent);
    element = fixture.nativeElement as HTMLElement;
    await answerOrganisations(http);
  }

  function entries(): CalendarEntry[] {
    return [
      {
        releaseId: 'rel-1',
        title: 'Night Drive',
        displayArtist: 'Aurora Lane',
        status: 'scheduled',
        kind: 'release',
        territory: null,
        at: midMonth.toISOString(),
        until: null,
      },
      {
        releaseId: 'rel-1',
        title: 'Night Drive',
        displayArtist: 'Aurora Lane',
        status: 'scheduled',
        kind: 'embargo',
        territory: 'DE',
        at: new Date(midMonth.getFullYear(), midMonth.getMonth(), 14).toISOString(),
        until: new Date(midMonth.getFullYear(), midMonth.getMonth(), 17).toISOString(),
      },
    ];
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('shows this month with its release moments and embargo days', async () => {
    await start();
    const request = await nextRequest(http, { method: 'GET', url: `${CATALOG}/calendar` });
    const range = calendarRange('month', today);
    expect(request.request.params.get('from')).toBe(range.from.toISOString());
    expect(request.request.params.get('to')).toBe(range.to.toISOString());
    request.flush(entries());
    await until('the entries show', () => element.querySelector('.bs-entry-release') !== null);
    await fixture.whenStable();
    const releaseDay = find(element, `td[data-day="${dayKey(midMonth)}"]`);
    expect(textOf(releaseDay)).toContain('Release');
    expect(textOf(releaseDay)).toContain('Night Drive');
    expect(find(releaseDay, 'a').getAttribute('href')).toBe('/catalog/releases/rel-1');
    for (const day of [14, 15, 16]) {
      const key = dayKey(new Date(midMonth.getFullYear(), midMonth.getMonth(), day));
      expect(textOf(find(element, `td[data-day="${key}"]`))).toContain('Embargo DE');
    }
    const after = dayKey(new Date(midMonth.getFullYear(), midMonth.getMonth(), 17));
    expect(textOf(find(element, `td[data-day="${after}"]`))).not.toContain('Embargo');
    expect(find(element, `td[data-day="${dayKey(today)}"]`).getAttribute('aria-current')).toBe('date');
    expect(element.querySelectorAll('tbody tr')).toHaveLength(6);
  });

  it('moves to the next month and back to today, and switches to a week', async () => {
    await start();
    (await nextRequest(http, { url: `${CATALOG}/calendar` })).flush([]);
    await fixture.whenStable();
    buttonNamed(element, 'Next month').click();
    const next = new Date(today.getFullYear(), today.getMonth() + 1, 1);
    const nextRequestSent = await nextRequest(http, { url: `${CATALOG}/calendar` });
    expect(nextRequestSent.request.params.get('from')).toBe(calendarRange('month', next).from.toISOString());
    nextRequestSent.flush([]);
    await fixture.whenStable();
    expect(textOf(find(element, '.bs-period'))).toContain(String(next.getFullYear()));
    buttonNamed(element, 'Today').click();
    (await nextRequest(http, { url: `${CATALOG}/calendar` })).flush([]);
    await fixture.whenStable();

    find<HTMLElement>(element, 'mat-button-toggle[value="week"] button').click();
    const week = await nextRequest(http, { url: `${CATALOG}/calendar` });
    expect(week.request.params.get('from')).toBe(calendarRange('week', today).from.toISOString());
    week.flush(entries());
    await until('the week shows', () => element.querySelector('table.bs-week') !== null);
    await fixture.whenStable();
    expect(element.querySelectorAll('tbody td')).toHaveLength(7);
    buttonNamed(element, 'Previous week').click();
    (await nextRequest(http, { url: `${CATALOG}/calendar` })).flush([]);
    await fixture.whenStable();
  });

  it('shows a calendar that cannot be loaded, with a retry', async () => {
    await start();
    fail(
      await nextRequest(http, { url: `${CATALOG}/calendar` }),
      problem(422, 'VALIDATION.FAILED', 'The calendar covers at most a year.'),
    );
    await until('the problem shows', () => textOf(element).includes('The calendar covers at most a year.'));
    buttonNamed(element, 'Try again').click();
    (await nextRequest(http, { url: `${CATALOG}/calendar` })).flush([]);
    await until('the grid shows', () => element.querySelector('bs-calendar-grid') !== null);
  });
});
