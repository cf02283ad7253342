/**
 * What the tamper-evidence verifier found wrong with one stored event, seal or stream:
 * - `changed`: an event's content or hash no longer matches its HMAC (or an event was inserted);
 * - `removed`: an event is gone that a seal lists, or that a later version of its stream implies
 *   (a gap in 1…N). A stream's newest events removed before any seal listed them leave no trace;
 * - `reordered`: an event is signed or sealed for another place than the one it is stored at;
 * - `seal-broken`: a seal row was changed or removed (its chain does not verify);
 * - `stream-version-mismatch`: a stream version is stored more than once (a copied event, possible
 *   only once the table's unique constraints were dropped).
 */
export type IntegrityProblemKind =
  'changed' | 'removed' | 'reordered' | 'seal-broken' | 'stream-version-mismatch';

/** Every {@link IntegrityProblemKind}, for filters and exhaustive displays. */
export const INTEGRITY_PROBLEM_KINDS: readonly IntegrityProblemKind[] = [
  'changed',
  'removed',
  'reordered',
  'seal-broken',
  'stream-version-mismatch',
];

/** One problem the verifier found, naming the event (or seal, or stream) as precisely as it can. */
export interface IntegrityProblem {
  readonly kind: IntegrityProblemKind;
  /** The event's global position (a decimal string: positions are 64-bit). */
  readonly globalPosition?: string;
  readonly streamId?: string;
  readonly streamVersion?: number;
  readonly eventId?: string;
  /** The seal that lists the event, or the seal that is broken. */
  readonly sealNumber?: number;
  /** One sentence for an auditor: what was expected and what was found. */
  readonly detail: string;
}

/** The newest seal: auditors record its number and chain elsewhere, to detect a truncated log later. */
export interface SealSummary {
  readonly sealNumber: number;
  readonly eventCount: number;
  /** Global position of the last event the seal covers (decimal string). */
  readonly lastGlobalPosition: string;
  /** Transaction id of the last event the seal covers (decimal string). */
  readonly lastTransactionId: string;
  /** The seal's chain value, hex: an HMAC over every seal up to this one. */
  readonly chain: string;
  /** ISO 8601 time the seal was written. */
  readonly sealedAt: string;
}

/** The outcome of verifying the event store (POST /api/v1/kernel/integrity/verifications, `kernel:verify`). */
export interface IntegrityReport {
  /** True when nothing was found wrong in what was checked (see `complete`). */
  readonly intact: boolean;
  /** False when the verification stopped at its event limit before the end of the log. */
  readonly complete: boolean;
  readonly checkedEvents: number;
  /** How many distinct streams the stored events belong to (a stream exists through its events). */
  readonly checkedStreams: number;
  /** How many seals were checked. */
  readonly seals: number;
  /**
   * How many checked events no seal covers yet (the newest ones; the sealer runs in the worker).
   * Removing the last events of their streams among these cannot be detected.
   */
  readonly unsealedEvents: number;
  /** How many problems were found (the same removed event counts once). */
  readonly problemCount: number;
  /** The earliest problem in the global log's commit order. */
  readonly firstProblem?: IntegrityProblem;
  /** The earliest problems in commit order, at most {@link INTEGRITY_REPORT_MAX_PROBLEMS}. */
  readonly problems: readonly IntegrityProblem[];
  /** The newest seal checked, to be recorded as an anchor. */
  readonly latestSeal?: SealSummary;
  /** ISO 8601 start and end of the verification. */
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** How many problems a report lists at most; `problemCount` says how many there were. */
export const INTEGRITY_REPORT_MAX_PROBLEMS = 100;
