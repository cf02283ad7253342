import { Injectable } from '@nestjs/common';
import {
  AsyncProjection,
  type AsyncProjectionHandler,
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type SqlRunner,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { type ArtistEvent, type ReleaseEvent } from '@bandstand/catalog/domain';
import { artistSearchEntry, releaseSearchEntries, type SearchEntryValues } from './search-documents';
import { type SearchScope } from './search-entry.entity';
import { vocabularyOf } from './search-text';

/** The release and artist events that change what search finds. */
export const SEARCH_EVENT_TYPES = [
  'ReleaseCreated',
  'ReleaseDraftRevised',
  'ReleaseVersionPublished',
  'ReleaseDeleted',
  'ArtistCreated',
  'ArtistProfileUpdated',
] as const satisfies readonly (ReleaseEvent['type'] | ArtistEvent['type'])[];

/** The events whose text brings new words into the vocabulary (a published version repeats a draft's). */
export const SEARCH_TERM_EVENT_TYPES = [
  'ReleaseCreated',
  'ReleaseDraftRevised',
  'ArtistCreated',
  'ArtistProfileUpdated',
] as const satisfies readonly (typeof SEARCH_EVENT_TYPES)[number][];

/** A row of catalog.search_entries as {@link insertSearchEntries} writes it. */
export interface SearchEntryRow extends SearchEntryValues {
  readonly scope: SearchScope;
  readonly org_id: string;
}

/** Inserts entries in one statement: the projection's write, also used to fill the benchmark in bulk. */
export async function insertSearchEntries(runner: SqlRunner, rows: readonly SearchEntryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await runner.query(
    `insert into catalog.search_entries (scope, kind, entity_id, release_id, org_id, title, subtitle,
       identifiers, titles, document, artist_ids, weight)
     select e.scope, e.kind, e.entity_id, e.release_id, e.org_id, e.title, e.subtitle, e.identifiers, e.titles,
            e.document, e.artist_ids, e.weight
       from jsonb_to_recordset($1::jsonb) as e(scope text, kind text, entity_id text, release_id text,
            org_id text, title text, subtitle text, identifiers text[], titles text[], document text,
            artist_ids text[], weight real)`,
    [JSON.stringify(rows)],
  );
}

/** Adds words to the vocabulary typo correction draws from (sorted, so that writers lock in one order). */
export async function addSearchTerms(runner: SqlRunner, terms: readonly string[]): Promise<void> {
  if (terms.length === 0) return;
  await runner.query(
    `insert into catalog.search_terms (term)
     select term from unnest($1::text[]) with ordinality as added(term, n) order by n
     on conflict (term) do nothing`,
    [[...terms].sort()],
  );
}

function orgIdOf(stored: StoredEvent): string {
  const orgId = stored.metadata.tenantId;
  if (orgId === null) throw new Error(`Event ${stored.eventId} (${stored.type}) has no tenant`);
  return orgId;
}

function scoped(scope: SearchScope, orgId: string, entries: readonly SearchEntryValues[]): SearchEntryRow[] {
  return entries.map((entry) => ({ ...entry, scope, org_id: orgId }));
}

/**
 * catalog.search_entries, inside each release and artist command's transaction: an edit is
 * searchable by its team at once. Scope `org` follows the draft (deleted with the release); scope
 * `public` follows the newest published version, and whether fans see it is decided when they search
 * (visibility in their territory at that moment, as for every public read). Artists are in both
 * scopes; a public artist is found only while a visible release credits it.
 */
@Injectable()
@InlineProjection({ name: 'catalog.search', eventTypes: SEARCH_EVENT_TYPES })
export class SearchProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) await this.apply(stored, tx);
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate catalog.search_entries');
  }

  private async apply(stored: StoredEvent, tx: KernelTransaction): Promise<void> {
    const event = { type: stored.type, data: stored.data } as ReleaseEvent | ArtistEvent;
    switch (event.type) {
      case 'ReleaseCreated':
      case 'ReleaseDraftRevised': {
        const { releaseId, draft } = event.data;
        await this.replaceRelease(
          tx,
          'org',
          releaseId,
          scoped('org', orgIdOf(stored), releaseSearchEntries(releaseId, draft)),
        );
        return;
      }
      case 'ReleaseVersionPublished': {
        const { releaseId, draft, orgId } = event.data;
        await this.replaceRelease(
          tx,
          'public',
          releaseId,
          scoped('public', orgId, releaseSearchEntries(releaseId, draft)),
        );
        return;
      }
      case 'ReleaseDeleted':
        await tx.query('delete from catalog.search_entries where release_id = $1', [event.data.releaseId]);
        return;
      case 'ArtistCreated':
      case 'ArtistProfileUpdated': {
        const { artistId, profile } = event.data;
        const entry = artistSearchEntry(artistId, profile);
        await tx.query(`delete from catalog.search_entries where entity_id = $1 and kind = 'artist'`, [
          artistId,
        ]);
        await insertSearchEntries(tx, [
          ...scoped('org', orgIdOf(stored), [entry]),
          ...scoped('public', orgIdOf(stored), [entry]),
        ]);
        return;
      }
      default:
        return;
    }
  }

  private async replaceRelease(
    tx: KernelTransaction,
    scope: SearchScope,
    releaseId: string,
    rows: readonly SearchEntryRow[],
  ): Promise<void> {
    await tx.query('delete from catalog.search_entries where release_id = $1 and scope = $2', [
      releaseId,
      scope,
    ]);
    await insertSearchEntries(tx, rows);
  }
}

/**
 * catalog.search_terms, the vocabulary typo correction suggests words from. It is kept by the worker
 * rather than inline: a new word would otherwise be a row lock shared by every command that brings
 * it, and two large imports adding the same new words in another order would deadlock. A word that
 * arrives a moment late only means a typo of it is not corrected yet (the trigram match still
 * tolerates small ones). Words are never removed: a word no longer used only costs a candidate that
 * matches nothing; a rebuild clears them.
 */
@Injectable()
@AsyncProjection({ name: 'catalog.search-terms', version: 1, eventTypes: SEARCH_TERM_EVENT_TYPES })
export class SearchTermsProjection implements AsyncProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    const documents: string[] = [];
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as ReleaseEvent | ArtistEvent;
      switch (event.type) {
        case 'ReleaseCreated':
        case 'ReleaseDraftRevised':
          documents.push(
            ...releaseSearchEntries(event.data.releaseId, event.data.draft).map((entry) => entry.document),
          );
          break;
        case 'ArtistCreated':
        case 'ArtistProfileUpdated':
          documents.push(artistSearchEntry(event.data.artistId, event.data.profile).document);
          break;
        default:
          break;
      }
    }
    await addSearchTerms(tx, vocabularyOf(documents));
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate catalog.search_terms');
  }
}
