import { type FieldError } from '@bandstand/shared/contracts';
import { type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { type ArtistProfile } from '../artist/artist.types';

/** A parsed input, or every field error found in it (paths like `tracks.2.isrc`). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What parsing a draft needs to know. */
export interface DraftParseContext {
  /** The draft being revised (its track ids are the ones an input may name), or null for a new release. */
  readonly previous: ReleaseDraft | null;
  /** Ids for tracks the input adds. */
  readonly newId: () => string;
}

/**
 * Checks and normalises an untrusted `ReleaseDraftInput`: shapes, lengths, enums, every identifier
 * (`checkGtin`, `checkIsrc`…), languages and territories, no ISRC twice, no unknown field. Never throws
 * on bad input: returns every error, each naming its field.
 */
export function parseReleaseDraft(input: unknown, context: DraftParseContext): Parsed<ReleaseDraft> {
  throw new Error(`parseReleaseDraft(${typeof input}, ${typeof context}) is being written`);
}

/** Checks and normalises an untrusted `ArtistInput`. */
export function parseArtistProfile(input: unknown): Parsed<ArtistProfile> {
  throw new Error(`parseArtistProfile(${typeof input}) is being written`);
}

/**
 * Checks and normalises an untrusted `ScheduleReleaseRequest`: instants with an offset (stored as UTC
 * `…Z`), territories, embargo windows (`until` after `from`). Conflicts between release moments and
 * embargoes are {@link embargoConflicts}'s; the past is the decider's.
 */
export function parseSchedule(input: unknown): Parsed<ReleaseSchedule> {
  throw new Error(`parseSchedule(${typeof input}) is being written`);
}

/** What a draft lacks to be published or scheduled (UPC, ISRCs, durations, a track, an artist…). */
export function missingForPublish(draft: ReleaseDraft): readonly FieldError[] {
  throw new Error(`missingForPublish(${typeof draft}) is being written`);
}

/** Whether two drafts hold the same metadata. */
export function draftsEqual(a: ReleaseDraft, b: ReleaseDraft): boolean {
  throw new Error(`draftsEqual(${typeof a}, ${typeof b}) is being written`);
}
