import { type FieldError } from '@bandstand/shared/contracts';
import { type Decider, type DecisionContext, isStructurallyEqual } from '@bandstand/shared/domain';
import { CATALOG_ERROR_CODES, type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { draftsEqual, missingForPublish } from '../draft/parse-draft';
import { earliestReleaseAt, embargoConflicts, isDistributedIn } from '../schedule/availability';
import {
  EmbargoConflict,
  InvalidTakedownReason,
  InvalidTransition,
  NothingToPublish,
  ReleaseDateInPast,
  ReleaseExists,
  ReleaseIncomplete,
  ReleaseNotFound,
  StaleRevision,
} from './release.errors';
import { type ReleaseCommand, type ReleaseEvent, type ReleaseState } from './release.types';

/** Longest takedown reason. */
export const MAX_TAKEDOWN_REASON = 500;

/** A state that exists: the decider checks `exists` before reading these. */
interface ExistingRelease extends ReleaseState {
  readonly releaseId: string;
  readonly orgId: string;
  readonly draft: ReleaseDraft;
}

function initialState(): ReleaseState {
  return {
    exists: false,
    deleted: false,
    releaseId: null,
    orgId: null,
    status: 'draft',
    statusBeforeTakedown: null,
    revision: 0,
    draft: null,
    version: 0,
    publishedRevision: 0,
    published: null,
    schedule: null,
    releasedAt: null,
  };
}

function evolve(state: ReleaseState, event: ReleaseEvent): ReleaseState {
  switch (event.type) {
    case 'ReleaseCreated':
      return {
        ...state,
        exists: true,
        releaseId: event.data.releaseId,
        orgId: event.data.orgId,
        draft: event.data.draft,
        revision: 1,
      };
    case 'ReleaseDraftRevised':
      return { ...state, draft: event.data.draft, revision: event.data.revision };
    case 'ReleaseVersionPublished':
      return {
        ...state,
        version: event.data.version,
        publishedRevision: event.data.revision,
        published: event.data.draft,
      };
    case 'ReleaseScheduled':
      // A released release may change its territories and embargoes; it stays released.
      return {
        ...state,
        schedule: event.data.schedule,
        status: state.status === 'released' ? 'released' : 'scheduled',
      };
    case 'ReleaseUnscheduled':
      return { ...state, status: 'draft', schedule: null };
    case 'ReleaseReleased':
      return { ...state, status: 'released', releasedAt: event.data.releasedAt };
    case 'ReleaseTakenDown':
      return { ...state, status: 'taken-down', statusBeforeTakedown: state.status };
    case 'ReleaseReinstated':
      return { ...state, status: state.statusBeforeTakedown ?? 'released', statusBeforeTakedown: null };
    case 'ReleaseDeleted':
      return { ...state, exists: false, deleted: true };
  }
}

function existing(state: ReleaseState): ExistingRelease {
  const { releaseId, orgId, draft } = state;
  if (!state.exists || releaseId === null || orgId === null || draft === null) throw new ReleaseNotFound();
  return { ...state, releaseId, orgId, draft };
}

function checkRevision(expected: number | null, state: ExistingRelease): void {
  if (expected !== null && expected !== state.revision) throw new StaleRevision(expected, state.revision);
}

function prefixed(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${prefix}.${error.field}` }));
}

function publish(state: ExistingRelease, note: string | null): ReleaseEvent {
  const missing = missingForPublish(state.draft);
  if (missing.length > 0) throw new ReleaseIncomplete(prefixed(missing, 'draft'));
  return {
    type: 'ReleaseVersionPublished',
    data: {
      releaseId: state.releaseId,
      orgId: state.orgId,
      version: state.version + 1,
      revision: state.revision,
      note,
      draft: state.draft,
    },
  };
}

function hasUnpublishedChanges(state: ExistingRelease): boolean {
  return state.version === 0 || state.published === null || !draftsEqual(state.draft, state.published);
}

function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}

function checkFuture(schedule: ReleaseSchedule, now: Date): void {
  const errors: FieldError[] = [];
  const at = now.getTime();
  if (new Date(schedule.releaseAt).getTime() <= at) {
    errors.push({
      field: 'releaseAt',
      code: CATALOG_ERROR_CODES.releaseDateInPast,
      message: `The release moment ${schedule.releaseAt} is not after now (${now.toISOString()})`,
    });
  }
  schedule.territoryReleases.forEach((release, index) => {
    if (new Date(release.releaseAt).getTime() <= at) {
      errors.push({
        field: `territoryReleases.${index}.releaseAt`,
        code: CATALOG_ERROR_CODES.releaseDateInPast,
        message: `The release moment ${release.releaseAt} in ${release.territory} is not after now (${now.toISOString()})`,
      });
    }
  });
  if (errors.length > 0) throw new ReleaseDateInPast(errors);
}

function schedule(state: ExistingRelease, next: ReleaseSchedule, now: Date): readonly ReleaseEvent[] {
  if (state.status === 'taken-down') {
    throw new InvalidTransition('A taken-down release cannot be scheduled; reinstate it first');
  }
  if (state.status === 'released') {
    const current = state.schedule;
    if (current !== null && !sameInstant(current.releaseAt, next.releaseAt)) {
      throw new InvalidTransition(
        `The release came out at ${current.releaseAt}; its release moment cannot change any more`,
        'releaseAt',
      );
    }
  } else {
    checkFuture(next, now);
  }
  const conflicts = embargoConflicts(next);
  if (conflicts.length > 0) throw new EmbargoConflict(conflicts);
  const events: ReleaseEvent[] = [];
  if (state.status === 'draft' && hasUnpublishedChanges(state)) events.push(publish(state, null));
  if (state.status !== 'draft' && state.schedule !== null && isStructurallyEqual(state.schedule, next)) {
    return events;
  }
  events.push({ type: 'ReleaseScheduled', data: { releaseId: state.releaseId, schedule: next } });
  return events;
}

function releaseNow(state: ExistingRelease, now: Date): readonly ReleaseEvent[] {
  const current = state.schedule;
  if (state.status !== 'scheduled' || current === null) {
    throw new InvalidTransition(`Only a scheduled release can be released now; this one is ${state.status}`);
  }
  const nowIso = now.toISOString();
  const at = now.getTime();
  const later = (instant: string): boolean => new Date(instant).getTime() > at;
  const events: ReleaseEvent[] = [];
  const ahead =
    later(current.releaseAt) ||
    current.territoryReleases.some(
      (release) => isDistributedIn(current, release.territory) && later(release.releaseAt),
    );
  if (ahead) {
    const moved: ReleaseSchedule = {
      ...current,
      releaseAt: later(current.releaseAt) ? nowIso : current.releaseAt,
      territoryReleases: current.territoryReleases.map((release) =>
        later(release.releaseAt) ? { ...release, releaseAt: nowIso } : release,
      ),
    };
    events.push({ type: 'ReleaseScheduled', data: { releaseId: state.releaseId, schedule: moved } });
  }
  events.push({ type: 'ReleaseReleased', data: { releaseId: state.releaseId, releasedAt: nowIso } });
  return events;
}

function decide(
  command: ReleaseCommand,
  state: ReleaseState,
  context: DecisionContext,
): readonly ReleaseEvent[] {
  if (command.kind === 'CreateRelease') {
    if (state.exists || state.deleted) throw new ReleaseExists();
    const { releaseId, orgId, draft, source, planId } = command;
    return [{ type: 'ReleaseCreated', data: { releaseId, orgId, draft, source, planId } }];
  }
  const release = existing(state);
  const { releaseId } = release;
  switch (command.kind) {
    case 'ReviseDraft': {
      checkRevision(command.expectedRevision, release);
      if (draftsEqual(release.draft, command.draft)) return [];
      const { draft, source, planId } = command;
      return [
        {
          type: 'ReleaseDraftRevised',
          data: { releaseId, revision: release.revision + 1, draft, source, planId },
        },
      ];
    }
    case 'PublishVersion': {
      checkRevision(command.expectedRevision, release);
      const event = publish(release, command.note);
      if (!hasUnpublishedChanges(release)) throw new NothingToPublish(release.version);
      return [event];
    }
    case 'ScheduleRelease':
      return schedule(release, command.schedule, context.now);
    case 'UnscheduleRelease':
      if (release.status !== 'scheduled') {
        throw new InvalidTransition(
          `Only a scheduled release can be unscheduled; this one is ${release.status}`,
        );
      }
      return [{ type: 'ReleaseUnscheduled', data: { releaseId } }];
    case 'ReleaseNow':
      return releaseNow(release, context.now);
    case 'ReleaseIfDue': {
      if (release.status !== 'scheduled' || release.schedule === null) return [];
      const earliest = earliestReleaseAt(release.schedule);
      if (context.now.getTime() < new Date(earliest).getTime()) return [];
      return [{ type: 'ReleaseReleased', data: { releaseId, releasedAt: earliest } }];
    }
    case 'TakeDownRelease': {
      if (release.status !== 'scheduled' && release.status !== 'released') {
        throw new InvalidTransition(
          `Only a scheduled or released release can be taken down; this one is ${release.status}`,
        );
      }
      const reason = command.reason.trim();
      if (reason.length === 0 || [...reason].length > MAX_TAKEDOWN_REASON) throw new InvalidTakedownReason();
      return [{ type: 'ReleaseTakenDown', data: { releaseId, reason } }];
    }
    case 'ReinstateRelease':
      if (release.status !== 'taken-down') {
        throw new InvalidTransition(
          `Only a taken-down release can be reinstated; this one is ${release.status}`,
        );
      }
      return [{ type: 'ReleaseReinstated', data: { releaseId } }];
    case 'DeleteRelease':
      if (release.status !== 'draft' || release.version > 0) {
        throw new InvalidTransition(
          'Only a draft that was never published can be deleted; take a published release down instead',
        );
      }
      return [{ type: 'ReleaseDeleted', data: { releaseId } }];
  }
}

/** A release: drafts, versions, schedule and lifecycle (draft → scheduled → released → taken down). */
export const releaseDecider: Decider<ReleaseCommand, ReleaseEvent, ReleaseState> = {
  initialState,
  evolve,
  decide,
};
