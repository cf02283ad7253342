import { type FieldError } from '@bandstand/shared/contracts';
import {
  CATALOG_ERROR_CODES,
  type Embargo,
  type ReleaseSchedule,
  WORLDWIDE,
} from '@bandstand/catalog/contracts';

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

function ms(instant: string): number {
  return new Date(instant).getTime();
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

function isWorldwide(schedule: ReleaseSchedule): boolean {
  return schedule.territories.length === 1 && schedule.territories[0] === WORLDWIDE;
}

/** Whether the release has distribution rights in `territory` (an alpha-2 code). */
export function isDistributedIn(schedule: ReleaseSchedule, territory: string): boolean {
  return isWorldwide(schedule)
    ? !schedule.excludedTerritories.includes(territory)
    : schedule.territories.includes(territory);
}

/** Every territory the schedule names (rights, exclusions, own moments, embargoes), `WW` aside, sorted. */
export function namedTerritories(schedule: ReleaseSchedule): readonly string[] {
  const named = new Set<string>([
    ...(isWorldwide(schedule) ? [] : schedule.territories),
    ...schedule.excludedTerritories,
    ...schedule.territoryReleases.map((release) => release.territory),
    ...schedule.embargoes.map((embargo) => embargo.territory),
  ]);
  named.delete(WORLDWIDE);
  return [...named].sort();
}

/** `[opensAt, closesAt)` windows from `opensAt` on, with `embargoes` cut out; never empty ones. */
function windowsFrom(
  territory: string,
  opensAt: number,
  embargoes: readonly Embargo[],
): AvailabilityWindow[] {
  const blocked = embargoes
    .map((embargo) => ({ from: ms(embargo.from), until: ms(embargo.until) }))
    .filter((span) => span.until > span.from)
    .sort((a, b) => a.from - b.from);
  const windows: AvailabilityWindow[] = [];
  let cursor = opensAt;
  for (const span of blocked) {
    if (span.until <= cursor) continue;
    if (span.from > cursor) windows.push({ territory, opensAt: iso(cursor), closesAt: iso(span.from) });
    cursor = Math.max(cursor, span.until);
  }
  windows.push({ territory, opensAt: iso(cursor), closesAt: null });
  return windows;
}

function never(territory: string): AvailabilityWindow {
  return { territory, opensAt: null, closesAt: null };
}

function embargoesOf(schedule: ReleaseSchedule, territory: string): readonly Embargo[] {
  return schedule.embargoes.filter(
    (embargo) => embargo.territory === territory || embargo.territory === WORLDWIDE,
  );
}

/** The windows of a schedule: release moments cut by embargoes, per territory, ordered. */
export function availabilityWindows(schedule: ReleaseSchedule): readonly AvailabilityWindow[] {
  const anyOther = isWorldwide(schedule)
    ? windowsFrom(ANY_OTHER_TERRITORY, ms(schedule.releaseAt), embargoesOf(schedule, WORLDWIDE))
    : [never(ANY_OTHER_TERRITORY)];
  const named = namedTerritories(schedule).flatMap((territory) => {
    const moment = releaseMomentIn(schedule, territory);
    return moment === null
      ? [never(territory)]
      : windowsFrom(territory, ms(moment), embargoesOf(schedule, territory));
  });
  // `*` sorts before every alpha-2 code, and each territory's windows are built in time order.
  return [...anyOther, ...named];
}

/** The release moment in a territory, or null when the release is not distributed there. */
export function releaseMomentIn(schedule: ReleaseSchedule, territory: string): string | null {
  const code = territory.toUpperCase();
  if (code === ANY_OTHER_TERRITORY || code === WORLDWIDE) {
    return isWorldwide(schedule) ? schedule.releaseAt : null;
  }
  if (!isDistributedIn(schedule, code)) return null;
  const own = schedule.territoryReleases.find((release) => release.territory === code);
  return own?.releaseAt ?? schedule.releaseAt;
}

/** The windows that apply in `territory`: its own rows, or those of `*`. */
export function windowsIn(schedule: ReleaseSchedule, territory: string): readonly AvailabilityWindow[] {
  const windows = availabilityWindows(schedule);
  const code = territory.toUpperCase();
  const own = windows.filter((window) => window.territory === code);
  return own.length > 0 ? own : windows.filter((window) => window.territory === ANY_OTHER_TERRITORY);
}

/** Whether the release is visible in `territory` at `now` (status aside). */
export function isAvailable(schedule: ReleaseSchedule, territory: string, now: Date): boolean {
  const at = now.getTime();
  return windowsIn(schedule, territory).some(
    (window) =>
      window.opensAt !== null &&
      ms(window.opensAt) <= at &&
      (window.closesAt === null || at < ms(window.closesAt)),
  );
}

/** Whether `releaseAt` itself is the moment of some territory (it is not when every right has its own). */
function releaseAtApplies(schedule: ReleaseSchedule): boolean {
  if (isWorldwide(schedule)) return true;
  return schedule.territories.some(
    (territory) => !schedule.territoryReleases.some((release) => release.territory === territory),
  );
}

/** The first moment the release becomes visible anywhere. */
export function earliestReleaseAt(schedule: ReleaseSchedule): string {
  const moments = schedule.territoryReleases
    .filter((release) => isDistributedIn(schedule, release.territory))
    .map((release) => ms(release.releaseAt));
  if (releaseAtApplies(schedule) || moments.length === 0) moments.push(ms(schedule.releaseAt));
  return iso(Math.min(...moments));
}

function inside(moment: string, embargo: Embargo): boolean {
  const at = ms(moment);
  return ms(embargo.from) <= at && at < ms(embargo.until);
}

function describeEmbargo(embargo: Embargo): string {
  return `${embargo.territory} from ${embargo.from} until ${embargo.until}`;
}

/**
 * Release moments inside an embargo of their territory (or of `WW`), and overlapping embargoes of one
 * territory: `CATALOG.RELEASE_DATE_IN_EMBARGO` on `releaseAt` / `territoryReleases.<i>.releaseAt`,
 * `CATALOG.INVALID_EMBARGO` on `embargoes.<i>`.
 */
export function embargoConflicts(schedule: ReleaseSchedule): readonly FieldError[] {
  const errors: FieldError[] = [];
  const overridden = new Set(schedule.territoryReleases.map((release) => release.territory));
  const usesReleaseAt = releaseAtApplies(schedule);
  for (const embargo of schedule.embargoes) {
    const hitsReleaseAt =
      embargo.territory === WORLDWIDE
        ? usesReleaseAt
        : isDistributedIn(schedule, embargo.territory) && !overridden.has(embargo.territory);
    if (hitsReleaseAt && inside(schedule.releaseAt, embargo)) {
      const where = embargo.territory === WORLDWIDE ? 'everywhere' : `in ${embargo.territory}`;
      errors.push({
        field: 'releaseAt',
        code: CATALOG_ERROR_CODES.releaseDateInEmbargo,
        message: `The release moment ${schedule.releaseAt} ${where} falls inside the embargo ${describeEmbargo(embargo)}`,
      });
    }
  }
  schedule.territoryReleases.forEach((release, index) => {
    for (const embargo of schedule.embargoes) {
      if (embargo.territory !== WORLDWIDE && embargo.territory !== release.territory) continue;
      if (!inside(release.releaseAt, embargo)) continue;
      errors.push({
        field: `territoryReleases.${index}.releaseAt`,
        code: CATALOG_ERROR_CODES.releaseDateInEmbargo,
        message: `The release moment ${release.releaseAt} in ${release.territory} falls inside the embargo ${describeEmbargo(embargo)}`,
      });
    }
  });
  schedule.embargoes.forEach((embargo, index) => {
    if (ms(embargo.until) <= ms(embargo.from)) {
      errors.push({
        field: `embargoes.${index}`,
        code: CATALOG_ERROR_CODES.invalidEmbargo,
        message: `The embargo ${describeEmbargo(embargo)} ends before it starts`,
      });
      return;
    }
    const earlier = schedule.embargoes
      .slice(0, index)
      .find(
        (other) =>
          other.territory === embargo.territory &&
          ms(other.from) < ms(embargo.until) &&
          ms(embargo.from) < ms(other.until),
      );
    if (earlier !== undefined) {
      errors.push({
        field: `embargoes.${index}`,
        code: CATALOG_ERROR_CODES.invalidEmbargo,
        message: `The embargo ${describeEmbargo(embargo)} overlaps the embargo ${describeEmbargo(earlier)}`,
      });
    }
  });
  return errors;
}
