import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { PUBLIC_CATALOG_PATH } from '@bandstand/catalog/contracts';
import { fanCatalogRoutes } from '../fan-catalog.feature';
import {
  definitions,
  fanTestingProviders,
  find,
  NIGHT_DRIVE,
  nextRequest,
  problem,
  publicTrack,
  spokenText,
  textOf,
  until,
} from '../testing/fan-fixtures';

describe('the fan release page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  /** Opens the release's page; answers the page's request for it. */
  async function open(releaseId: string): Promise<TestRequest> {
    TestBed.configureTestingModule({ providers: fanTestingProviders(fanCatalogRoutes()) });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    void harness.navigateByUrl(`/releases/${releaseId}`);
    return nextRequest(http, { method: 'GET', url: `${PUBLIC_CATALOG_PATH}/releases/${releaseId}` });
  }

  function page(): HTMLElement {
    const element = harness.routeNativeElement;
    if (element === null) throw new Error('no page is shown');
    return element;
  }

  async function shown(body = NIGHT_DRIVE): Promise<HTMLElement> {
    (await open(body.releaseId)).flush(body);
    await until('the release shows', () => harness.routeNativeElement?.querySelector('h1') !== null);
    await harness.fixture.whenStable();
    return page();
  }

  afterEach(() => http.verify());

  it('shows the title in the reader’s language with the original, the artists, type and advisory', async () => {
    const element = await shown();
    expect(textOf(find(element, 'h1'))).toBe('Night Drive');
    expect(textOf(find(element, '.bs-release-original'))).toBe('Original title: 夜のドライブ');
    expect(find(element, '.bs-release-original span').getAttribute('lang')).toBe('ja');
    const artist = find<HTMLAnchorElement>(element, '.bs-release-artists a');
    expect([textOf(artist), artist.getAttribute('href')]).toEqual(['Aurora Lane', '/artists/art-aurora']);
    expect(textOf(find(element, '.bs-release-artist-line'))).toBe('Aurora Lane feat. Kestrel');
    expect(textOf(find(element, '.bs-release-type'))).toBe('EP');
    expect(spokenText(find(element, '.bs-advisory-badge'))).toBe('Explicit');
    const artwork = find<HTMLImageElement>(element, 'img.bs-release-artwork');
    expect([artwork.getAttribute('src'), artwork.alt]).toEqual([
      '/api/v1/catalog/artwork/asset-cover',
      'Artwork of Night Drive',
    ]);
  });

  it('shows the release date in the viewer’s territory, label, genre, ℗/© and where it is out', async () => {
    const element = await shown();
    expect(definitions(find(element, '.bs-release-facts'))).toEqual([
      'Release date in France: March 5, 2027',
      'Label: Night Owls',
      'Genre: Electronic',
      'Available in: Worldwide except China, Germany',
    ]);
    expect(find(element, 'time').getAttribute('datetime')).toBe('2027-03-05T12:00:00.000Z');
    expect(
      [...find(element, '.bs-release-copyright').querySelectorAll('p')].map((line) => textOf(line)),
    ).toEqual(['℗ 2027 Night Owls Records', '© 2026 Aurora Lane']);
  });

  it('lists the tracks with durations, featured artists, advisories and per-track credits', async () => {
    const element = await shown();
    const tracks = [...element.querySelectorAll('li.bs-track')];
    expect(tracks.map((track) => textOf(track.querySelector('.bs-track-name')))).toEqual([
      'Headlights',
      'Tunnel',
    ]);
    expect(textOf(tracks[1]?.querySelector('.bs-track-featured'))).toBe('feat. Kestrel');
    expect(
      tracks.map((track) => track.querySelector('.bs-advisory')?.getAttribute('aria-label') ?? null),
    ).toEqual([null, 'Explicit']);
    expect(tracks.map((track) => textOf(track.querySelector('.bs-track-duration')))).toEqual([
      'Duration 3:21',
      'Duration 1:02:05',
    ]);
    expect(definitions(tracks[0]?.querySelector('.bs-track-credits'))).toEqual([
      'Composer: Mara Quell',
      'Producer: Theo Brandt',
    ]);
    expect(definitions(tracks[1]?.querySelector('.bs-track-credits'))).toEqual([
      'Composer: Mara Quell',
      'Lyricist: Mara Quell',
      'Performer: Sol Ferreira (Cello)',
    ]);
    // Release credits leave out the main artist, whom the artist line names already.
    expect(definitions(find(element, '.bs-release-credits'))).toEqual(['Mastering engineer: Ilse Moor']);
  });

  it('splits the track list by disc when there are several', async () => {
    const element = await shown({
      ...NIGHT_DRIVE,
      tracks: [publicTrack(1, 'One'), publicTrack(1, 'Two', { trackId: 'trk-b', disc: 2 })],
    });
    expect([...element.querySelectorAll('.bs-disc')].map((heading) => textOf(heading))).toEqual([
      'Disc 1',
      'Disc 2',
    ]);
    expect(element.querySelectorAll('ol.bs-tracks').length).toBe(2);
  });

  it('keeps the UPC and ISRCs, as people write them, in the details panel', async () => {
    const element = await shown();
    const details = find(element, '.bs-release-details');
    expect(definitions(details.querySelector('.bs-release-identifiers'))).toEqual([
      'UPC: 0 12345 67890 5',
      'Languages: Japanese, English',
    ]);
    const rows = [...details.querySelectorAll('.bs-release-isrcs tbody tr')];
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => textOf(cell)))).toEqual([
      ['Headlights', 'US-RC1-76-00001'],
    ]);
  });

  it('says a release it cannot show is not found, without guessing why', async () => {
    (await open('rel-coming')).flush(problem(404, 'CATALOG.RELEASE_NOT_FOUND', 'No such release'), {
      status: 404,
      statusText: 'Not Found',
    });
    await until('the page says so', () => textOf(harness.routeNativeElement).includes('Release not found'));
    expect(textOf(find(page(), 'h1'))).toBe('Release not found');
    expect(find(page(), 'a[href="/discover"]')).toBeTruthy();
  });

  it('offers to try again after another failure', async () => {
    (await open('rel-night')).flush(problem(503, 'HTTP.SERVICE_UNAVAILABLE', 'The catalog is resting'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await until('the error shows', () =>
      textOf(harness.routeNativeElement).includes('The catalog is resting'),
    );
    const retry = [...page().querySelectorAll('button')].find(
      (button) => textOf(button) === 'refresh Try again',
    );
    if (retry === undefined) throw new Error('no retry button');
    retry.click();
    (await nextRequest(http, { url: `${PUBLIC_CATALOG_PATH}/releases/rel-night` })).flush(NIGHT_DRIVE);
    await until('the release shows', () => textOf(page().querySelector('h1')) === 'Night Drive');
  });
});
