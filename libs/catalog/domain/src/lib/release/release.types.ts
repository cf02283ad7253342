import {
  type ReleaseDraft,
  type ReleaseSchedule,
  type ReleaseStatus,
  type RevisionSource,
} from '@bandstand/catalog/contracts';

/** Events of a release's stream `catalog-release-<releaseId>` (tenant = the owning organisation). */
export type ReleaseEvent =
  | {
      readonly type: 'ReleaseCreated';
      readonly data: {
        readonly releaseId: string;
        readonly orgId: string;
        readonly draft: ReleaseDraft;
        readonly source: RevisionSource;
        /** The batch edit or import that created it; null from the editor. */
        readonly planId: string | null;
      };
    }
  | {
      readonly type: 'ReleaseDraftRevised';
      readonly data: {
        readonly releaseId: string;
        /** The draft's revision after this edit (creation is revision 1). */
        readonly revision: number;
        /** The whole draft after the edit; history diffs it against the previous revision. */
        readonly draft: ReleaseDraft;
        readonly source: RevisionSource;
        readonly planId: string | null;
      };
    }
  | {
      readonly type: 'ReleaseVersionPublished';
      readonly data: {
        readonly releaseId: string;
        readonly orgId: string;
        readonly version: number;
        /** The draft revision published. */
        readonly revision: number;
        readonly note: string | null;
        readonly draft: ReleaseDraft;
      };
    }
  | {
      readonly type: 'ReleaseScheduled';
      readonly data: { readonly releaseId: string; readonly schedule: ReleaseSchedule };
    }
  | { readonly type: 'ReleaseUnscheduled'; readonly data: { readonly releaseId: string } }
  | {
      readonly type: 'ReleaseReleased';
      readonly data: { readonly releaseId: string; readonly releasedAt: string };
    }
  | {
      readonly type: 'ReleaseTakenDown';
      readonly data: { readonly releaseId: string; readonly reason: string };
    }
  | { readonly type: 'ReleaseReinstated'; readonly data: { readonly releaseId: string } }
  | { readonly type: 'ReleaseDeleted'; readonly data: { readonly releaseId: string } };

/** Every event type of a release's stream. */
export const RELEASE_EVENT_TYPES = [
  'ReleaseCreated',
  'ReleaseDraftRevised',
  'ReleaseVersionPublished',
  'ReleaseScheduled',
  'ReleaseUnscheduled',
  'ReleaseReleased',
  'ReleaseTakenDown',
  'ReleaseReinstated',
  'ReleaseDeleted',
] as const satisfies readonly ReleaseEvent['type'][];

/**
 * Commands of a release. Drafts arrive parsed and normalised (`parseReleaseDraft`); the decider
 * checks lifecycle rules, completeness, schedules against `now`, and embargo conflicts.
 */
export type ReleaseCommand =
  | {
      readonly kind: 'CreateRelease';
      readonly releaseId: string;
      readonly orgId: string;
      readonly draft: ReleaseDraft;
      readonly source: RevisionSource;
      readonly planId: string | null;
    }
  | {
      readonly kind: 'ReviseDraft';
      /** The revision the editor started from; null skips the check (plans check their own). */
      readonly expectedRevision: number | null;
      readonly draft: ReleaseDraft;
      readonly source: RevisionSource;
      readonly planId: string | null;
    }
  | {
      readonly kind: 'PublishVersion';
      readonly expectedRevision: number | null;
      readonly note: string | null;
    }
  | { readonly kind: 'ScheduleRelease'; readonly schedule: ReleaseSchedule }
  | { readonly kind: 'UnscheduleRelease' }
  /** Release at once (moves the release moment to now when it lies ahead). */
  | { readonly kind: 'ReleaseNow' }
  /** From the scheduled job: release when the earliest release moment has come, else nothing. */
  | { readonly kind: 'ReleaseIfDue' }
  | { readonly kind: 'TakeDownRelease'; readonly reason: string }
  | { readonly kind: 'ReinstateRelease' }
  | { readonly kind: 'DeleteRelease' };

/** A release folded from its events. */
export interface ReleaseState {
  /** False before `ReleaseCreated` and after `ReleaseDeleted`. */
  readonly exists: boolean;
  readonly deleted: boolean;
  readonly releaseId: string | null;
  readonly orgId: string | null;
  readonly status: ReleaseStatus;
  /** The status a takedown interrupted; a reinstatement returns to it. */
  readonly statusBeforeTakedown: ReleaseStatus | null;
  readonly revision: number;
  readonly draft: ReleaseDraft | null;
  /** Newest published version, 0 before the first. */
  readonly version: number;
  readonly publishedRevision: number;
  readonly published: ReleaseDraft | null;
  readonly schedule: ReleaseSchedule | null;
  readonly releasedAt: string | null;
}
