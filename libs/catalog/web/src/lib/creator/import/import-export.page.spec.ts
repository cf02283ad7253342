import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type ChangePlanItem, type ImportRequest } from '@bandstand/catalog/contracts';
import {
  answerOrganisations,
  buttonNamed,
  CATALOG,
  changePlan,
  chooseFile,
  fail,
  fieldLabelled,
  find,
  nextRequest,
  problem,
  setUpCatalogPage,
  textOf,
  until,
} from '../../shared/testing/catalog-testing';
import { ImportExportPageComponent } from './import-export.page';

const CSV = 'release_title,track_title,isrc\nNight Drive,Night Drive,USRC17607839\n';
const ERN = '<?xml version="1.0"?><ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43"/>';

describe('import and export', () => {
  let fixture: ComponentFixture<ImportExportPageComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(): Promise<void> {
    http = setUpCatalogPage();
    fixture = TestBed.createComponent(ImportExportPageComponent);
    element = fixture.nativeElement as HTMLElement;
    await answerOrganisations(http);
    await until('the page shows', () => element.querySelector('mat-radio-group') !== null);
    await fixture.whenStable();
  }

  async function chooseFiles(...files: File[]): Promise<void> {
    chooseFile(fieldLabelled(element, 'Files to import'), ...files);
    await until('the files are read', () => element.querySelector('.bs-file-list') !== null);
    await fixture.whenStable();
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('reads ERN files, sends them as one import document, and shows every item and error', async () => {
    await start();
    await chooseFiles(
      new File([ERN], 'night-drive.xml', { type: 'application/xml' }),
      new File([ERN], 'headlights.xml', { type: 'application/xml' }),
    );
    expect(textOf(find(element, '.bs-file-list'))).toContain('night-drive.xml');
    expect(find<HTMLInputElement>(element, 'mat-radio-button[value="ern"] input').checked).toBe(true);
    buttonNamed(element, 'Preview').click();
    const preview = await nextRequest(http, { method: 'POST', url: `${CATALOG}/imports` });
    expect(preview.request.headers.get('content-type')).toBe('application/vnd.bandstand.import+json');
    expect(JSON.parse(String(preview.request.body))).toEqual({
      format: 'ern',
      files: [
        { name: 'night-drive.xml', content: ERN },
        { name: 'headlights.xml', content: ERN },
      ],
    } satisfies ImportRequest);
    preview.flush(
      changePlan({
        kind: 'ern',
        summary: { creates: 1, updates: 0, unchanged: 0, tracksChanged: 2, errors: 1 },
        items: [
          {
            index: 0,
            action: 'create',
            releaseId: 'rel-new',
            title: 'Night Drive',
            upc: '036000291452',
            source: 'night-drive.xml',
            changes: [{ path: 'title.text', before: null, after: 'Night Drive' }],
          },
        ],
        errors: [
          {
            field: 'headlights.xml:/NewReleaseMessage/ResourceList/SoundRecording[2]/ISRC',
            code: 'CATALOG.INVALID_ISRC',
            message: 'Not an ISRC.',
          },
        ],
      }),
    );
    await until('the preview shows', () => element.querySelector('bs-plan-preview') !== null);
    await fixture.whenStable();
    expect(textOf(find(element, '[data-count="creates"]'))).toBe('1');
    expect(textOf(find(element, '[data-count="errors"]'))).toBe('1');
    const error = find(element, '.bs-plan-errors li');
    expect(textOf(error)).toContain('headlights.xml:/NewReleaseMessage/ResourceList/SoundRecording[2]/ISRC');
    expect(textOf(error)).toContain('Not an ISRC.');
    expect(textOf(find(element, '[data-release="rel-new"]'))).toContain('New release');
    expect(textOf(find(element, '[data-release="rel-new"]'))).toContain('night-drive.xml');
    expect(buttonNamed(element, 'Apply').hasAttribute('disabled')).toBe(true);
    expect(textOf(element)).toContain('Fix the errors and preview again.');
    buttonNamed(element, 'Discard').click();
    (await nextRequest(http, { method: 'DELETE', url: `${CATALOG}/plans/plan-1` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await until('the files show again', () => element.querySelector('.bs-file-list') !== null);
  });

  it('imports a CSV: preview, apply, and a stale preview previewed again', async () => {
    await start();
    await chooseFiles(new File([CSV], 'catalog.csv', { type: 'text/csv' }));
    buttonNamed(element, 'Preview').click();
    const preview = await nextRequest(http, { method: 'POST', url: `${CATALOG}/imports` });
    expect(JSON.parse(String(preview.request.body))).toMatchObject({
      format: 'csv',
      files: [{ content: CSV }],
    });
    preview.flush(changePlan({ kind: 'csv' }));
    await until('the preview shows', () => element.querySelector('bs-plan-preview') !== null);
    await fixture.whenStable();
    buttonNamed(element, 'Apply').click();
    fail(
      await nextRequest(http, { method: 'POST', url: `${CATALOG}/plans/plan-1/apply` }),
      problem(409, 'CATALOG.PLAN_STALE', 'Night Drive changed.'),
    );
    await until('the stale notice shows', () => textOf(element).includes('Preview again'));
    buttonNamed(element, 'Preview again').click();
    (await nextRequest(http, { method: 'POST', url: `${CATALOG}/imports` })).flush(
      changePlan({ kind: 'csv', planId: 'plan-2' }),
    );
    await until(
      'the new preview shows',
      () => !textOf(element).includes('The catalog changed since this preview'),
    );
    buttonNamed(element, 'Apply').click();
    (await nextRequest(http, { method: 'POST', url: `${CATALOG}/plans/plan-2/apply` })).flush(
      changePlan({ kind: 'csv', planId: 'plan-2', status: 'applied', appliedAt: '2026-11-21T10:05:00.000Z' }),
    );
    await until('the notice shows', () =>
      textOf(element).includes('Imported: 0 new releases, 1 release changed.'),
    );
    buttonNamed(element, 'Import other files').click();
    await fixture.whenStable();
    expect(element.querySelector('.bs-file-list')).toBeNull();
  });

  it('pages through the items of a large import', async () => {
    const row = (index: number): ChangePlanItem => ({
      index,
      action: 'create',
      releaseId: `rel-${index}`,
      title: `Release ${index}`,
      upc: null,
      source: `rows ${index + 2}`,
      changes: [{ path: 'title.text', before: null, after: `Release ${index}` }],
    });
    const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => row(from + at));
    await start();
    await chooseFiles(new File([CSV], 'catalog.csv', { type: 'text/csv' }));
    buttonNamed(element, 'Preview').click();
    (await nextRequest(http, { method: 'POST', url: `${CATALOG}/imports` })).flush(
      changePlan({
        kind: 'csv',
        summary: { creates: 1200, updates: 0, unchanged: 0, tracksChanged: 1200, errors: 0 },
        items: rows(0, 100),
        itemsNextCursor: '99',
      }),
    );
    await until('the preview shows', () => element.querySelector('bs-plan-preview') !== null);
    await fixture.whenStable();
    const shownItems = () => element.querySelectorAll('mat-expansion-panel[data-release]').length;
    expect(shownItems()).toBe(100);
    expect(textOf(element)).toContain('Showing 100 of 1,200 items.');

    buttonNamed(element, 'Load more').click();
    const page = await nextRequest(http, { method: 'GET', url: `${CATALOG}/plans/plan-1/items` });
    expect(page.request.params.get('cursor')).toBe('99');
    await until('the button says it is loading', () => textOf(element).includes('Loading…'));
    page.flush({ items: rows(100, 200), nextCursor: '199' });
    await until('the next items show', () => shownItems() === 200);
    expect(textOf(element)).toContain('Showing 200 of 1,200 items.');
    expect(textOf(find(element, '[data-release="rel-150"]'))).toContain('rows 152');

    buttonNamed(element, 'Load more').click();
    fail(
      await nextRequest(http, { method: 'GET', url: `${CATALOG}/plans/plan-1/items` }),
      problem(503, 'CATALOG.STORAGE_UNAVAILABLE', 'The plan cannot be read right now.'),
    );
    await until('the problem shows', () => textOf(element).includes('The plan cannot be read right now.'));
    expect(shownItems()).toBe(200);
    buttonNamed(element, 'Load more').click();
    const retried = await nextRequest(http, { method: 'GET', url: `${CATALOG}/plans/plan-1/items` });
    expect(retried.request.params.get('cursor')).toBe('199');
    retried.flush({ items: rows(200, 1200), nextCursor: null });
    await until('every item shows', () => shownItems() === 1200);
    expect(textOf(element)).not.toContain('Showing');
    expect(textOf(element)).not.toContain('The plan cannot be read right now.');
    expect(element.querySelector('bs-plan-preview button')).toBeNull();
  });

  it('shows a refused import with the rows it names', async () => {
    await start();
    await chooseFiles(new File(['nonsense'], 'broken.csv', { type: 'text/csv' }));
    buttonNamed(element, 'Preview').click();
    fail(
      await nextRequest(http, { method: 'POST', url: `${CATALOG}/imports` }),
      problem(422, 'CATALOG.INVALID_CSV', 'The CSV lacks required columns.', [
        {
          field: 'rows.1.release_title',
          code: 'CATALOG.INVALID_CSV',
          message: 'The column release_title is missing.',
        },
      ]),
    );
    await until('the problem shows', () => textOf(element).includes('The CSV lacks required columns.'));
    expect(textOf(element)).toContain('The column release_title is missing.');
  });

  it('downloads the catalog as CSV', async () => {
    await start();
    buttonNamed(element, 'Download CSV').click();
    const download = await nextRequest(http, { method: 'GET', url: `${CATALOG}/export.csv` });
    expect(download.request.responseType).toBe('blob');
    const button = () => buttonNamed(element, 'Download CSV');
    await until('the download starts', () => button().hasAttribute('disabled'));
    download.flush(new Blob([CSV], { type: 'text/csv' }));
    await until('the download ends', () => !button().hasAttribute('disabled'));
    buttonNamed(element, 'Download CSV').click();
    // A blob request's failure arrives as a blob, which the page reads back as the problem.
    const refused = problem(403, 'ACCESS.FORBIDDEN', 'You may not read this catalog.');
    (await nextRequest(http, { url: `${CATALOG}/export.csv` })).flush(
      new Blob([JSON.stringify(refused)], { type: 'application/problem+json' }),
      { status: 403, statusText: 'Forbidden' },
    );
    await until('the problem shows', () => textOf(element).includes('You may not read this catalog.'));
  });
});
