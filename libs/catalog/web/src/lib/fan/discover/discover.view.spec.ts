import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { PUBLIC_CATALOG_PATH, type SearchHit } from '@bandstand/catalog/contracts';
import {
  fanTestingProviders,
  find,
  nextRequest,
  problem,
  summary,
  textOf,
  until,
} from '../testing/fan-fixtures';
import { DiscoverViewComponent } from './discover.view';

const RELEASES = `${PUBLIC_CATALOG_PATH}/releases`;
const SEARCH = `${PUBLIC_CATALOG_PATH}/search`;

function hit(kind: SearchHit['kind'], id: string, title: string, releaseId: string | null): SearchHit {
  return {
    kind,
    id,
    releaseId,
    title,
    subtitle: kind === 'artist' ? 'Norway' : 'Aurora Lane',
    identifiers: [],
    score: 0.9,
  };
}

describe('the Discover view', () => {
  let fixture: ComponentFixture<DiscoverViewComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  function start(): void {
    TestBed.configureTestingModule({ providers: fanTestingProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DiscoverViewComponent);
    element = fixture.nativeElement as HTMLElement;
  }

  function cards(): string[] {
    return [...element.querySelectorAll('bs-release-card')].map((card) =>
      textOf(card.querySelector('.bs-release-title')),
    );
  }

  function button(name: string): HTMLButtonElement {
    const found = [...element.querySelectorAll('button')].find((candidate) =>
      textOf(candidate).endsWith(name),
    );
    if (found === undefined) throw new Error(`no button ${name}`);
    return found;
  }

  function typeQuery(value: string): void {
    const input = find<HTMLInputElement>(element, 'input[name="q"]');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('shows the newest releases with artwork, title, artist and date, a page at a time', async () => {
    start();
    const first = await nextRequest(http, { method: 'GET', url: RELEASES });
    expect(first.request.params.get('limit')).toBe('24');
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({
      items: [
        { ...summary('rel-a', 'Night Drive'), artworkUrl: '/api/v1/catalog/artwork/cover-a' },
        summary('rel-b', 'Dawn', '2027-02-26T12:00:00.000Z'),
      ],
      nextCursor: 'cursor-2',
    });
    await until('the releases show', () => cards().length === 2);
    expect(cards()).toEqual(['Night Drive', 'Dawn']);
    const card = find(element, 'bs-release-card a');
    expect(card.getAttribute('href')).toBe('/releases/rel-a');
    expect(card.querySelector('img')?.getAttribute('src')).toBe('/api/v1/catalog/artwork/cover-a');
    expect(textOf(card.querySelector('.bs-release-artist'))).toBe('Aurora Lane');
    expect(textOf(card.querySelector('.bs-release-meta'))).toBe('Single · Mar 5, 2027');

    button('Show more releases').click();
    const second = await nextRequest(http, { method: 'GET', url: RELEASES });
    expect(second.request.params.get('cursor')).toBe('cursor-2');
    second.flush({ items: [summary('rel-c', 'Dusk', '2027-01-01T12:00:00.000Z')], nextCursor: null });
    await until('the next page shows', () => cards().length === 3);
    expect(cards()).toEqual(['Night Drive', 'Dawn', 'Dusk']);
    expect([...element.querySelectorAll('button')].some((each) => textOf(each).includes('Show more'))).toBe(
      false,
    );
  });

  it('says so when nothing is out yet', async () => {
    start();
    (await nextRequest(http, { url: RELEASES })).flush({ items: [], nextCursor: null });
    await until('the empty state shows', () => textOf(element).includes('Nothing is out yet'));
  });

  it('offers to try again when the list fails', async () => {
    start();
    (await nextRequest(http, { url: RELEASES })).flush(
      problem(503, 'HTTP.SERVICE_UNAVAILABLE', 'The catalog is resting'),
      { status: 503, statusText: 'Service Unavailable' },
    );
    await until('the error shows', () => textOf(element).includes('The catalog is resting'));
    button('Try again').click();
    (await nextRequest(http, { url: RELEASES })).flush({
      items: [summary('rel-a', 'Night Drive')],
      nextCursor: null,
    });
    await until('the release shows', () => cards().length === 1);
  });

  it('searches and groups what it finds by kind, linking each hit to its page', async () => {
    start();
    (await nextRequest(http, { url: RELEASES })).flush({ items: [], nextCursor: null });
    typeQuery('  aurora ');
    button('Search').click();
    const search = await nextRequest(http, { method: 'GET', url: SEARCH });
    expect(search.request.params.get('q')).toBe('aurora');
    search.flush([
      hit('track', 'trk-1', 'Aurora Borealis', 'rel-b'),
      hit('artist', 'art-aurora', 'Aurora Lane', null),
      hit('release', 'rel-a', 'Aurora', 'rel-a'),
    ]);
    await until('the results show', () => element.querySelector('bs-search-results section') !== null);
    const groups = [...element.querySelectorAll('bs-search-results section')];
    expect(groups.map((group) => textOf(group.querySelector('h3')))).toEqual([
      'Releases',
      'Tracks',
      'Artists',
    ]);
    const links = groups.map((group) => {
      const link = group.querySelector('a');
      return [textOf(link), link?.getAttribute('href')];
    });
    expect(links).toEqual([
      ['Aurora', '/releases/rel-a'],
      ['Aurora Borealis', '/releases/rel-b'],
      ['Aurora Lane', '/artists/art-aurora'],
    ]);
    expect(textOf(groups[2])).toContain('Norway');
  });

  it('reads a paged search answer too, and says when nothing matched', async () => {
    start();
    (await nextRequest(http, { url: RELEASES })).flush({ items: [], nextCursor: null });
    typeQuery('zzz');
    button('Search').click();
    (await nextRequest(http, { url: SEARCH })).flush({ items: [], nextCursor: null });
    await until('the answer shows', () =>
      textOf(element).includes('Nothing out in your territory matches “zzz”.'),
    );
  });

  it('does not search for nothing, and shows a refused search', async () => {
    start();
    (await nextRequest(http, { url: RELEASES })).flush({ items: [], nextCursor: null });
    typeQuery('   ');
    button('Search').click();
    await fixture.whenStable();
    http.expectNone((request) => request.url === SEARCH);
    typeQuery('x');
    button('Search').click();
    (await nextRequest(http, { url: SEARCH })).flush(
      problem(400, 'CATALOG.INVALID_QUERY', 'Search for 1 to 200 characters.'),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await until('the refusal shows', () =>
      textOf(element.querySelector('[role="alert"]')).includes('Search for 1 to 200 characters.'),
    );
  });
});
