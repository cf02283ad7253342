import { deciderSpec, fixedDecisionContext, FIXED_NOW_ISO } from '@bandstand/shared/domain';
import { type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { draftFixture, scheduleFixture, trackFixture } from '../testing/release-draft.fixtures';
import { releaseDecider } from './release.decider';
import { EmbargoConflict, ReleaseDateInPast, ReleaseIncomplete, ReleaseNotFound } from './release.errors';
import { type ReleaseCommand, type ReleaseEvent, type ReleaseState } from './release.types';

const RELEASE = 'rel-1';
const ORG = 'org-1';
// FIXED_NOW_ISO is 2026-01-01T00:00:00.000Z: every schedule below lies after it unless it says otherwise.
const LATER = '2026-03-06T00:00:00.000Z';
const draft = draftFixture();
const edited = draftFixture({ genre: 'Synthwave' });
const schedule = scheduleFixture({ releaseAt: LATER });

const created = (initial: ReleaseDraft = draft): ReleaseEvent => ({
  type: 'ReleaseCreated',
  data: { releaseId: RELEASE, orgId: ORG, draft: initial, source: 'editor', planId: null },
});
const revised = (revision: number, next: ReleaseDraft): ReleaseEvent => ({
  type: 'ReleaseDraftRevised',
  data: { releaseId: RELEASE, revision, draft: next, source: 'editor', planId: null },
});
const published = (
  version: number,
  revision: number,
  at: ReleaseDraft = draft,
  note: string | null = null,
): ReleaseEvent => ({
  type: 'ReleaseVersionPublished',
  data: { releaseId: RELEASE, orgId: ORG, version, revision, note, draft: at },
});
const scheduled = (next: ReleaseSchedule = schedule): ReleaseEvent => ({
  type: 'ReleaseScheduled',
  data: { releaseId: RELEASE, schedule: next },
});
const released = (releasedAt: string): ReleaseEvent => ({
  type: 'ReleaseReleased',
  data: { releaseId: RELEASE, releasedAt },
});
const takenDown: ReleaseEvent = {
  type: 'ReleaseTakenDown',
  data: { releaseId: RELEASE, reason: 'Rights dispute' },
};
const deleted: ReleaseEvent = { type: 'ReleaseDeleted', data: { releaseId: RELEASE } };

/** Created, published as version 1 and scheduled for {@link LATER}. */
const scheduledRelease = [created(), published(1, 1), scheduled()];
/** The same, released at {@link LATER}. */
const releasedRelease = [...scheduledRelease, released(LATER)];

const spec = () => deciderSpec(releaseDecider);
const at = (now: string) => fixedDecisionContext({ now });

function fold(events: readonly ReleaseEvent[]): ReleaseState {
  return events.reduce(releaseDecider.evolve, releaseDecider.initialState());
}

describe('releaseDecider', () => {
  describe('CreateRelease', () => {
    const create: ReleaseCommand = {
      kind: 'CreateRelease',
      releaseId: RELEASE,
      orgId: ORG,
      draft,
      source: 'csv',
      planId: 'plan-1',
    };

    it('creates the release at revision 1 with its source and plan', () => {
      spec()
        .when(create)
        .then([
          {
            type: 'ReleaseCreated',
            data: { releaseId: RELEASE, orgId: ORG, draft, source: 'csv', planId: 'plan-1' },
          },
        ]);
      spec()
        .when(create)
        .thenState({
          ...releaseDecider.initialState(),
          exists: true,
          releaseId: RELEASE,
          orgId: ORG,
          draft,
          revision: 1,
        });
    });

    it('refuses an id used before, even by a deleted release', () => {
      spec().given([created()]).when(create).thenThrows({ code: 'CATALOG.RELEASE_EXISTS' });
      spec().given([created(), deleted]).when(create).thenThrows('CATALOG.RELEASE_EXISTS');
    });
  });

  describe('on a missing or deleted release', () => {
    const commands: ReleaseCommand[] = [
      { kind: 'ReviseDraft', expectedRevision: null, draft, source: 'editor', planId: null },
      { kind: 'PublishVersion', expectedRevision: null, note: null },
      { kind: 'ScheduleRelease', schedule },
      { kind: 'UnscheduleRelease' },
      { kind: 'ReleaseNow' },
      { kind: 'ReleaseIfDue' },
      { kind: 'TakeDownRelease', reason: 'x' },
      { kind: 'ReinstateRelease' },
      { kind: 'DeleteRelease' },
    ];

    it.each(commands.map((command) => [command.kind, command] as const))(
      'refuses %s with 404 on releaseId',
      (_, command) => {
        const error = spec().when(command).thenThrows(ReleaseNotFound);
        expect(error).toMatchObject({ code: 'CATALOG.RELEASE_NOT_FOUND', status: 404, field: 'releaseId' });
        spec().given([created(), deleted]).when(command).thenThrows('CATALOG.RELEASE_NOT_FOUND');
      },
    );
  });

  describe('ReviseDraft', () => {
    const revise = (expectedRevision: number | null, next: ReleaseDraft = edited): ReleaseCommand => ({
      kind: 'ReviseDraft',
      expectedRevision,
      draft: next,
      source: 'batch',
      planId: 'plan-2',
    });

    it('records the whole new draft as the next revision', () => {
      spec()
        .given([created(), revised(2, draftFixture({ genre: 'Pop' }))])
        .when(revise(2))
        .then([
          {
            type: 'ReleaseDraftRevised',
            data: { releaseId: RELEASE, revision: 3, draft: edited, source: 'batch', planId: 'plan-2' },
          },
        ]);
    });

    it('skips the revision check when no revision is expected', () => {
      spec()
        .given([created()])
        .when(revise(null))
        .then([
          {
            type: 'ReleaseDraftRevised',
            data: { releaseId: RELEASE, revision: 2, draft: edited, source: 'batch', planId: 'plan-2' },
          },
        ]);
    });

    it('refuses a stale revision with 409 on expectedRevision', () => {
      const error = spec()
        .given([created(), revised(2, edited)])
        .when(revise(1))
        .thenThrows('CATALOG.STALE_REVISION');
      expect(error).toMatchObject({ status: 409, field: 'expectedRevision' });
    });

    it('records nothing when the draft is unchanged', () => {
      spec().given([created()]).when(revise(1, draftFixture())).thenNothing();
    });

    it('edits a released or taken-down release’s draft without touching its status', () => {
      spec()
        .given(releasedRelease)
        .when(revise(null))
        .thenState({ ...fold(releasedRelease), draft: edited, revision: 2 });
      spec()
        .given([...releasedRelease, takenDown])
        .when(revise(1))
        .then([
          {
            type: 'ReleaseDraftRevised',
            data: { releaseId: RELEASE, revision: 2, draft: edited, source: 'batch', planId: 'plan-2' },
          },
        ]);
    });
  });

  describe('PublishVersion', () => {
    it('publishes the draft as version 1 with its note', () => {
      spec()
        .given([created()])
        .when({ kind: 'PublishVersion', expectedRevision: 1, note: 'First cut' })
        .then([published(1, 1, draft, 'First cut')]);
    });

    it('publishes a changed draft as the next version', () => {
      spec()
        .given([created(), published(1, 1), revised(2, edited)])
        .when({ kind: 'PublishVersion', expectedRevision: 2, note: null })
        .then([published(2, 2, edited)]);
    });

    it('refuses a stale revision', () => {
      spec()
        .given([created(), revised(2, edited)])
        .when({ kind: 'PublishVersion', expectedRevision: 1, note: null })
        .thenThrows({ code: 'CATALOG.STALE_REVISION' });
    });

    it('refuses an incomplete draft, listing what is missing under draft.', () => {
      const incomplete = draftFixture({ upc: null, tracks: [trackFixture('trk-1', { isrc: null })] });
      const error = spec()
        .given([created(incomplete)])
        .when({ kind: 'PublishVersion', expectedRevision: null, note: null })
        .thenThrows(ReleaseIncomplete);
      expect(error).toMatchObject({ code: 'CATALOG.RELEASE_INCOMPLETE', status: 422 });
      expect(error.fieldErrors?.map((e) => e.field)).toEqual(['draft.upc', 'draft.tracks.0.isrc']);
    });

    it('refuses to publish a draft equal to the newest version', () => {
      const error = spec()
        .given([created(), published(1, 1), revised(2, edited), revised(3, draft)])
        .when({ kind: 'PublishVersion', expectedRevision: null, note: null })
        .thenThrows('CATALOG.NOTHING_TO_PUBLISH');
      expect(error).toMatchObject({ status: 409 });
    });

    it('keeps the newest version and its revision in the state', () => {
      spec()
        .given([created(), published(1, 1), revised(2, edited)])
        .when({ kind: 'PublishVersion', expectedRevision: 2, note: null })
        .thenState({
          ...fold([created(), published(1, 1), revised(2, edited)]),
          version: 2,
          publishedRevision: 2,
          published: edited,
        });
    });
  });

  describe('ScheduleRelease', () => {
    const scheduleCommand = (next: ReleaseSchedule = schedule): ReleaseCommand => ({
      kind: 'ScheduleRelease',
      schedule: next,
    });

    it('publishes a never-published draft first, then schedules', () => {
      spec()
        .given([created()])
        .when(scheduleCommand())
        .then([published(1, 1), scheduled()]);
      spec()
        .given([created()])
        .when(scheduleCommand())
        .thenState({
          ...fold([created()]),
          status: 'scheduled',
          version: 1,
          publishedRevision: 1,
          published: draft,
          schedule,
        });
    });

    it('publishes draft changes first while the release is a draft', () => {
      spec()
        .given([created(), published(1, 1), revised(2, edited)])
        .when(scheduleCommand())
        .then([published(2, 2, edited), scheduled()]);
    });

    it('schedules a draft whose newest version is current without publishing again', () => {
      spec()
        .given([created(), published(1, 1)])
        .when(scheduleCommand())
        .then([scheduled()]);
    });

    it('refuses an incomplete draft that would have to be published', () => {
      const error = spec()
        .given([created(draftFixture({ genre: null }))])
        .when(scheduleCommand())
        .thenThrows(ReleaseIncomplete);
      expect(error.fieldErrors).toEqual([
        expect.objectContaining({ field: 'draft.genre', code: 'CATALOG.RELEASE_INCOMPLETE' }),
      ]);
    });

    it('moves a scheduled release without publishing its draft changes', () => {
      const moved = scheduleFixture({ releaseAt: '2026-03-13T00:00:00.000Z' });
      spec()
        .given([...scheduledRelease, revised(2, edited)])
        .when(scheduleCommand(moved))
        .then([scheduled(moved)]);
    });

    it('records nothing when a scheduled release gets the same schedule', () => {
      spec().given(scheduledRelease).when(scheduleCommand()).thenNothing();
    });

    it('refuses a release moment that is not after now', () => {
      const error = spec()
        .given([created()])
        .when(scheduleCommand(scheduleFixture({ releaseAt: FIXED_NOW_ISO })))
        .thenThrows(ReleaseDateInPast);
      expect(error).toMatchObject({ code: 'CATALOG.RELEASE_DATE_IN_PAST', status: 422, field: 'releaseAt' });
    });

    it('refuses a territory release moment in the past', () => {
      const error = spec()
        .given([created()])
        .when(
          scheduleCommand(
            scheduleFixture({
              releaseAt: LATER,
              territoryReleases: [{ territory: 'NZ', releaseAt: '2025-12-31T00:00:00.000Z' }],
            }),
          ),
        )
        .thenThrows('CATALOG.RELEASE_DATE_IN_PAST');
      expect(error).toMatchObject({ field: 'territoryReleases.0.releaseAt' });
    });

    it('refuses a release moment inside an embargo, naming every conflict', () => {
      const error = spec()
        .given([created()])
        .when(
          scheduleCommand(
            scheduleFixture({
              releaseAt: LATER,
              territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }],
              embargoes: [
                {
                  territory: 'NZ',
                  from: '2026-03-05T00:00:00.000Z',
                  until: '2026-03-06T00:00:00.000Z',
                  reason: null,
                },
              ],
            }),
          ),
        )
        .thenThrows(EmbargoConflict);
      expect(error).toMatchObject({
        code: 'CATALOG.RELEASE_DATE_IN_EMBARGO',
        status: 422,
        field: 'territoryReleases.0.releaseAt',
      });
      expect(error.fieldErrors).toHaveLength(1);
    });

    it('refuses overlapping embargoes of one territory', () => {
      const error = spec()
        .given([created()])
        .when(
          scheduleCommand(
            scheduleFixture({
              embargoes: [
                {
                  territory: 'DE',
                  from: '2026-04-01T00:00:00.000Z',
                  until: '2026-04-03T00:00:00.000Z',
                  reason: null,
                },
                {
                  territory: 'DE',
                  from: '2026-04-02T00:00:00.000Z',
                  until: '2026-04-04T00:00:00.000Z',
                  reason: null,
                },
              ],
            }),
          ),
        )
        .thenThrows('CATALOG.INVALID_EMBARGO');
      expect(error).toMatchObject({ field: 'embargoes.1' });
    });

    it('lets a released release change its territories but not its release moment', () => {
      const wider = scheduleFixture({ releaseAt: LATER, excludedTerritories: ['CN'] });
      spec()
        .given(releasedRelease)
        .when(scheduleCommand(wider), at('2026-06-01T00:00:00.000Z'))
        .then([scheduled(wider)]);
      spec()
        .given(releasedRelease)
        .when(scheduleCommand(wider), at('2026-06-01T00:00:00.000Z'))
        .thenState({ ...fold(releasedRelease), schedule: wider });
      const error = spec()
        .given(releasedRelease)
        .when(
          scheduleCommand(scheduleFixture({ releaseAt: '2026-07-01T00:00:00.000Z' })),
          at('2026-06-01T00:00:00.000Z'),
        )
        .thenThrows('CATALOG.INVALID_TRANSITION');
      expect(error).toMatchObject({ status: 409, field: 'releaseAt' });
    });

    it('refuses to schedule a taken-down release', () => {
      spec()
        .given([...releasedRelease, takenDown])
        .when(scheduleCommand())
        .thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });

  describe('UnscheduleRelease', () => {
    it('returns a scheduled release to draft', () => {
      spec()
        .given(scheduledRelease)
        .when({ kind: 'UnscheduleRelease' })
        .then([{ type: 'ReleaseUnscheduled', data: { releaseId: RELEASE } }]);
      spec()
        .given(scheduledRelease)
        .when({ kind: 'UnscheduleRelease' })
        .thenState({ ...fold(scheduledRelease), status: 'draft', schedule: null });
    });

    it('refuses anything but a scheduled release', () => {
      spec().given([created()]).when({ kind: 'UnscheduleRelease' }).thenThrows('CATALOG.INVALID_TRANSITION');
      spec()
        .given(releasedRelease)
        .when({ kind: 'UnscheduleRelease' })
        .thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });

  describe('ReleaseNow', () => {
    it('moves release moments still ahead to now, then releases', () => {
      const withTerritories = scheduleFixture({
        releaseAt: LATER,
        territoryReleases: [
          { territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' },
          { territory: 'US', releaseAt: '2026-03-06T05:00:00.000Z' },
        ],
      });
      spec()
        .given([created(), published(1, 1), scheduled(withTerritories)])
        .when({ kind: 'ReleaseNow' }, at('2026-03-05T12:00:00.000Z'))
        .then([
          scheduled({
            ...withTerritories,
            releaseAt: '2026-03-05T12:00:00.000Z',
            territoryReleases: [
              { territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' },
              { territory: 'US', releaseAt: '2026-03-05T12:00:00.000Z' },
            ],
          }),
          released('2026-03-05T12:00:00.000Z'),
        ]);
    });

    it('only releases when every moment has passed', () => {
      spec()
        .given(scheduledRelease)
        .when({ kind: 'ReleaseNow' }, at('2026-03-07T00:00:00.000Z'))
        .then([released('2026-03-07T00:00:00.000Z')]);
    });

    it('ends released', () => {
      spec()
        .given(scheduledRelease)
        .when({ kind: 'ReleaseNow' })
        .thenState({
          ...fold(scheduledRelease),
          status: 'released',
          releasedAt: FIXED_NOW_ISO,
          schedule: { ...schedule, releaseAt: FIXED_NOW_ISO },
        });
    });

    it('refuses anything but a scheduled release', () => {
      spec().given([created()]).when({ kind: 'ReleaseNow' }).thenThrows('CATALOG.INVALID_TRANSITION');
      spec().given(releasedRelease).when({ kind: 'ReleaseNow' }).thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });

  describe('ReleaseIfDue', () => {
    const early = scheduleFixture({
      releaseAt: LATER,
      territoryReleases: [{ territory: 'NZ', releaseAt: '2026-03-05T11:00:00.000Z' }],
    });

    it('releases at the earliest release moment once it has come', () => {
      spec()
        .given([created(), published(1, 1), scheduled(early)])
        .when({ kind: 'ReleaseIfDue' }, at('2026-03-05T11:00:00.000Z'))
        .then([released('2026-03-05T11:00:00.000Z')]);
      spec()
        .given([created(), published(1, 1), scheduled(early)])
        .when({ kind: 'ReleaseIfDue' }, at('2026-03-09T00:00:00.000Z'))
        .then([released('2026-03-05T11:00:00.000Z')]);
    });

    it('does nothing before it, or when the release is not scheduled', () => {
      spec()
        .given([created(), published(1, 1), scheduled(early)])
        .when({ kind: 'ReleaseIfDue' }, at('2026-03-05T10:59:59.999Z'))
        .thenNothing();
      spec().given([created()]).when({ kind: 'ReleaseIfDue' }, at('2026-04-01T00:00:00.000Z')).thenNothing();
      spec()
        .given(releasedRelease)
        .when({ kind: 'ReleaseIfDue' }, at('2026-04-01T00:00:00.000Z'))
        .thenNothing();
      spec()
        .given([...scheduledRelease, { type: 'ReleaseUnscheduled', data: { releaseId: RELEASE } }])
        .when({ kind: 'ReleaseIfDue' }, at('2026-04-01T00:00:00.000Z'))
        .thenNothing();
    });
  });

  describe('TakeDownRelease', () => {
    it('takes down a released or scheduled release with a trimmed reason', () => {
      spec()
        .given(releasedRelease)
        .when({ kind: 'TakeDownRelease', reason: ' Rights dispute ' })
        .then([takenDown]);
      spec()
        .given(scheduledRelease)
        .when({ kind: 'TakeDownRelease', reason: 'Rights dispute' })
        .then([takenDown]);
      spec()
        .given(releasedRelease)
        .when({ kind: 'TakeDownRelease', reason: 'Rights dispute' })
        .thenState({ ...fold(releasedRelease), status: 'taken-down', statusBeforeTakedown: 'released' });
    });

    it('needs a reason of 1 to 500 characters', () => {
      for (const reason of ['  ', 'x'.repeat(501)]) {
        const error = spec()
          .given(releasedRelease)
          .when({ kind: 'TakeDownRelease', reason })
          .thenThrows('CATALOG.INVALID_METADATA');
        expect(error).toMatchObject({ field: 'reason', status: 422 });
      }
    });

    it('refuses a draft or a taken-down release', () => {
      spec()
        .given([created()])
        .when({ kind: 'TakeDownRelease', reason: 'x' })
        .thenThrows('CATALOG.INVALID_TRANSITION');
      spec()
        .given([...releasedRelease, takenDown])
        .when({ kind: 'TakeDownRelease', reason: 'x' })
        .thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });

  describe('ReinstateRelease', () => {
    it('returns to the status the takedown interrupted', () => {
      const reinstated: ReleaseEvent = { type: 'ReleaseReinstated', data: { releaseId: RELEASE } };
      spec()
        .given([...releasedRelease, takenDown])
        .when({ kind: 'ReinstateRelease' })
        .then([reinstated]);
      spec()
        .given([...releasedRelease, takenDown])
        .when({ kind: 'ReinstateRelease' })
        .thenState(fold(releasedRelease));
      spec()
        .given([...scheduledRelease, takenDown])
        .when({ kind: 'ReinstateRelease' })
        .thenState(fold(scheduledRelease));
    });

    it('refuses a release that is not taken down', () => {
      spec()
        .given(releasedRelease)
        .when({ kind: 'ReinstateRelease' })
        .thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });

  describe('DeleteRelease', () => {
    it('deletes a draft that was never published', () => {
      spec()
        .given([created(), revised(2, edited)])
        .when({ kind: 'DeleteRelease' })
        .then([deleted]);
      spec()
        .given([created()])
        .when({ kind: 'DeleteRelease' })
        .thenState({ ...fold([created()]), exists: false, deleted: true });
    });

    it('refuses a published, scheduled or released release', () => {
      spec()
        .given([created(), published(1, 1)])
        .when({ kind: 'DeleteRelease' })
        .thenThrows('CATALOG.INVALID_TRANSITION');
      spec().given(scheduledRelease).when({ kind: 'DeleteRelease' }).thenThrows('CATALOG.INVALID_TRANSITION');
      spec().given(releasedRelease).when({ kind: 'DeleteRelease' }).thenThrows('CATALOG.INVALID_TRANSITION');
    });
  });
});
