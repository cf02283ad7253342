import fc from 'fast-check';
import { type Embargo, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { scheduleFixture } from '../testing/release-draft.fixtures';
import {
  availabilityWindows,
  earliestReleaseAt,
  embargoConflicts,
  isAvailable,
  releaseMomentIn,
  windowsIn,
} from './availability';

const FRIDAY = '2026-03-06T00:00:00.000Z';

function embargo(territory: string, from: string, until: string): Embargo {
  return { territory, from, until, reason: null };
}

describe('availabilityWindows', () => {
  it('opens the whole world at the release moment', () => {
    expect(availabilityWindows(scheduleFixture())).toEqual([
      { territory: '*', opensAt: FRIDAY, closesAt: null },
    ]);
  });

  it('never opens excluded territories', () => {
    expect(availabilityWindows(scheduleFixture({ excludedTerritories: ['KP', 'CN'] }))).toEqual([
      { territory: '*', opensAt: FRIDAY, closesAt: null },
      { territory: 'CN', opensAt: null, closesAt: null },
      { territory: 'KP', opensAt: null, closesAt: null },
    ]);
  });

  it('opens only the listed territories when rights are not worldwide', () => {
    expect(availabilityWindows(scheduleFixture({ territories: ['FR', 'BE'] }))).toEqual([
      { territory: '*', opensAt: null, closesAt: null },
      { territory: 'BE', opensAt: FRIDAY, closesAt: null },
      { territory: 'FR', opensAt: FRIDAY, closesAt: null },
    ]);
  });

  it('opens a territory at its own release moment', () => {
    const schedule = scheduleFixture({
      territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }],
    });
    expect(availabilityWindows(schedule)).toEqual([
      { territory: '*', opensAt: FRIDAY, closesAt: null },
      { territory: 'NZ', opensAt: '2026-03-05T11:00:00.000Z', closesAt: null },
    ]);
  });

  it('cuts embargoes out of the territory they name, and WW embargoes out of every territory', () => {
    const schedule = scheduleFixture({
      embargoes: [
        embargo('DE', '2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z'),
        embargo('WW', '2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z'),
        // Before the release moment: nothing to cut.
        embargo('FR', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      ],
    });
    expect(availabilityWindows(schedule)).toEqual([
      { territory: '*', opensAt: FRIDAY, closesAt: '2026-04-01T00:00:00.000Z' },
      { territory: '*', opensAt: '2026-04-02T00:00:00.000Z', closesAt: null },
      { territory: 'DE', opensAt: FRIDAY, closesAt: '2026-03-10T00:00:00.000Z' },
      { territory: 'DE', opensAt: '2026-03-12T00:00:00.000Z', closesAt: '2026-04-01T00:00:00.000Z' },
      { territory: 'DE', opensAt: '2026-04-02T00:00:00.000Z', closesAt: null },
      { territory: 'FR', opensAt: FRIDAY, closesAt: '2026-04-01T00:00:00.000Z' },
      { territory: 'FR', opensAt: '2026-04-02T00:00:00.000Z', closesAt: null },
    ]);
  });

  it('merges overlapping and touching embargoes and opens after one that spans the release moment', () => {
    const schedule = scheduleFixture({
      territories: ['DE'],
      embargoes: [
        embargo('DE', '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z'),
        embargo('WW', '2026-03-07T00:00:00.000Z', '2026-03-09T00:00:00.000Z'),
        embargo('DE', '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z'),
      ],
    });
    expect(availabilityWindows(schedule)).toEqual([
      { territory: '*', opensAt: null, closesAt: null },
      { territory: 'DE', opensAt: '2026-03-10T00:00:00.000Z', closesAt: null },
    ]);
  });
});

describe('releaseMomentIn', () => {
  const schedule = scheduleFixture({
    excludedTerritories: ['CN'],
    territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }],
  });

  it('answers the territory’s own moment, else the release moment, else null where not distributed', () => {
    expect(releaseMomentIn(schedule, 'NZ')).toBe('2026-03-05T11:00:00.000Z');
    expect(releaseMomentIn(schedule, 'fr')).toBe(FRIDAY);
    expect(releaseMomentIn(schedule, 'CN')).toBeNull();
    expect(releaseMomentIn(scheduleFixture({ territories: ['FR'] }), 'DE')).toBeNull();
  });
});

