import { normaliseSearchText } from '@bandstand/catalog/server';
import { type SearchHit } from '@bandstand/catalog/contracts';
import {
  type CatalogFixture,
  formattedIswc,
  hyphenatedIsrc,
  type Random,
  seededRandom,
} from './catalog-fixtures';

/** The kinds of query the search benchmark mixes, in equal numbers. */
export const QUERY_KINDS = ['identifier', 'exact title', 'typo', 'prefix', 'non-Latin'] as const;
/** A kind of benchmark query. */
export type QueryKind = (typeof QUERY_KINDS)[number];

/** One benchmark query and how to tell that search found what was meant. */
export interface BenchQuery {
  readonly kind: QueryKind;
  readonly q: string;
  /** The release the query aims at (to leave out of the public tally when fans cannot see it). */
  readonly releaseIndex: number;
  /** Whether a hit is what the query meant. */
  accepts(hit: SearchHit): boolean;
}

function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('Cannot pick from nothing');
  return value;
}

/** A title and where it is. */
interface Titled {
  readonly releaseIndex: number;
  readonly title: string;
  readonly script: string;
}

function titlesOf(catalog: CatalogFixture): Titled[] {
  return catalog.releases.flatMap((release, releaseIndex) => [
    { releaseIndex, title: release.draft.title.text, script: release.draft.title.language ?? '' },
    ...release.draft.tracks.map((track) => ({
      releaseIndex,
      title: track.title.text,
      script: track.title.language ?? '',
    })),
  ]);
}

/** One or two typing mistakes in a word of 5 letters or more: a swapped pair, a wrong or a missing letter. */
export function misspell(word: string, random: Random): string {
  const letters = [...word];
  const at = 1 + Math.floor(random() * (letters.length - 2));
  const roll = random();
  if (roll < 0.4) {
    const next = letters[at + 1] ?? '';
    letters[at + 1] = letters[at] ?? '';
    letters[at] = next;
  } else if (roll < 0.7) {
    letters[at] = letters[at] === 'x' ? 'q' : 'x';
  } else {
    letters.splice(at, 1);
  }
  return letters.join('');
}

const same = (a: string, b: string): boolean => normaliseSearchText(a) === normaliseSearchText(b);

/**
 * `count` queries (a multiple of 5), the same number of each kind, drawn from the catalog:
 * identifiers as people type them (hyphenated ISRCs, UPCs, formatted ISWCs), exact titles, titles
 * with a typo in a long word, the beginning of a title, and words of Japanese, Cyrillic, Greek and
 * Arabic titles in their own script.
 */
export function benchQueries(catalog: CatalogFixture, count: number, seed: number): BenchQuery[] {
  const random = seededRandom(seed);
  const titles = titlesOf(catalog);
  const latin = titles.filter((t) => t.script === 'en' || t.script === 'fr');
  const typoable = latin.filter((t) => t.title.split(' ').some((word) => [...word].length >= 5));
  const nonLatin = titles.filter((t) => ['ja', 'ru', 'el', 'ar'].includes(t.script));
  const perKind = Math.floor(count / QUERY_KINDS.length);
  const queries: BenchQuery[] = [];
  for (let index = 0; index < perKind; index += 1) {
    // Identifiers: ISRCs half the time, UPCs and ISWCs a quarter each.
    const releaseIndex = Math.floor(random() * catalog.releases.length);
    const release = catalog.releases[releaseIndex];
    if (release === undefined) throw new Error('No release to query');
    const track = pick(random, release.draft.tracks);
    const roll = random();
    if (roll < 0.5 && track.isrc !== null) {
      const isrc = track.isrc;
      const q = random() < 0.5 ? hyphenatedIsrc(isrc) : isrc.toLowerCase();
      queries.push({ kind: 'identifier', q, releaseIndex, accepts: (hit) => hit.identifiers.includes(isrc) });
    } else if (roll < 0.75 || track.iswc === null) {
      const upc = release.draft.upc ?? '';
      queries.push({
        kind: 'identifier',
        q: upc,
        releaseIndex,
        accepts: (hit) => hit.identifiers.includes(upc),
      });
    } else {
      const iswc = track.iswc;
      queries.push({
        kind: 'identifier',
        q: formattedIswc(iswc),
        releaseIndex,
        accepts: (hit) => hit.identifiers.includes(iswc),
      });
    }

    const exact = pick(random, titles);
    queries.push({
      kind: 'exact title',
      q: exact.title,
      releaseIndex: exact.releaseIndex,
      accepts: (hit) => same(hit.title, exact.title),
    });

    const typo = pick(random, typoable);
    const words = typo.title.split(' ');
    const long = words.map((word, at) => ({ word, at })).filter(({ word }) => [...word].length >= 5);
    const chosen = pick(random, long);
    words[chosen.at] = misspell(chosen.word, random);
    queries.push({
      kind: 'typo',
      q: words.join(' '),
      releaseIndex: typo.releaseIndex,
      accepts: (hit) => same(hit.title, typo.title),
    });

    const prefixed = pick(random, latin);
    const [first = '', second] = prefixed.title.split(' ');
    const prefix = second === undefined ? first.slice(0, 4) : `${first} ${second.slice(0, 3)}`;
    queries.push({
      kind: 'prefix',
      q: prefix,
      releaseIndex: prefixed.releaseIndex,
      accepts: (hit) => normaliseSearchText(hit.title).startsWith(normaliseSearchText(prefix)),
    });

    const foreign = pick(random, nonLatin);
    const characters = [...foreign.title];
    let q: string;
    if (foreign.script === 'ja') {
      const length = Math.min(characters.length, 2 + Math.floor(random() * 3));
      const from = Math.floor(random() * (characters.length - length + 1));
      q = characters.slice(from, from + length).join('');
    } else {
      q = pick(random, foreign.title.split(' '));
      if (random() < 0.3) q = q.toUpperCase();
    }
    queries.push({
      kind: 'non-Latin',
      q,
      releaseIndex: foreign.releaseIndex,
      accepts: (hit) => normaliseSearchText(hit.title).includes(normaliseSearchText(q)),
    });
  }
  return queries;
}
