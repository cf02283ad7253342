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
  readonly entry_id: string;
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

/** Where a search looks: an organisation's entries, or the public ones as a viewer sees them now. */
export type SearchTarget =
  | { readonly scope: 'org'; readonly orgId: string }
  | { readonly scope: 'public'; readonly territory: string; readonly now: Date };

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
 * The steps of a search, best matches first; a later step runs only while the earlier ones found
 * fewer hits than asked for (see {@link SearchQueries}).
 */
export const SEARCH_STEPS = ['precise', 'corrected', 'fuzzy'] as const;
/** A step of a search. */
export type SearchStep = (typeof SEARCH_STEPS)[number];

interface Tier {
  readonly condition: string;
  readonly score: string;
}

// How much of the document the query covers: ranks "Light" before "Light of the Northern Harbour"
// within a tier, for the price of two lengths (trigram similarity costs ten times more per row).
function closeness(params: Params, query: ParsedSearchQuery): string {
  return `0.05 * least(1, ${params.add([...query.phrase].length)}::float8 / char_length(e.document))`;
}

function tiersOf(
  step: SearchStep,
  params: Params,
  query: ParsedSearchQuery,
  corrections: ReadonlyMap<string, readonly string[]>,
): Tier[] {
  switch (step) {
    case 'precise': {
      const tiers: Tier[] = [];
      if (query.identifiers.length > 0) {
        tiers.push({ condition: `e.identifiers && ${params.add(query.identifiers)}::text[]`, score: '1' });
      }
      if (query.words.length === 0) return tiers;
      const close = closeness(params, query);
      tiers.push({ condition: `e.titles @> array[${params.add(query.normalised)}::text]`, score: '0.95' });
      tiers.push({
        condition: `e.document like ${params.add(`% ${query.phrase} %`)}`,
        score: `0.88 + ${close}`,
      });
      tiers.push({
        condition: `e.document like ${params.add(wordPrefix(query.phrase))}`,
        score: `0.8 + ${close}`,
      });
      const everyWord = query.words.map((word) => `e.document like ${params.add(wordPrefix(word))}`);
      tiers.push({ condition: `(${everyWord.join(' and ')})`, score: `0.7 + ${close}` });
      return tiers;
    }
    case 'corrected': {
      if (corrections.size === 0) return [];
      // Normalised words hold only letters, digits and marks: nothing to escape in a pattern.
      const everyWord = query.words.map((word) => {
        const alternatives = corrections.get(word);
        return alternatives === undefined
          ? `e.document like ${params.add(wordPrefix(word))}`
          : `e.document ~ ${params.add(` (${[word, ...alternatives].join('|')})`)}`;
      });
      return [{ condition: `(${everyWord.join(' and ')})`, score: `0.6 + ${closeness(params, query)}` }];
    }
    case 'fuzzy': {
      if (query.words.length === 0) return [];
      const phrase = params.add(query.phrase);
      return [
        {
          condition: `${phrase} operator(public.<%) e.document`,
          score: `0.5 * public.word_similarity(${phrase}, e.document)`,
        },
      ];
    }
  }
}

/** What one step of a search asks for. */
export interface SearchStepRequest {
  readonly kind: SearchEntryKind | null;
  /** How many of the best matches to answer; null: all. */
  readonly limit: number | null;
  /** Entries found by earlier steps (entry ids), left out. */
  readonly found: readonly string[];
}

/**
 * The statement of one step of a search: the scope's best matching entries, best first, or null
 * when the step has nothing to look for. In the public scope these are candidates: whether fans
 * may see them is {@link visibilityStatement}'s. Exported so that a test can check its plan.
 */
export function searchStepStatement(
  step: SearchStep,
  query: ParsedSearchQuery,
  corrections: ReadonlyMap<string, readonly string[]>,
  request: SearchStepRequest,
  scope: SearchTarget,
): SqlStatement | null {
  const params = new Params();
  const tiers = tiersOf(step, params, query, corrections);
  if (tiers.length === 0) return null;
  const score = `case ${tiers.map((tier) => `when ${tier.condition} then ${tier.score}`).join(' ')} else 0 end`;
  const owner = scope.scope === 'org' ? ` and e.org_id = ${params.add(scope.orgId)}` : '';
  const kind = params.add(request.kind);
  return {
    text: `select e.entry_id, e.kind, e.entity_id, e.release_id, e.title, e.subtitle, e.identifiers,
             (${score})::float8 as score
        from catalog.search_entries e
       where e.scope = '${scope.scope}'${owner}
         and (${kind}::text is null or e.kind = ${kind}::text)
         and not (e.entry_id = any(${params.add(request.found)}::bigint[]))
         and (${tiers.map((tier) => tier.condition).join(' or ')})
       order by score desc, e.weight desc, e.title, e.entity_id
       limit ${params.add(request.limit)}`,
    params: params.values,
  };
}

/**
 * Which of some candidates fans in `territory` may see at `now` (answers their ids): releases and
 * tracks of a release visible there then, artists credited on such a release. One lookup per
 * candidate by primary key: checked in the match itself, the planner would rather hash every
 * release of the catalog.
 */