describe('isAvailable', () => {
  const schedule = scheduleFixture({
    embargoes: [embargo('DE', '2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z')],
    excludedTerritories: ['CN'],
  });

  it('opens exactly at the release moment', () => {
    expect(isAvailable(schedule, 'FR', new Date('2026-03-05T23:59:59.999Z'))).toBe(false);
    expect(isAvailable(schedule, 'FR', new Date(FRIDAY))).toBe(true);
  });

  it('hides the release during an embargo, from its start until (excluded) its end', () => {
    expect(isAvailable(schedule, 'DE', new Date('2026-03-09T23:59:59.999Z'))).toBe(true);
    expect(isAvailable(schedule, 'DE', new Date('2026-03-10T00:00:00.000Z'))).toBe(false);
    expect(isAvailable(schedule, 'de', new Date('2026-03-11T23:59:59.999Z'))).toBe(false);
    expect(isAvailable(schedule, 'DE', new Date('2026-03-12T00:00:00.000Z'))).toBe(true);
    expect(isAvailable(schedule, 'FR', new Date('2026-03-11T00:00:00.000Z'))).toBe(true);
  });

  it('never shows it where it is not distributed', () => {
    expect(isAvailable(schedule, 'CN', new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('uses the `*` windows for territories without their own', () => {
    expect(windowsIn(schedule, 'ZA')).toEqual([{ territory: '*', opensAt: FRIDAY, closesAt: null }]);
  });
});

describe('earliestReleaseAt', () => {
  it('is the earliest moment among distributed territories', () => {
    expect(earliestReleaseAt(scheduleFixture())).toBe(FRIDAY);
    expect(
      earliestReleaseAt(
        scheduleFixture({ territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }] }),
      ),
    ).toBe('2026-03-05T11:00:00.000Z');
  });

  it('ignores the release moment when every listed territory has its own', () => {
    expect(
      earliestReleaseAt(
        scheduleFixture({
          releaseAt: '2026-03-01T00:00:00.000Z',
          territories: ['FR'],
          territoryReleases: [{ territory: 'FR', releaseAt: FRIDAY }],
        }),
      ),
    ).toBe(FRIDAY);
  });

  it('ignores embargoes', () => {
    expect(
      earliestReleaseAt(
        scheduleFixture({
          embargoes: [embargo('WW', '2026-03-01T00:00:00.000Z', '2026-03-09T00:00:00.000Z')],
        }),
      ),
    ).toBe(FRIDAY);
  });
});

describe('embargoConflicts', () => {
  const codes = (schedule: ReleaseSchedule) =>
    embargoConflicts(schedule).map(({ field, code }) => ({ field, code }));

  it('finds none in a clean schedule', () => {
    expect(
      embargoConflicts(
        scheduleFixture({
          territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }],
          embargoes: [
            embargo('DE', '2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z'),
            embargo('DE', '2026-03-12T00:00:00.000Z', '2026-03-13T00:00:00.000Z'),
            embargo('WW', '2026-03-06T00:00:00.001Z', '2026-03-07T00:00:00.000Z'),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('finds the release moment inside a WW embargo, naming the territory and the window', () => {
    const conflicts = embargoConflicts(
      scheduleFixture({ embargoes: [embargo('WW', '2026-03-01T00:00:00.000Z', '2026-03-07T00:00:00.000Z')] }),
    );
    expect(conflicts).toEqual([
      {
        field: 'releaseAt',
        code: 'CATALOG.RELEASE_DATE_IN_EMBARGO',
        message: expect.stringMatching(
          /everywhere.*WW from 2026-03-01T00:00:00\.000Z until 2026-03-07/,
        ) as unknown,
      },
    ]);
  });

  it('finds the release moment inside the embargo of a territory that uses it', () => {
    expect(
      codes(scheduleFixture({ embargoes: [embargo('DE', FRIDAY, '2026-03-07T00:00:00.000Z')] })),
    ).toEqual([{ field: 'releaseAt', code: 'CATALOG.RELEASE_DATE_IN_EMBARGO' }]);
  });

  it('checks a territory’s own moment instead of the release moment', () => {
    const schedule = scheduleFixture({
      territoryReleases: [
        { territory: 'DE', releaseAt: '2026-03-08T00:00:00.000Z' },
        { territory: 'FR', releaseAt: '2026-03-09T00:00:00.000Z' },
      ],
      embargoes: [
        embargo('DE', FRIDAY, '2026-03-07T00:00:00.000Z'),
        embargo('FR', FRIDAY, '2026-03-10T00:00:00.000Z'),
      ],
    });
    expect(codes(schedule)).toEqual([
      { field: 'territoryReleases.1.releaseAt', code: 'CATALOG.RELEASE_DATE_IN_EMBARGO' },
    ]);
    expect(embargoConflicts(schedule)[0]?.message).toContain('in FR');
  });

  it('ignores embargoes of territories without rights', () => {
    expect(
      codes(
        scheduleFixture({
          excludedTerritories: ['DE'],
          embargoes: [embargo('DE', FRIDAY, '2026-03-07T00:00:00.000Z')],
        }),
      ),
    ).toEqual([]);
  });

  it('finds overlapping embargoes of one territory, and backwards ones', () => {
    expect(
      codes(
        scheduleFixture({
          embargoes: [
            embargo('DE', '2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z'),
            embargo('FR', '2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z'),
            embargo('DE', '2026-03-11T00:00:00.000Z', '2026-03-13T00:00:00.000Z'),
            embargo('JP', '2026-03-11T00:00:00.000Z', '2026-03-10T00:00:00.000Z'),
          ],
        }),
      ),
    ).toEqual([
      { field: 'embargoes.2', code: 'CATALOG.INVALID_EMBARGO' },
      { field: 'embargoes.3', code: 'CATALOG.INVALID_EMBARGO' },
    ]);
  });
});

describe('availability properties', () => {
  const POOL = ['DE', 'FR', 'JP', 'NZ', 'US'] as const;
  const BASE = Date.UTC(2026, 2, 1);
  const HOUR = 3_600_000;
  const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

  const schedules: fc.Arbitrary<ReleaseSchedule> = fc
    .record({
      releaseHour: fc.integer({ min: 0, max: 200 }),
      worldwide: fc.boolean(),
      listed: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1 }),
      excluded: fc.uniqueArray(fc.constantFrom(...POOL)),
      own: fc.uniqueArray(fc.tuple(fc.constantFrom(...POOL), fc.integer({ min: 0, max: 200 })), {
        selector: ([territory]) => territory,
      }),
      embargoes: fc.array(
        fc.tuple(
          fc.constantFrom('WW', ...POOL),
          fc.integer({ min: 0, max: 300 }),
          fc.integer({ min: 1, max: 100 }),
        ),
        { maxLength: 6 },
      ),
    })
    .map(({ releaseHour, worldwide, listed, excluded, own, embargoes }) => {
      const territories = worldwide ? ['WW'] : listed;
      const excludedTerritories = worldwide ? excluded : [];
      const distributed = (t: string) =>
        worldwide ? !(excluded as readonly string[]).includes(t) : (listed as readonly string[]).includes(t);
      return {
        releaseAt: at(releaseHour),
        territories,
        excludedTerritories,
        territoryReleases: own
          .filter(([territory]) => distributed(territory))
          .map(([territory, hour]) => ({ territory, releaseAt: at(hour) })),
        embargoes: embargoes.map(([territory, from, length]) =>
          embargo(territory, at(from), at(from + length)),
        ),
      };
    });

  const ms = (iso: string) => Date.parse(iso);

  it('gives each territory sorted, non-empty, non-overlapping windows that avoid its embargoes', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const windows = availabilityWindows(schedule);
        for (const territory of new Set(windows.map((window) => window.territory))) {
          const own = windows.filter((window) => window.territory === territory);
          if (own.some((window) => window.opensAt === null)) {
            expect(own).toEqual([{ territory, opensAt: null, closesAt: null }]);
            continue;
          }
          own.forEach((window, index) => {
            const opens = ms(window.opensAt ?? '');
            const closes = window.closesAt === null ? Infinity : ms(window.closesAt);
            expect(opens).toBeLessThan(closes);
            const next = own[index + 1];
            if (next !== undefined) expect(closes).toBeLessThan(ms(next.opensAt ?? ''));
            else expect(window.closesAt).toBeNull();
            const applicable = schedule.embargoes.filter(
              (e) => e.territory === 'WW' || e.territory === territory,
            );
            for (const e of applicable) expect(ms(e.until) <= opens || closes <= ms(e.from)).toBe(true);
          });
        }
      }),
    );
  });

  it('shows the release exactly from its moment in a territory, outside embargoes', () => {
    fc.assert(
      fc.property(
        schedules,
        fc.array(fc.integer({ min: -10, max: 420 }), { maxLength: 10 }),
        (schedule, hours) => {
          const boundaries = [
            schedule.releaseAt,
            ...schedule.territoryReleases.map((release) => release.releaseAt),
            ...schedule.embargoes.flatMap((e) => [e.from, e.until]),
          ].flatMap((iso) => [ms(iso) - 1, ms(iso)]);
          const instants = [...boundaries, ...hours.map((hour) => BASE + hour * HOUR)];
          for (const territory of [...POOL, 'ZA']) {
            const moment = releaseMomentIn(schedule, territory);
            for (const instant of instants) {
              const embargoed = schedule.embargoes.some(
                (e) =>
                  (e.territory === 'WW' || e.territory === territory) &&
                  ms(e.from) <= instant &&
                  instant < ms(e.until),
              );
              const expected = moment !== null && ms(moment) <= instant && !embargoed;
              expect(isAvailable(schedule, territory, new Date(instant))).toBe(expected);
            }
          }
        },
      ),
    );
  });

  it('opens nothing before the earliest release moment, and something at it unless embargoed', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const earliest = earliestReleaseAt(schedule);
        const opens = availabilityWindows(schedule).flatMap((window) =>
          window.opensAt === null ? [] : [ms(window.opensAt)],
        );
        for (const opening of opens) expect(opening).toBeGreaterThanOrEqual(ms(earliest));
        if (schedule.embargoes.length === 0 && opens.length > 0)
          expect(Math.min(...opens)).toBe(ms(earliest));
      }),
    );
  });

  it('reports a release moment inside an embargo exactly when a territory using it is embargoed then', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const flagged = new Set(
          embargoConflicts(schedule)
            .filter((error) => error.code === 'CATALOG.RELEASE_DATE_IN_EMBARGO')
            .map((error) => error.field),
        );
        schedule.territoryReleases.forEach((release, index) => {
          const hit = schedule.embargoes.some(
            (e) =>
              (e.territory === 'WW' || e.territory === release.territory) &&
              ms(e.from) <= ms(release.releaseAt) &&
              ms(release.releaseAt) < ms(e.until),
          );
          expect(flagged.has(`territoryReleases.${index}.releaseAt`)).toBe(hit);
        });
      }),
    );
  });
});
