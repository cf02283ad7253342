import {
  type ReleaseBatchFields,
  type ReleaseDraft,
  type TrackBatchFields,
} from '@bandstand/catalog/contracts';
import { type Parsed } from './parse-draft';

/** Checks and normalises the `set` of a track batch edit (paths `set.<field>`). */
export function parseTrackBatchFields(input: unknown): Parsed<TrackBatchFields> {
  throw new Error(`parseTrackBatchFields(${typeof input}) is being written`);
}

/** Checks and normalises the `set` of a release batch edit. */
export function parseReleaseBatchFields(input: unknown): Parsed<ReleaseBatchFields> {
  throw new Error(`parseReleaseBatchFields(${typeof input}) is being written`);
}

/** The draft with `fields` set on the tracks named in `trackIds` (others untouched). */
export function applyTrackBatch(
  draft: ReleaseDraft,
  trackIds: ReadonlySet<string>,
  fields: TrackBatchFields,
): ReleaseDraft {
  throw new Error(`applyTrackBatch(${typeof draft}, ${trackIds.size}, ${typeof fields}) is being written`);
}

/** The draft with `fields` set. */
export function applyReleaseBatch(draft: ReleaseDraft, fields: ReleaseBatchFields): ReleaseDraft {
  throw new Error(`applyReleaseBatch(${typeof draft}, ${typeof fields}) is being written`);
}

/**
 * An imported draft (CSV, ERN) laid over an existing one: tracks keep their ids when their ISRC
 * matches (else their disc and position), so history and royalties follow the same recording.
 */
export function mergeImportedDraft(existing: ReleaseDraft | null, imported: ReleaseDraft): ReleaseDraft {
  throw new Error(`mergeImportedDraft(${typeof existing}, ${typeof imported}) is being written`);
}
