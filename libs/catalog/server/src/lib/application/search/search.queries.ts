import { Inject, Injectable } from '@nestjs/common';
import { CATALOG_ERROR_CODES, type SearchHit } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import {
  KERNEL_CLOCK,
  type KernelClock,
  KernelDatabase,
  type KernelTransaction,
} from '@bandstand/shared/event-store';
import { visibleReleaseCondition } from '../releases/release-visibility.sql';
import { type SearchEntryKind } from './search-entry.entity';
import { MAX_EDITS, parseSearchQuery, type ParsedSearchQuery } from './search-text';

/** Longest query, in characters after trimming. */
export const MAX_SEARCH_QUERY_LENGTH = 200;
/** Most hits one search returns, and how many when the caller does not say. */
export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
/**
 * The trigram fallback's threshold (pg_trgm `word_similarity`): a phrase matches a document when
 * this share of its trigrams appear in order in some stretch of it ("mornign light" in "morning
 * light": 0.65). It is set with each search, so a database default cannot change the results.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.6;
/**
 * How similar (pg_trgm `similarity`) a vocabulary word must be to a query word to be checked as a
 * correction: low, because a swapped pair in a five-letter word leaves few trigrams in common
 * ("lihgt"/"light": 0.2); Levenshtein then decides.
 */
export const CORRECTION_CANDIDATE_SIMILARITY = 0.2;
/** Corrections kept per query word, fewest edits first. */
export const MAX_CORRECTIONS_PER_WORD = 4;

/** What a search asks for, checked. */
export interface SearchRequest {
  readonly q: string;
  readonly kind: SearchEntryKind | null;
  readonly limit: number;
}

