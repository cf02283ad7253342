import { type FieldError } from '@bandstand/shared/contracts';
import { type ReleaseSchedule } from '@bandstand/catalog/contracts';

/** The territory key of the window that applies to every territory without windows of its own. */
export const ANY_OTHER_TERRITORY = '*';

/**
 * A stretch of time in which a release is visible in a territory (`*`: any territory without rows
 * of its own). `opensAt` null means never (an excluded territory); `closesAt` null means open-ended.
 */
export interface AvailabilityWindow {
  readonly territory: string;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
}

/** The windows of a schedule: release moments cut by embargoes, per territory, ordered. */
export function availabilityWindows(schedule: ReleaseSchedule): readonly AvailabilityWindow[] {
  throw new Error(`availabilityWindows(${typeof schedule}) is being written`);
}

/** The release moment in a territory, or null when the release is not distributed there. */
export function releaseMomentIn(schedule: ReleaseSchedule, territory: string): string | null {
  throw new Error(`releaseMomentIn(${typeof schedule}, ${territory}) is being written`);
}

/** Whether the release is visible in `territory` at `now` (status aside). */
export function isAvailable(schedule: ReleaseSchedule, territory: string, now: Date): boolean {
  throw new Error(`isAvailable(${typeof schedule}, ${territory}, ${now.toISOString()}) is being written`);
}

/** The first moment the release becomes visible anywhere. */
export function earliestReleaseAt(schedule: ReleaseSchedule): string {
  throw new Error(`earliestReleaseAt(${typeof schedule}) is being written`);
}

/**
 * Release moments inside an embargo of their territory (or of `WW`), and overlapping embargoes of one
 * territory: `CATALOG.RELEASE_DATE_IN_EMBARGO` on `releaseAt` / `territoryReleases.<i>.releaseAt`,
 * `CATALOG.INVALID_EMBARGO` on `embargoes.<i>`.
 */
export function embargoConflicts(schedule: ReleaseSchedule): readonly FieldError[] {
  throw new Error(`embargoConflicts(${typeof schedule}) is being written`);
}
