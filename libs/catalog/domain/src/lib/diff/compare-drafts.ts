import { type FieldChange, type ReleaseDraft } from '@bandstand/catalog/contracts';

/**
 * Field-level differences between two states of a release (null: nothing before, as at creation),
 * in a stable order: release fields, then tracks by id, then the track order.
 */
export function compareDrafts(before: ReleaseDraft | null, after: ReleaseDraft): readonly FieldChange[] {
  throw new Error(`compareDrafts(${typeof before}, ${typeof after}) is being written`);
}
