import {
  INTEGRITY_REPORT_MAX_PROBLEMS,
  type IntegrityProblem,
  type IntegrityProblemKind,
} from '@bandstand/shared/contracts';
import { type LogPosition } from '../store/event';

/**
 * Where a problem sits in the global log's commit order: at an event's (transaction id, global
 * position), or just before (`offset` -1) or after (+1) one when the event itself is gone.
 */
export interface OrderKey {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
  readonly offset: -1 | 0 | 1;
}

/** The key of an event at `position`, or just before or after it. */
export function keyAt(position: LogPosition, offset: OrderKey['offset'] = 0): OrderKey {
  return { transactionId: position.transactionId, globalPosition: position.globalPosition, offset };
}

/** Orders two keys as the global log is read: by transaction id, then global position, then offset. */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return a.offset - b.offset;
}

/** A problem's fields while the verification still runs (a later pass may name its stream). */
export interface MutableProblem {
  kind: IntegrityProblemKind;
  globalPosition?: bigint;
  streamId?: string;
  streamVersion?: number;
  eventId?: string;
  sealNumber?: number;
  detail: string;
}

/** One problem and its place in commit order. */
export interface Finding {
  readonly key: OrderKey;
  readonly problem: MutableProblem;
  dropped: boolean;
}

// Bounds memory on a badly damaged store (a million removed events): the earliest ones are kept.
const KEEP = 10_000;

/** The problems of one verification, kept in commit order, the earliest first. */
export class Findings {
  private list: Finding[] = [];
  private total = 0;

  add(key: OrderKey, problem: MutableProblem): Finding {
    const finding: Finding = { key, problem, dropped: false };
    this.total += 1;
    this.list.push(finding);
    if (this.list.length > 2 * KEEP) this.list = this.sorted().slice(0, KEEP);
    return finding;
  }

  /** Withdraws a finding that another one turned out to describe already. */
  drop(finding: Finding): void {
    if (finding.dropped) return;
    finding.dropped = true;
    this.total -= 1;
  }

  get count(): number {
    return this.total;
  }

  sorted(): Finding[] {
    return this.list.filter((finding) => !finding.dropped).sort((a, b) => compareKeys(a.key, b.key));
  }

  /** The earliest problems, as the report shows them. */
  problems(limit = INTEGRITY_REPORT_MAX_PROBLEMS): IntegrityProblem[] {
    return this.sorted()
      .slice(0, limit)
      .map((finding) => publicProblem(finding.problem));
  }
}

/** The report's shape of a problem: positions as decimal strings, absent fields left out. */
export function publicProblem(problem: MutableProblem): IntegrityProblem {
  return {
    kind: problem.kind,
    ...(problem.globalPosition !== undefined ? { globalPosition: problem.globalPosition.toString() } : {}),
    ...(problem.streamId !== undefined ? { streamId: problem.streamId } : {}),
    ...(problem.streamVersion !== undefined ? { streamVersion: problem.streamVersion } : {}),
    ...(problem.eventId !== undefined ? { eventId: problem.eventId } : {}),
    ...(problem.sealNumber !== undefined ? { sealNumber: problem.sealNumber } : {}),
    detail: problem.detail,
  };
}
