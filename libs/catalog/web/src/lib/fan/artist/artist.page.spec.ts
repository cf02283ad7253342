import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { PUBLIC_CATALOG_PATH } from '@bandstand/catalog/contracts';
import { fanCatalogRoutes } from '../fan-catalog.feature';
import {
  AURORA,
  fanTestingProviders,
  find,
  nextRequest,
  problem,
  textOf,
  until,
} from '../testing/fan-fixtures';

describe('the fan artist page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(artistId: string): Promise<TestRequest> {
    TestBed.configureTestingModule({ providers: fanTestingProviders(fanCatalogRoutes()) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    void harness.navigateByUrl(`/artists/${artistId}`);
    return nextRequest(http, { method: 'GET', url: `${PUBLIC_CATALOG_PATH}/artists/${artistId}` });
  }

  function page(): HTMLElement {
    const element = harness.routeNativeElement;
    if (element === null) throw new Error('no page is shown');
    return element;
  }

  afterEach(() => http.verify());

  it('shows the name in the reader’s language with the original, the country, the bio and the releases', async () => {
    (await open('art-aurora')).flush(AURORA);
    await until(
      'the artist shows',
      () => textOf(harness.routeNativeElement?.querySelector('h1')) === 'Aurora Lane',
    );
    const element = page();
    expect(textOf(find(element, '.bs-artist-original'))).toBe('Аврора Лейн');
    expect(find(element, '.bs-artist-original span').getAttribute('lang')).toBe('ru');
    expect(textOf(find(element, '.bs-artist-country'))).toBe('From Norway');
    expect(textOf(find(element, '.bs-artist-bio'))).toBe('Synths from the north.');
    const releases = [...element.querySelectorAll('bs-release-card a')];
    expect(
      releases.map((link) => [textOf(link.querySelector('.bs-release-title')), link.getAttribute('href')]),
    ).toEqual([
      ['Night Drive', '/releases/rel-night'],
      ['Dawn', '/releases/rel-dawn'],
    ]);
    expect(find(element, 'ul.bs-release-grid').getAttribute('aria-label')).toBe('Releases by Aurora Lane');
  });

  it('leaves out what the artist has not filled in', async () => {
    (await open('art-aurora')).flush({
      ...AURORA,
      name: { text: 'Aurora Lane', language: 'en', translations: [] },
      country: null,
      bio: null,
    });
    await until(
      'the artist shows',
      () => textOf(harness.routeNativeElement?.querySelector('h1')) === 'Aurora Lane',
    );
    expect(page().querySelector('.bs-artist-original, .bs-artist-country, .bs-artist-bio')).toBeNull();
  });

  it('says an artist it cannot show is not found', async () => {
    (await open('art-hidden')).flush(problem(404, 'CATALOG.ARTIST_NOT_FOUND', 'No such artist'), {
      status: 404,
      statusText: 'Not Found',
    });
    await until('the page says so', () => textOf(harness.routeNativeElement).includes('Artist not found'));
    expect(textOf(find(page(), 'h1'))).toBe('Artist not found');
  });
});
