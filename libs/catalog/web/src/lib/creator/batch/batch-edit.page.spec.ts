import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type BatchEditRequest, type TrackSummary } from '@bandstand/catalog/contracts';
import {
  answerOrganisations,
  buttonNamed,
  CATALOG,
  changePlan,
  choose,
  fail,
  fieldLabelled,
  find,
  formFieldLabelled,
  nextRequest,
  problem,
  setUpCatalogPage,
  textOf,
  type,
  until,
} from '../../shared/testing/catalog-testing';
import { BatchEditPageComponent } from './batch-edit.page';

function trackSummary(trackId: string, title: string, overrides: Partial<TrackSummary> = {}): TrackSummary {
  return {
    trackId,
    releaseId: 'rel-1',
    releaseTitle: 'Night Drive',
    releaseStatus: 'draft',
    position: 1,
    disc: 1,
    title: { text: title, language: 'en', translations: [] },
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    isrc: 'USRC17607839',
    iswc: null,
    durationMs: 215_000,
    genre: 'Pop',
    parentalWarning: 'not-explicit',
    language: 'en',
    ...overrides,
  };
}

describe('batch editing', () => {
  let fixture: ComponentFixture<BatchEditPageComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(): Promise<void> {
    http = setUpCatalogPage();
    fixture = TestBed.createComponent(BatchEditPageComponent);
    element = fixture.nativeElement as HTMLElement;
    await answerOrganisations(http);
    (await nextRequest(http, { url: `${CATALOG}/artists` })).flush([]);
    (await nextRequest(http, { method: 'GET', url: `${CATALOG}/tracks` })).flush({
      items: [trackSummary('trk-1', 'Night Drive'), trackSummary('trk-2', 'Headlights', { isrc: null })],
      nextCursor: 'c2',
    });
    await until('the tracks show', () => element.querySelector('tr[data-track="trk-2"]') !== null);
    await fixture.whenStable();
  }

  function checkbox(label: string): HTMLInputElement {
    return find<HTMLInputElement>(
      element,
      `mat-checkbox[aria-label="${label}"] input, input[aria-label="${label}"]`,
    );
  }

  async function previewGenre(genre: string): Promise<TestRequest> {
    checkbox('Select every track on this page').click();
    await fixture.whenStable();
    find<HTMLInputElement>(element, 'form[aria-label="Fields to change"] mat-checkbox input').click();
    await fixture.whenStable();
    type(fieldLabelled(element, 'Genre'), genre);
    buttonNamed(element, 'Preview').click();
    return nextRequest(http, { method: 'POST', url: `${CATALOG}/batch-edits` });
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('lists the tracks with their fields and selects them one by one or by page', async () => {
    await start();
    const row = find(element, 'tr[data-track="trk-1"]');
    expect(textOf(row)).toContain('US-RC1-76-07839');
    expect(textOf(row)).toContain('3:35');
    expect(textOf(row)).toContain('Pop');
    expect(textOf(element)).toContain('0 tracks selected');
    checkbox('Select Night Drive').click();
    await fixture.whenStable();
    expect(textOf(element)).toContain('1 track selected');
    checkbox('Select every track on this page').click();
    await fixture.whenStable();
    expect(textOf(element)).toContain('2 tracks selected');

    // The selection holds across pages.
    buttonNamed(element, 'Next page').click();
    const next = await nextRequest(
      http,
      (request) => request.url === `${CATALOG}/tracks` && request.params.get('cursor') === 'c2',
    );
    next.flush({ items: [trackSummary('trk-3', 'Afterglow')], nextCursor: null });
    await until('page two shows', () => element.querySelector('tr[data-track="trk-3"]') !== null);
    checkbox('Select Afterglow').click();
    await fixture.whenStable();
    expect(textOf(element)).toContain('3 tracks selected');
    buttonNamed(element, 'Clear the selection').click();
    await fixture.whenStable();
    expect(textOf(element)).toContain('0 tracks selected');
  });

  it('filters the tracks', async () => {
    await start();
    type(fieldLabelled(element, 'Filter tracks'), 'head');
    buttonNamed(element, 'Filter').click();
    const filtered = await nextRequest(
      http,
      (request) => request.url === `${CATALOG}/tracks` && request.params.get('q') === 'head',
    );
    filtered.flush({ items: [], nextCursor: null });
    await until('nothing matches', () => textOf(element).includes('No track matches.'));
  });

  it('previews a change, shows what would change, and applies it', async () => {
    await start();
    const preview = await previewGenre('Synthwave');
    expect(preview.request.body).toEqual({
      target: 'tracks',
      ids: ['trk-1', 'trk-2'],
      set: { genre: 'Synthwave' },
    });
    preview.flush(changePlan());
    await until('the preview shows', () => element.querySelector('bs-plan-preview') !== null);
    await fixture.whenStable();
    expect(textOf(find(element, '[data-count="updates"]'))).toBe('1');
    expect(textOf(find(element, '[data-count="tracks"]'))).toBe('2');
    const change = find(element, 'tr[data-path="tracks[trk-1].genre"]');
    expect(textOf(change.querySelector('.bs-before'))).toBe('Pop');
    expect(textOf(change.querySelector('.bs-after'))).toBe('Synthwave');

    buttonNamed(element, 'Apply').click();
    const apply = await nextRequest(http, { method: 'POST', url: `${CATALOG}/plans/plan-1/apply` });
    apply.flush(changePlan({ status: 'applied', appliedAt: '2026-11-21T10:05:00.000Z' }));
    (await nextRequest(http, { url: `${CATALOG}/tracks` })).flush({ items: [], nextCursor: null });
    await until('the notice shows', () =>
      textOf(element).includes('Applied: 2 tracks changed on 1 release.'),
    );
    expect(element.querySelector('bs-plan-panel button.mat-mdc-unelevated-button')).toBeNull();
    buttonNamed(element, 'Edit more tracks').click();
    await fixture.whenStable();
    expect(element.querySelector('bs-batch-fields-form')).not.toBeNull();
    expect(textOf(element)).toContain('No track matches.');
  });

  it('says clearly when the catalog changed since the preview, and previews again', async () => {
    await start();
    const preview = await previewGenre('Synthwave');
    const body = preview.request.body as BatchEditRequest;
    preview.flush(changePlan());
    await until('the preview shows', () => element.querySelector('bs-plan-preview') !== null);
    await fixture.whenStable();
    buttonNamed(element, 'Apply').click();
    fail(
      await nextRequest(http, { method: 'POST', url: `${CATALOG}/plans/plan-1/apply` }),
      problem(409, 'CATALOG.PLAN_STALE', 'Night Drive was revised since the preview.'),
    );
    await until('the stale notice shows', () =>
      textOf(element).includes('The catalog changed since this preview'),
    );
    buttonNamed(element, 'Preview again').click();
    const again = await nextRequest(http, { method: 'POST', url: `${CATALOG}/batch-edits` });
    expect(again.request.body).toEqual(body);
    again.flush(changePlan({ planId: 'plan-2' }));
    await until(
      'the stale notice goes',
      () => !textOf(element).includes('The catalog changed since this preview'),
    );
    buttonNamed(element, 'Discard').click();
    (await nextRequest(http, { method: 'DELETE', url: `${CATALOG}/plans/plan-2` })).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await until('the notice shows', () =>
      textOf(element).includes('The preview was discarded; nothing changed.'),
    );
  });

  it('adds a credit and sets the advisory, and shows a refused preview', async () => {
    await start();
    checkbox('Select Night Drive').click();
    await fixture.whenStable();
    const boxes = element.querySelectorAll<HTMLInputElement>(
      'form[aria-label="Fields to change"] mat-checkbox input',
    );
    boxes[1]?.click();
    await fixture.whenStable();
    await choose(formFieldLabelled(element, 'Parental warning'), 'explicit');
    buttonNamed(element, 'Add credit to add').click();
    await fixture.whenStable();
    type(fieldLabelled(element, 'Credit to add 1 name'), 'Kestrel');
    type(fieldLabelled(element, 'Credit to add 1 ISNI'), 'bad');
    buttonNamed(element, 'Preview').click();
    const preview = await nextRequest(http, { method: 'POST', url: `${CATALOG}/batch-edits` });
    expect(preview.request.body).toEqual({
      target: 'tracks',
      ids: ['trk-1'],
      set: {
        parentalWarning: 'explicit',
        addContributors: [
          {
            name: 'Kestrel',
            artistId: null,
            roles: ['main-artist'],
            isni: 'bad',
            ipi: null,
            instrument: null,
          },
        ],
      },
    });
    fail(
      preview,
      problem(422, 'CATALOG.INVALID_ISNI', 'The change is invalid.', [
        { field: 'set.addContributors.0.isni', code: 'CATALOG.INVALID_ISNI', message: 'Not an ISNI.' },
      ]),
    );
    await until('the error shows', () =>
      textOf(fieldLabelled(element, 'Credit to add 1 ISNI').closest('mat-form-field')).includes(
        'Not an ISNI.',
      ),
    );
  });
});
