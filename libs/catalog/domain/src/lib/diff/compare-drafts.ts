import { isStructurallyEqual } from '@bandstand/shared/domain';
import { type FieldChange, type ReleaseDraft, type TrackDraft } from '@bandstand/catalog/contracts';

/** Release fields in the order changes are listed (every field but `tracks`). */
export const RELEASE_CHANGE_FIELDS = [
  'type',
  'title',
  'versionTitle',
  'displayArtist',
  'artistIds',
  'upc',
  'catalogNumber',
  'labelName',
  'genre',
  'subgenre',
  'parentalWarning',
  'languages',
  'pLine',
  'cLine',
  'originalReleaseDate',
  'artworkAssetId',
  'contributors',
] as const satisfies readonly Exclude<keyof ReleaseDraft, 'tracks'>[];

/** Track fields in the order changes are listed (every field but `trackId`). */
export const TRACK_CHANGE_FIELDS = [
  'title',
  'versionTitle',
  'isrc',
  'iswc',
  'durationMs',
  'displayArtist',
  'contributors',
  'genre',
  'parentalWarning',
  'language',
  'disc',
  'audioAssetId',
] as const satisfies readonly Exclude<keyof TrackDraft, 'trackId'>[];

/** The path of a whole track in a {@link FieldChange}. */
export function trackPath(trackId: string): string {
  return `tracks[${trackId}]`;
}

/** The path of the track order in a {@link FieldChange}. */
export const TRACK_ORDER_PATH = 'tracks.order';

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * The order the tracks would have if only removals and additions had happened: the earlier order
 * without removed tracks, then the added ones. An order change is reported only when `after`
 * differs from it, so that adding a track at the end is not also a reordering.
 */
function impliedOrder(before: readonly TrackDraft[], after: readonly TrackDraft[]): string[] {
  const afterIds = new Set(after.map((track) => track.trackId));
  const beforeIds = new Set(before.map((track) => track.trackId));
  return [
    ...before.map((track) => track.trackId).filter((id) => afterIds.has(id)),
    ...after.map((track) => track.trackId).filter((id) => !beforeIds.has(id)),
  ];
}

/**
 * Field-level differences between two states of a release (null: nothing before, as at creation),
 * in a stable order: release fields, then tracks by id, then the track order.
 */
export function compareDrafts(before: ReleaseDraft | null, after: ReleaseDraft): readonly FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of RELEASE_CHANGE_FIELDS) {
    const was = before === null ? null : before[field];
    const is = after[field];
    if (before === null ? !isEmpty(is) : !isStructurallyEqual(was, is)) {
      changes.push({ path: field, before: was, after: is });
    }
  }
  const earlier = before?.tracks ?? [];
  const earlierById = new Map(earlier.map((track) => [track.trackId, track]));
  const laterIds = new Set(after.tracks.map((track) => track.trackId));
  for (const track of after.tracks) {
    const was = earlierById.get(track.trackId);
    if (was === undefined) {
      changes.push({ path: trackPath(track.trackId), before: null, after: track });
      continue;
    }
    for (const field of TRACK_CHANGE_FIELDS) {
      if (!isStructurallyEqual(was[field], track[field])) {
        changes.push({
          path: `${trackPath(track.trackId)}.${field}`,
          before: was[field],
          after: track[field],
        });
      }
    }
  }
  for (const track of earlier) {
    if (!laterIds.has(track.trackId))
      changes.push({ path: trackPath(track.trackId), before: track, after: null });
  }
  const order = after.tracks.map((track) => track.trackId);
  if (before !== null && !isStructurallyEqual(impliedOrder(earlier, after.tracks), order)) {
    changes.push({ path: TRACK_ORDER_PATH, before: earlier.map((track) => track.trackId), after: order });
  }
  return changes;
}

const TRACK_FIELD_PATH = /^tracks\[(.+)\]\.([A-Za-z]+)$/;
const TRACK_PATH = /^tracks\[(.+)\]$/;

/**
 * `draft` with `changes` (as {@link compareDrafts} lists them) applied: the inverse of comparing, so
 * that `applyFieldChanges(a, compareDrafts(a, b))` equals `b`. Used to replay a diff, e.g. in tests
 * and previews. Values are taken as given; a path it does not know is an error.
 */
export function applyFieldChanges(draft: ReleaseDraft, changes: readonly FieldChange[]): ReleaseDraft {
  const release: Record<string, unknown> = { ...draft };
  const tracks = new Map<string, TrackDraft>(draft.tracks.map((track) => [track.trackId, track]));
  const removed = new Set<string>();
  const added: string[] = [];
  let order: readonly string[] | null = null;
  for (const change of changes) {
    const fieldMatch = TRACK_FIELD_PATH.exec(change.path);
    const trackMatch = TRACK_PATH.exec(change.path);
    if (change.path === TRACK_ORDER_PATH) {
      order = change.after as readonly string[];
    } else if (fieldMatch !== null) {
      const [, trackId = '', field = ''] = fieldMatch;
      const track = tracks.get(trackId);
      if (track === undefined || !(TRACK_CHANGE_FIELDS as readonly string[]).includes(field)) {
        throw new RangeError(`Cannot apply a change to ${change.path}`);
      }
      tracks.set(trackId, { ...track, [field]: change.after });
    } else if (trackMatch !== null) {
      const [, trackId = ''] = trackMatch;
      if (change.after === null) {
        removed.add(trackId);
      } else {
        tracks.set(trackId, change.after as TrackDraft);
        added.push(trackId);
      }
    } else if ((RELEASE_CHANGE_FIELDS as readonly string[]).includes(change.path)) {
      release[change.path] = change.after;
    } else {
      throw new RangeError(`Cannot apply a change to ${change.path}`);
    }
  }
  const ids = order ?? [
    ...draft.tracks.map((track) => track.trackId).filter((id) => !removed.has(id)),
    ...added,
  ];
  const ordered = ids.flatMap((id) => {
    const track = tracks.get(id);
    return track === undefined || removed.has(id) ? [] : [track];
  });
  return { ...(release as unknown as ReleaseDraft), tracks: ordered };
}
