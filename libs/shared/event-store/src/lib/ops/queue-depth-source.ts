import { type QueueDepth } from '@bandstand/shared/contracts';

/** Where the operational view reads queue depths from: the jobs area's JobsOverview (bound by the app). */
export interface QueueDepthSource {
  overview(): Promise<readonly QueueDepth[]>;
}

/** Injection token of the optional {@link QueueDepthSource}. */
export const QUEUE_DEPTH_SOURCE = Symbol('QUEUE_DEPTH_SOURCE');
