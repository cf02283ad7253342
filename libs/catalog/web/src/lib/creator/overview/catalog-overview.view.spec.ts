import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ORGS_PATH } from '@bandstand/identity/contracts';
import { ACTIVE_ORG_STORAGE_KEY } from '../../shared/data/active-organisation';
import {
  answerOrganisations,
  buttonNamed,
  CATALOG,
  choose,
  fail,
  fieldLabelled,
  find,
  formFieldLabelled,
  hasButton,
  nextRequest,
  organisation,
  problem,
  releaseSummary,
  setUpCatalogPage,
  textOf,
  type,
  until,
} from '../../shared/testing/catalog-testing';
import { CatalogOverviewViewComponent } from './catalog-overview.view';

describe('the catalog overview', () => {
  let fixture: ComponentFixture<CatalogOverviewViewComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(): Promise<void> {
    http = setUpCatalogPage();
    fixture = TestBed.createComponent(CatalogOverviewViewComponent);
    element = fixture.nativeElement as HTMLElement;
    // Not whenStable: the page's reads keep it busy until the test answers them.
    await until('the page renders', () => textOf(element) !== '');
  }

  const settle = () => fixture.whenStable();

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('lists the releases with their status, date, UPC, tracks, draft changes and artwork', async () => {
    await start();
    expect(textOf(element)).toContain('Loading your organisations');
    await answerOrganisations(http);
    (await nextRequest(http, { method: 'GET', url: `${CATALOG}/releases` })).flush({
      items: [
        releaseSummary(),
        releaseSummary({
          releaseId: 'rel-2',
          title: { text: 'Lights', language: 'en', translations: [] },
          status: 'scheduled',
          releaseAt: '2026-12-04T00:00:00.000Z',
          version: 1,
          hasDraftChanges: true,
          artworkAssetId: 'asset-9',
          upc: '5012345678900',
        }),
      ],
      nextCursor: null,
    });
    const artwork = await nextRequest(http, { method: 'GET', url: `${CATALOG}/assets/asset-9/content` });
    expect(artwork.request.responseType).toBe('blob');
    artwork.flush(new Blob(['png'], { type: 'image/png' }));
    await until('the artwork shows', () => element.querySelector('tr[data-release="rel-2"] img') !== null);
    await settle();

    const first = find(element, 'tr[data-release="rel-1"]');
    expect(textOf(first)).toContain('Night Drive');
    expect(textOf(first)).toContain('Draft');
    expect(textOf(first)).toContain('0 36000 29145 2');
    expect(first.querySelector('.bs-draft-badge')).toBeNull();
    const second = find(element, 'tr[data-release="rel-2"]');
    expect(textOf(second)).toContain('Scheduled');
    expect(textOf(second)).toContain('5 012345 678900');
    expect(textOf(second.querySelector('.bs-draft-badge'))).toBe('Draft changes');
    expect(second.querySelector('img')?.getAttribute('src')).toMatch(/^(blob:|data:image\/png)/);
    expect(find(first, 'a.bs-release-link').getAttribute('href')).toBe('/catalog/releases/rel-1');
    for (const link of ['New release', 'Calendar', 'Batch edit', 'Import/Export', 'Artists']) {
      expect(hasButton(element, link)).toBe(true);
    }
  });

  it('filters by status and pages on with the cursor', async () => {
    await start();
    await answerOrganisations(http);
    (await nextRequest(http, { url: `${CATALOG}/releases` })).flush({
      items: [releaseSummary()],
      nextCursor: 'c2',
    });
    await settle();
    buttonNamed(element, 'More releases').click();
    const more = await nextRequest(
      http,
      (request) => request.url === `${CATALOG}/releases` && request.params.get('cursor') === 'c2',
    );
    more.flush({ items: [releaseSummary({ releaseId: 'rel-3' })], nextCursor: null });
    await until('page two shows', () => element.querySelector('tr[data-release="rel-3"]') !== null);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(2);

    await choose(formFieldLabelled(element, 'Status'), 'Released');
    const filtered = await nextRequest(
      http,
      (request) => request.url === `${CATALOG}/releases` && request.params.get('status') === 'released',
    );
    filtered.flush({ items: [], nextCursor: null });
    await until('the empty state shows', () => textOf(element).includes('No releases with this status'));
  });

  it('searches the catalog and links each hit', async () => {
    await start();
    await answerOrganisations(http);
    (await nextRequest(http, { url: `${CATALOG}/releases` })).flush([]);
    await settle();
    expect(textOf(element)).toContain('No releases yet');
    type(fieldLabelled(element, 'Search the catalog'), 'USRC176');
    buttonNamed(element, 'Search').click();
    const search = await nextRequest(http, { method: 'GET', url: `${CATALOG}/search` });
    expect(search.request.params.get('q')).toBe('USRC176');
    search.flush([
      {
        kind: 'track',
        id: 'trk-1',
        releaseId: 'rel-1',
        title: 'Night Drive',
        subtitle: 'Aurora Lane',
        identifiers: ['USRC17607839'],
        score: 0.9,
      },
    ]);
    await until('the hit shows', () => element.querySelector('li[data-hit="trk-1"]') !== null);
    expect(find(element, 'li[data-hit="trk-1"] a').getAttribute('href')).toBe('/catalog/releases/rel-1');
    buttonNamed(element, 'Clear search').click();
    await settle();
    expect(element.querySelector('.bs-search-results')).toBeNull();
  });

  it('shows why the search failed', async () => {
    await start();
    await answerOrganisations(http);
    (await nextRequest(http, { url: `${CATALOG}/releases` })).flush([]);
    await settle();
    type(fieldLabelled(element, 'Search the catalog'), 'x'.repeat(5));
    buttonNamed(element, 'Search').click();
    fail(
      await nextRequest(http, { url: `${CATALOG}/search` }),
      problem(400, 'CATALOG.INVALID_QUERY', 'The search needs 1 to 200 characters.'),
    );
    await until('the problem shows', () => textOf(element).includes('The search needs 1 to 200 characters.'));
  });

  it('shows a failed list with a retry', async () => {
    await start();
    await answerOrganisations(http);
    fail(
      await nextRequest(http, { url: `${CATALOG}/releases` }),
      problem(503, 'CATALOG.STORAGE_UNAVAILABLE', 'The database is not reachable.'),
    );
    await until('the error shows', () => textOf(element).includes('The database is not reachable.'));
    buttonNamed(element, 'Try again').click();
    (await nextRequest(http, { url: `${CATALOG}/releases` })).flush([releaseSummary()]);
    await until('the list shows', () => element.querySelector('tr[data-release="rel-1"]') !== null);
  });

  it('remembers the organisation chosen among several, and hides writing for readers', async () => {
    await start();
    await answerOrganisations(http, [organisation('owner'), organisation('reader', 'org-2', 'Second Label')]);
    (await nextRequest(http, { url: `${CATALOG}/releases` })).flush([]);
    await settle();
    await choose(formFieldLabelled(element, 'Organisation'), 'Second Label');
    (await nextRequest(http, { url: '/api/v1/orgs/org-2/catalog/releases' })).flush([]);
    await settle();
    expect(localStorage.getItem(ACTIVE_ORG_STORAGE_KEY)).toBe('org-2');
    expect(textOf(element)).toContain('You are reader of this artist.');
    expect(hasButton(element, 'New release')).toBe(false);
    expect(hasButton(element, 'Batch edit')).toBe(false);
    expect(hasButton(element, 'Calendar')).toBe(true);
  });

  it('opens the remembered organisation, and says what to do without one', async () => {
    localStorage.setItem(ACTIVE_ORG_STORAGE_KEY, 'org-2');
    await start();
    await answerOrganisations(http, [organisation('owner'), organisation('editor', 'org-2', 'Second Label')]);
    (await nextRequest(http, { url: '/api/v1/orgs/org-2/catalog/releases' })).flush([]);
    await settle();
    fixture.destroy();

    fixture = TestBed.createComponent(CatalogOverviewViewComponent);
    element = fixture.nativeElement as HTMLElement;
    (await nextRequest(http, { url: ORGS_PATH })).flush([]);
    await settle();
    expect(textOf(element)).toContain('No organisation yet');
    expect(buttonNamed(element, 'Go to the Team page').getAttribute('href')).toBe('/team');
  });
});