/** A raw `q` trimmed and checked: 1–200 characters, else 400 CATALOG.INVALID_QUERY on `q`. */
export function checkedSearchText(q: string | undefined): string {
  const trimmed = (q ?? '').trim();
  const length = [...trimmed].length;
  if (length === 0 || length > MAX_SEARCH_QUERY_LENGTH) {
    throw new CatalogError(
      CATALOG_ERROR_CODES.invalidQuery,
      length === 0
        ? 'Type something to search for'
        : `A search is at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
      { status: 400, field: 'q' },
    );
  }
  return trimmed;
}

interface HitRow {
  readonly kind: SearchEntryKind;
  readonly entity_id: string;
  readonly release_id: string | null;
  readonly title: string;
  readonly subtitle: string;
  readonly identifiers: string[];
  readonly score: number;
}

interface CorrectionRow {
  readonly word: string;
  readonly term: string;
}

/** Where a search looks: the scope's rows it may return, as SQL on alias `e`, with its parameters. */
export interface SearchScopeSql {
  readonly scope: 'org' | 'public';
  /** Refers to its parameters as `$1`, `$2`…; the search's own are numbered after them. */
  readonly condition: string;
  readonly join: string;
  readonly params: readonly unknown[];
}

/** An organisation's rows: its drafts, nothing of another organisation. */
export function orgSearchScope(orgId: string): SearchScopeSql {
  return { scope: 'org', join: '', condition: 'e.org_id = $1', params: [orgId] };
}

/**
 * Public rows fans in `territory` may see at `now`: newest published versions of releases visible
 * there then, and artists credited on one of them.
 */
export function publicSearchScope(territory: string, now: Date): SearchScopeSql {
  return {
    scope: 'public',
    join: 'left join catalog.releases r on r.release_id = e.release_id',
    condition: `((e.kind <> 'artist' and ${visibleReleaseCondition('r', '$1', '$2')})
      or (e.kind = 'artist' and exists (
        select 1 from catalog.search_entries credited
          join catalog.releases ar on ar.release_id = credited.release_id
         where credited.scope = 'public' and credited.kind = 'release'
           and credited.artist_ids @> array[e.entity_id]
           and ${visibleReleaseCondition('ar', '$1', '$2')})))`,
    params: [territory, now],
  };
}

/** One statement and its parameters. */
export interface SqlStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** Builds positional parameters as the SQL is written. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function wordPrefix(word: string): string {
  return `% ${word}%`;
}

/**
 * The statement of a search (see {@link SearchQueries} for the tiers), given the corrections found
 * for its misspelt words. Exported so that a test can check its plan.
 */
export function searchStatement(
  query: ParsedSearchQuery,
  corrections: ReadonlyMap<string, readonly string[]>,
  request: Pick<SearchRequest, 'kind' | 'limit'>,
  where: SearchScopeSql,
): SqlStatement {
  const params = new Params();
  for (const value of where.params) params.add(value);
  const tiers: { readonly condition: string; readonly score: string }[] = [];
  if (query.identifiers.length > 0) {
    tiers.push({ condition: `e.identifiers && ${params.add(query.identifiers)}::text[]`, score: '1' });
  }
  if (query.words.length > 0) {
    const phrase = params.add(query.phrase);
    const exactTitle = params.add(query.normalised);
    const phrasePrefix = params.add(wordPrefix(query.phrase));
    const closeness = `0.1 * public.similarity(${phrase}, e.document)`;
    tiers.push({ condition: `e.titles @> array[${exactTitle}::text]`, score: '0.95' });
    tiers.push({ condition: `e.document like ${phrasePrefix}`, score: `0.85 + ${closeness}` });
    const everyWord = query.words.map((word) => `e.document like ${params.add(wordPrefix(word))}`);
    tiers.push({ condition: `(${everyWord.join(' and ')})`, score: `0.7 + ${closeness}` });
    if (corrections.size > 0) {
      // Normalised words hold only letters, digits and marks: nothing to escape in a pattern.
      const everyCorrected = query.words.map((word) => {
        const alternatives = corrections.get(word);
        return alternatives === undefined
          ? `e.document like ${params.add(wordPrefix(word))}`
          : `e.document ~ ${params.add(` (${[word, ...alternatives].join('|')})`)}`;
      });
      tiers.push({ condition: `(${everyCorrected.join(' and ')})`, score: `0.55 + ${closeness}` });
    }
    tiers.push({
      condition: `${phrase} operator(public.<%) e.document`,
      score: `0.5 * public.word_similarity(${phrase}, e.document)`,
    });
  }
  const kind = params.add(request.kind);
  const limit = params.add(request.limit);
  const score = `case ${tiers.map((tier) => `when ${tier.condition} then ${tier.score}`).join(' ')} else 0 end`;
  return {
    text: `select e.kind, e.entity_id, e.release_id, e.title, e.subtitle, e.identifiers, (${score})::float8 as score
         from catalog.search_entries e ${where.join}
        where e.scope = '${where.scope}' and ${where.condition}
          and (${kind}::text is null or e.kind = ${kind}::text)
          and (${tiers.map((tier) => tier.condition).join(' or ')})
        order by score desc, e.weight desc, e.title, e.entity_id
        limit ${limit}`,
    params: params.values,
  };
}

/** Sets the trigram thresholds a search relies on, for the rest of the transaction. */
export async function setSearchThresholds(tx: KernelTransaction): Promise<void> {
  await tx.query(
    `select set_config('pg_trgm.similarity_threshold', $1, true),
            set_config('pg_trgm.word_similarity_threshold', $2, true)`,
    [String(CORRECTION_CANDIDATE_SIMILARITY), String(WORD_SIMILARITY_THRESHOLD)],
  );
}

/**
 * Search over catalog.search_entries, best first:
 *
 * 1. an identifier (ISRC with or without hyphens, UPC/EAN, ISWC, ISNI) — score 1;
 * 2. a title, in any of its renderings, equal to the query — 0.95;
 * 3. the query as the beginning of a phrase of the document ("morning li") — 0.85–0.95;
 * 4. every query word beginning a word of the document, in any order ("aurora morning") — 0.7–0.8;
 * 5. the same with misspelt words corrected from the vocabulary: words of 5 characters or more not
 *    in it are replaced by those at most 2 edits away ("lihgt" → "light") — 0.55–0.65;
 * 6. pg_trgm `word_similarity` of the phrase above {@link WORD_SIMILARITY_THRESHOLD} — up to 0.5.
 *
 * Ties go to releases and artists before tracks, then by title. Every tier uses an index
 * (identifiers and titles: GIN on arrays; 3–6: the scope's trigram GIN index on `document`).
 */
@Injectable()
export class SearchQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** An organisation's catalog as its team sees it: drafts included, nothing of another organisation. */
  orgSearch(orgId: string, request: SearchRequest): Promise<SearchHit[]> {
    return this.search(request, orgSearchScope(orgId));
  }

  /** The public catalog as a viewer in `territory` sees it now. */
  publicSearch(territory: string, request: SearchRequest): Promise<SearchHit[]> {
    return this.search(request, publicSearchScope(territory, this.clock.now()));
  }

  private async search(request: SearchRequest, where: SearchScopeSql): Promise<SearchHit[]> {
    const query = parseSearchQuery(request.q);
    if (query.words.length === 0 && query.identifiers.length === 0) return [];
    const rows = await this.db.transaction(async (tx) => {
      await setSearchThresholds(tx);
      const statement = searchStatement(query, await this.corrections(tx, query), request, where);
      return tx.query<HitRow>(statement.text, statement.params);
    });
    return rows.map((row) => ({
      kind: row.kind,
      id: row.entity_id,
      releaseId: row.release_id,
      title: row.title,
      subtitle: row.subtitle,
      identifiers: row.identifiers,
      score: Math.round(Math.min(1, Math.max(0, row.score)) * 1000) / 1000,
    }));
  }

  /** For each correctable word the vocabulary does not know, the known words at most MAX_EDITS away. */
  private async corrections(tx: KernelTransaction, query: ParsedSearchQuery): Promise<Map<string, string[]>> {
    const byWord = new Map<string, string[]>();
    if (query.correctable.length === 0) return byWord;
    const rows = await tx.query<CorrectionRow>(
      `select w.word, t.term
         from unnest($1::text[]) as w(word)
         join catalog.search_terms t on t.term operator(public.%) w.word
        where char_length(t.term) between char_length(w.word) - $2 and char_length(w.word) + $2
          and public.levenshtein_less_equal(t.term, w.word, $2) <= $2
          and not exists (select 1 from catalog.search_terms known where known.term = w.word)
        order by w.word, public.levenshtein_less_equal(t.term, w.word, $2), t.term`,
      [query.correctable, MAX_EDITS],
    );
    for (const row of rows) {
      const terms = byWord.get(row.word) ?? [];
      if (terms.length < MAX_CORRECTIONS_PER_WORD) byWord.set(row.word, [...terms, row.term]);
    }
    return byWord;
  }
}
