import { type ReleaseDraft, type ReleaseSchedule } from './catalog-model';

/**
 * Integration events of the catalog that other contexts may react to: royalties matches usage to
 * published versions by ISRC and UPC; commerce and perks follow releases going live or down. Their
 * streams are `catalog-release-<releaseId>`, tenant = the owning organisation.
 */
export const CATALOG_INTEGRATION_EVENTS = {
  releaseVersionPublished: 'ReleaseVersionPublished',
  releaseScheduled: 'ReleaseScheduled',
  releaseReleased: 'ReleaseReleased',
  releaseTakenDown: 'ReleaseTakenDown',
  releaseReinstated: 'ReleaseReinstated',
} as const;

/** Data of `ReleaseVersionPublished`: the complete metadata of version `version`. */
export interface ReleaseVersionPublishedData {
  readonly releaseId: string;
  readonly orgId: string;
  readonly version: number;
  readonly revision: number;
  readonly note: string | null;
  readonly draft: ReleaseDraft;
}

/** Data of `ReleaseScheduled` (also when a schedule is changed). */
export interface ReleaseScheduledData {
  readonly releaseId: string;
  readonly schedule: ReleaseSchedule;
}

/** Data of `ReleaseReleased`: the release went live at `releasedAt` (its earliest release moment). */
export interface ReleaseReleasedData {
  readonly releaseId: string;
  readonly releasedAt: string;
}

/** Data of `ReleaseTakenDown`: no longer visible anywhere. */
export interface ReleaseTakenDownData {
  readonly releaseId: string;
  readonly reason: string;
}

/** Data of `ReleaseReinstated`: back to what it was before the takedown. */
export interface ReleaseReinstatedData {
  readonly releaseId: string;
}
