import { type ErrorCode } from './error-code';
import { type QueueDepth } from './queue-depth';

/** Where the kernel's operational view is served (staff only, issue 4). */
export const KERNEL_OPERATIONS_PATH = '/api/v1/kernel/operations';

/** How many unprocessed events the view counts per subscription before it says "at least". */
export const EVENTS_BEHIND_CAP = 100_000;

/** How long a transaction may hold the read horizon before the view warns that it stalls every subscriber. */
export const HORIZON_WARNING_SECONDS = 5;

/** Stable codes of the operational view's errors. */
export const KERNEL_OPERATIONS_ERROR_CODES = {
  unknownSubscription: 'KERNEL.UNKNOWN_SUBSCRIPTION',
  unknownParkedEvent: 'KERNEL.UNKNOWN_PARKED_EVENT',
  notResumable: 'KERNEL.SUBSCRIPTION_NOT_RESUMABLE',
  notRebuildable: 'KERNEL.SUBSCRIPTION_NOT_REBUILDABLE',
  invalidCursor: 'KERNEL.INVALID_CURSOR',
} as const satisfies Record<string, ErrorCode>;

/** Where a subscriber stands: running, replaying the log from the start, or halted. */
export type SubscriptionStatus = 'running' | 'rebuilding' | 'stopped' | 'failed';

/** What a subscriber is: a projection (read models), a processor (commands) or a kernel subscriber. */
export type SubscriptionKind = 'projection' | 'processor' | 'system';

/** A place in the global log in commit order; int8/xid8 values as decimal strings. */
export interface LogPositionView {
  readonly transactionId: string;
  readonly globalPosition: string;
}

/** The newest event in commit order. */
export interface LogHeadView extends LogPositionView {
  readonly recordedAt: string;
}

/** Who runs a subscriber: the runner holding its lease, and until when. */
export interface SubscriptionLeaseView {
  readonly owner: string;
  readonly expiresAt: string;
  /** False once the lease has run out without renewal (its runner is gone or stuck). */
  readonly live: boolean;
}

/** A subscriber's last (or current) rebuild: requested, started, how far, finished. */
export interface SubscriptionRebuildView {
  /** Set while a rebuild is requested and its runner has not started it yet. */
  readonly requestedAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly done: number | null;
  /** Events in the log when the rebuild started. */
  readonly total: number | null;
}

/** The error that stopped a subscriber, or its last one. */
export interface SubscriptionErrorView {
  readonly message: string;
  readonly at: string | null;
}

/** One asynchronous projection, processor or kernel subscriber as an operator sees it. */
export interface SubscriptionOperationsView {
  readonly name: string;
  readonly kind: SubscriptionKind;
  readonly definitionVersion: number;
  readonly status: SubscriptionStatus;
  readonly checkpoint: LogPositionView;
  readonly eventsHandled: number;
  /** Events after the checkpoint, counted up to {@link EVENTS_BEHIND_CAP}. */
  readonly eventsBehind: number;
  /** True when {@link eventsBehind} hit the cap: at least that many. */
  readonly eventsBehindCapped: boolean;
  /** Seconds since the oldest unprocessed event was recorded; 0 when caught up. */
  readonly lagSeconds: number;
  readonly oldestUnprocessedAt: string | null;
  readonly lastEventRecordedAt: string | null;
  readonly lastHandledAt: string | null;
  readonly lease: SubscriptionLeaseView | null;
  readonly rebuild: SubscriptionRebuildView;
  readonly lastError: SubscriptionErrorView | null;
  readonly parkedCount: number;
  readonly updatedAt: string;
}

/** The transaction that holds the read horizon back, as PostgreSQL reports it. */
export interface HorizonHolderView {
  /** Backend process id; null for a prepared (two-phase) transaction. */
  readonly pid: number | null;
  readonly database: string | null;
  readonly user: string | null;
  readonly applicationName: string | null;
  /** `idle in transaction`, `active`, …, or `prepared`. */
  readonly state: string;
  readonly transactionStartedAt: string | null;
  /** Seconds since the transaction started. */
  readonly ageSeconds: number;
  readonly queryStartedAt: string | null;
  /** The gid of a prepared transaction. */
  readonly preparedTransaction: string | null;
}

/**
 * The read horizon: subscribers read only events of transactions older than the oldest one still
 * running (so that none that commits late is skipped). A transaction left open holds it back and
 * stalls every subscriber.
 */
export interface ReadHorizonView {
  /** `pg_snapshot_xmin(pg_current_snapshot())`. */
  readonly transactionId: string;
  /** Committed events at or above the horizon: subscribers cannot read them yet. Capped like events behind. */
  readonly eventsWaiting: number;
  readonly eventsWaitingCapped: boolean;
  readonly holder: HorizonHolderView | null;
}

/** The queues' depths, or why they are not known. */
export type QueueDepthsView =
  | { readonly status: 'ok'; readonly queues: readonly QueueDepth[] }
  /** The jobs area answered with an error (Redis unreachable). */
  | { readonly status: 'unavailable'; readonly reason: string }
  /** This process has no source of queue depths. */
  | { readonly status: 'not-configured' };

/** Everything the operational view shows at one moment. */
export interface KernelOperationsOverview {
  readonly generatedAt: string;
  /** Null while the log is empty. */
  readonly head: LogHeadView | null;
  readonly horizon: ReadHorizonView;
  readonly subscriptions: readonly SubscriptionOperationsView[];
  readonly queues: QueueDepthsView;
}

/** An event a subscriber gave up on after its retries, with the error it raised. */
export interface ParkedEventView {
  readonly subscription: string;
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly attempts: number;
  readonly error: string;
  readonly parkedAt: string;
  /** Set while a retry is requested and the runner has not tried yet. */
  readonly retryRequestedAt: string | null;
}

/** The path of a subscription's resource under {@link KERNEL_OPERATIONS_PATH}. */
export function subscriptionOperationsPath(name: string): string {
  return `${KERNEL_OPERATIONS_PATH}/subscriptions/${encodeURIComponent(name)}`;
}

/** Whether the horizon has been held long enough to warn the operator. */
export function horizonStalled(horizon: ReadHorizonView): boolean {
  return horizon.holder !== null && horizon.holder.ageSeconds >= HORIZON_WARNING_SECONDS;
}

/** Whole percent (0–100) of a rebuild, or null when it has no known total. */
export function rebuildPercent(rebuild: SubscriptionRebuildView): number | null {
  if (rebuild.total === null || rebuild.done === null) return null;
  if (rebuild.total <= 0) return 100;
  return Math.min(100, Math.floor((rebuild.done * 100) / rebuild.total));
}
