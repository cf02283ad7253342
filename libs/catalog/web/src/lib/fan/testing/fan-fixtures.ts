import { type HttpRequest, provideHttpClient } from '@angular/common/http';
import {
  type HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider, provideZonelessChangeDetection } from '@angular/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, type Route, withComponentInputBinding } from '@angular/router';
import {
  type Contributor,
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  type PublicTrack,
} from '@bandstand/catalog/contracts';
import { type ErrorCode, type ProblemDetails, problemType } from '@bandstand/shared/contracts';

/** A credit on a track or release. */
export function credit(
  name: string,
  roles: Contributor['roles'],
  extra: Partial<Contributor> = {},
): Contributor {
  return { name, artistId: null, roles, isni: null, ipi: null, instrument: null, ...extra };
}

/** A track as the public api answers it. */
export function publicTrack(position: number, title: string, extra: Partial<PublicTrack> = {}): PublicTrack {
  return {
    trackId: `trk-${position}`,
    position,
    disc: 1,
    title: { text: title, language: 'en', translations: [] },
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    isrc: `USRC1760000${position}`,
    durationMs: 200_000 + position * 1000,
    parentalWarning: 'not-explicit',
    contributors: [credit('Mara Quell', ['composer']), credit('Theo Brandt', ['producer'])],
    ...extra,
  };
}

/** A release with a Japanese title (and its English translation), two tracks and one featured artist. */
export const NIGHT_DRIVE: PublicRelease = {
  releaseId: 'rel-night',
  type: 'ep',
  title: { text: '夜のドライブ', language: 'ja', translations: [{ language: 'en', text: 'Night Drive' }] },
  versionTitle: null,
  displayArtist: 'Aurora Lane feat. Kestrel',
  artists: [{ artistId: 'art-aurora', name: { text: 'Aurora Lane', language: null, translations: [] } }],
  upc: '012345678905',
  labelName: 'Night Owls',
  genre: 'Electronic',
  parentalWarning: 'explicit',
  languages: ['ja', 'en'],
  pLine: { year: 2027, owner: 'Night Owls Records' },
  cLine: { year: 2026, owner: 'Aurora Lane' },
  releaseDate: '2027-03-05T12:00:00.000Z',
  territories: ['WW'],
  excludedTerritories: ['CN', 'DE'],
  territory: 'FR',
  artworkUrl: '/api/v1/catalog/artwork/asset-cover',
  contributors: [credit('Aurora Lane', ['main-artist']), credit('Ilse Moor', ['mastering-engineer'])],
  tracks: [
    publicTrack(1, 'Headlights'),
    publicTrack(2, 'Tunnel', {
      contributors: [
        credit('Kestrel', ['featured-artist']),
        credit('Mara Quell', ['composer', 'lyricist']),
        credit('Sol Ferreira', ['performer'], { instrument: 'Cello' }),
      ],
      parentalWarning: 'explicit',
      durationMs: 3_725_000,
      isrc: null,
    }),
  ],
};

/** A release in lists. */
export function summary(
  releaseId: string,
  title: string,
  releaseDate = '2027-03-05T12:00:00.000Z',
): PublicReleaseSummary {
  return {
    releaseId,
    type: 'single',
    title: { text: title, language: 'en', translations: [] },
    displayArtist: 'Aurora Lane',
    releaseDate,
    artworkUrl: null,
    trackCount: 1,
  };
}

/** An artist page with two releases. */
export const AURORA: PublicArtist = {
  artistId: 'art-aurora',
  name: { text: 'Аврора Лейн', language: 'ru', translations: [{ language: 'en', text: 'Aurora Lane' }] },
  country: 'NO',
  bio: 'Synths from the north.',
  releases: [summary('rel-night', 'Night Drive'), summary('rel-dawn', 'Dawn', '2026-11-20T12:00:00.000Z')],
};

/** A problem+json body as the api answers it. */
export function problem(status: number, code: ErrorCode, detail: string): ProblemDetails {
  return {
    type: problemType(code),
    title: 'Request failed',
    status,
    code,
    detail,
    correlationId: 'corr-test',
  };
}

/** The providers of the fan app's catalog pages on the testing backend. */
export function fanTestingProviders(routes: Route[] = []): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideNoopAnimations(),
    provideRouter(routes, withComponentInputBinding()),
  ];
}

/** The visible text of an element, with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader reads for `element`: its text without the parts hidden from it (icons). */
export function spokenText(element: Element | null | undefined): string {
  if (element === null || element === undefined) return '';
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return textOf(copy);
}

/** A description list's terms and their descriptions, in order, as `term: description` lines. */
export function definitions(list: Element | null | undefined): string[] {
  return [...(list?.querySelectorAll('dt') ?? [])].map(
    (term) => `${textOf(term)}: ${textOf(term.nextElementSibling)}`,
  );
}

/** The element matching `selector` inside `scope`, or a failure naming what is missing. */
export function find<T extends Element = HTMLElement>(scope: ParentNode, selector: string): T {
  const found = scope.querySelector<T>(selector);
  if (found === null) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/**
 * The request to `match.url` (its path, whatever its query parameters) once the code under test has
 * sent it: pages send theirs after a few promise turns (a lazy chunk, a resource), so this waits.
 */
export async function nextRequest(
  http: HttpTestingController,
  match: { readonly method?: string; readonly url: string },
): Promise<TestRequest> {
  const matches = (request: HttpRequest<unknown>): boolean =>
    request.url === match.url && (match.method === undefined || request.method === match.method);
  for (let turn = 0; turn < 50; turn++) {
    const [found] = http.match(matches);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return http.expectOne(matches, `${match.method ?? 'any'} ${match.url}`);
}

/** Waits (a little at a time) until `done` holds; fails naming `what` when it never does. */
export async function until(what: string, done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`Gave up waiting: ${what}`);
}