export function visibilityStatement(
  releaseIds: readonly string[],
  artistIds: readonly string[],
  territory: string,
  now: Date,
): SqlStatement {
  return {
    text: `select r.release_id as id from catalog.releases r
            where r.release_id = any($3::text[]) and ${visibleReleaseCondition('r', '$1', '$2')}
           union all
           select credited_artist.id from unnest($4::text[]) as credited_artist(id)
            where exists (
              select 1 from catalog.search_entries credited
                join catalog.releases ar on ar.release_id = credited.release_id
               where credited.scope = 'public' and credited.kind = 'release'
                 and credited.artist_ids @> array[credited_artist.id]
                 and ${visibleReleaseCondition('ar', '$1', '$2')})`,
    params: [territory, now, releaseIds, artistIds],
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
 * How many of a step's best matches the public scope checks for visibility at first: a few more than
 * it needs, as most of a catalog is visible; then ten times as many, then all.
 */
export function candidateBudgets(need: number): readonly (number | null)[] {
  return [need * 2 + 10, need * 20 + 100, null];
}

/**
 * Search over catalog.search_entries, best first, in three steps; a step runs only while the ones
 * before it found fewer hits than asked for, so a precise query never pays for fuzzy matching:
 *
 * 1. precise — an identifier (ISRC with or without hyphens, UPC/EAN, ISWC, ISNI): score 1; a title,
 *    in any of its renderings, equal to the query: 0.95; the query as whole words of the document
 *    ("morning light" in "Morning Light Remix"): 0.88–0.93; the query beginning a phrase of it
 *    ("morning li"): 0.8–0.85; every query word beginning a word of it, in any order ("aurora
 *    morning"): 0.7–0.75;
 * 2. corrected — every word again, misspelt ones replaced from the vocabulary (words of 5 characters
 *    or more it does not know, by those at most 2 edits away: "lihgt" → "light"): 0.6–0.65;
 * 3. fuzzy, only when nothing was found — pg_trgm `word_similarity` of the phrase above
 *    {@link WORD_SIMILARITY_THRESHOLD}: up to 0.5.
 *
 * Within a tier, documents the query covers more of come first; ties go to releases and artists
 * before tracks, then by title. Every step reads indexes only (identifiers and titles: GIN on
 * arrays; the rest: the scope's trigram GIN index on `document`). In the public scope, visibility is
 * checked on a step's best matches ({@link candidateBudgets}), more of them while too few are visible.
 */
@Injectable()
export class SearchQueries {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  /** An organisation's catalog as its team sees it: drafts included, nothing of another organisation. */
  orgSearch(orgId: string, request: SearchRequest): Promise<SearchHit[]> {
    return this.search(request, { scope: 'org', orgId });
  }

  /** The public catalog as a viewer in `territory` sees it now. */
  publicSearch(territory: string, request: SearchRequest): Promise<SearchHit[]> {
    return this.search(request, { scope: 'public', territory, now: this.clock.now() });
  }

  private async search(request: SearchRequest, scope: SearchTarget): Promise<SearchHit[]> {
    const query = parseSearchQuery(request.q);
    if (query.words.length === 0 && query.identifiers.length === 0) return [];
    const rows = await this.db.transaction(async (tx) => {
      await setSearchThresholds(tx);
      const hits: HitRow[] = [];
      let corrections = new Map<string, string[]>();
      for (const step of SEARCH_STEPS) {
        if (hits.length >= request.limit || (step === 'fuzzy' && hits.length > 0)) break;
        if (step === 'corrected') corrections = await this.corrections(tx, query);
        hits.push(...(await this.step(tx, step, query, corrections, request, hits, scope)));
      }
      return hits;
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

  private async step(
    tx: KernelTransaction,
    step: SearchStep,
    query: ParsedSearchQuery,
    corrections: ReadonlyMap<string, readonly string[]>,
    request: SearchRequest,
    hits: readonly HitRow[],
    scope: SearchTarget,
  ): Promise<HitRow[]> {
    const need = request.limit - hits.length;
    const found = hits.map((hit) => hit.entry_id);
    const matches = async (limit: number | null): Promise<HitRow[] | null> => {
      const statement = searchStepStatement(
        step,
        query,
        corrections,
        { kind: request.kind, limit, found },
        scope,
      );
      return statement === null ? null : tx.query<HitRow>(statement.text, statement.params);
    };
    if (scope.scope === 'org') return (await matches(need)) ?? [];
    for (const budget of candidateBudgets(need)) {
      const candidates = await matches(budget);
      if (candidates === null) return [];
      const visible = await this.visible(tx, candidates, scope.territory, scope.now);
      const shown = candidates.filter((candidate) =>
        visible.has(candidate.kind === 'artist' ? candidate.entity_id : (candidate.release_id ?? '')),
      );
      // Enough visible, or every match looked at: more candidates would change nothing.
      if (shown.length >= need || budget === null || candidates.length < budget) return shown.slice(0, need);
    }
    return [];
  }

  /** The releases and artists among `candidates` that fans in `territory` may see at `now`. */
  private async visible(
    tx: KernelTransaction,
    candidates: readonly HitRow[],
    territory: string,
    now: Date,
  ): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const releaseIds = new Set<string>();
    const artistIds = new Set<string>();
    for (const candidate of candidates) {
      if (candidate.kind === 'artist') artistIds.add(candidate.entity_id);
      else if (candidate.release_id !== null) releaseIds.add(candidate.release_id);
    }
    const statement = visibilityStatement([...releaseIds], [...artistIds], territory, now);
    const rows = await tx.query<{ id: string }>(statement.text, statement.params);
    return new Set(rows.map((row) => row.id));
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
