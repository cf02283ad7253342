import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type IntegrityReport } from '@bandstand/shared/contracts';
import { KernelDatabase } from '../sql/kernel-database';
import { EventHasher, type HashedContent, type HashedPlace, placedMessage } from '../store/event-hasher';
import { LOG_START, type LogPosition } from '../store/event';
import { EVENT_COLUMNS, type EventRow, metadataOf } from '../store/event-store';
import {
  compareKeys,
  type Finding,
  Findings,
  keyAt,
  type MutableProblem,
  type OrderKey,
} from './integrity-findings';
import {
  GENESIS_CHAIN,
  SEAL_COLUMNS,
  type Seal,
  type SealRow,
  sealChain,
  sealOfRow,
  sealSummary,
} from './seal-chain';

/** A seal recorded outside the database earlier (its number and chain, hex): it must still be there. */
export interface SealAnchor {
  readonly sealNumber: number;
  readonly chain: string;
}

/** How a verification runs. */
export interface VerifyOptions {
  /** Stop after checking about this many events; the report then says `complete: false`. */
  readonly maxEvents?: number;
  /** A seal recorded earlier: proves the log was not truncated or re-sealed since. */
  readonly anchor?: SealAnchor;
  /** Events read per query (keyset pages; memory stays flat whatever the store's size). */
  readonly pageSize?: number;
  /** Streams read per query. */
  readonly streamPageSize?: number;
}

/** Default events per page of a verification. */
export const VERIFY_PAGE_SIZE = 1_000;

interface HashedEventRow extends EventRow {
  readonly hash: Buffer;
}

interface StreamTally {
  readonly stream_id: string;
  readonly n: string;
  readonly distinct_n: string;
  readonly min_version: string | null;
  readonly max_version: string | null;
}

interface StreamStep {
  readonly v: string;
  readonly tx: string;
  readonly gp: string;
  readonly prev_v: string;
  readonly prev_tx: string | null;
  readonly prev_gp: string | null;
  readonly event_id: string;
}

/** Versions `from`…`to` of a stream are missing though a later one is stored, between two positions. */
interface StreamGap {
  readonly streamId: string;
  readonly from: number;
  readonly to: number;
  /** Global positions the missing events lay strictly between (after undefined: the stream's start). */
  readonly after: bigint | undefined;
  readonly before: bigint;
  readonly key: OrderKey;
}

interface SealedRemoval {
  readonly globalPosition: bigint;
  readonly finding: Finding;
  matched: boolean;
}

const SEAL_PAGE = 20;
// Searching for the place an event was signed for costs a query and up to a few thousand HMACs;
// past this many failing events, the rest are reported as changed without the search.
const PROBES = 25;
const MAX_TRACKED = 100_000;
const MAX_GAP_ROWS = 100;

function positionOf(row: { transaction_id: string; global_position: string }): LogPosition {
  return { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) };
}

function contentOf(row: EventRow): HashedContent {
  return {
    streamId: row.stream_id,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: metadataOf(row),
    recordedAt: new Date(row.recorded_at),
  };
}

/**
 * Proves that no stored event was changed, reordered or removed, or names the first one that was
 * (docs/adr/0011-tamper-evidence.md). It walks the seals in order (each seal's chain, then the
 * events in the stretch of the commit order it covers), then the events no seal covers yet, then
 * every stream's versions, all in keyset pages so that memory stays flat on millions of events.
 * One removal it cannot see: a stream's newest events deleted before a seal listed them.
 */
@Injectable()
export class IntegrityVerifier {
  constructor(
    private readonly db: KernelDatabase,
    private readonly hasher: EventHasher,
  ) {}

  verify(options: VerifyOptions = {}): Promise<IntegrityReport> {
    return new Verification(this.db, this.hasher, options).run();
  }
}

class Verification {
  private readonly findings = new Findings();
  private readonly pageSize: number;
  private readonly streamPageSize: number;
  private readonly maxEvents: number;
  private checkedEvents = 0;
  private checkedStreams = 0;
  private seals = 0;
  private unsealedEvents = 0;
  private complete = true;
  private latest: Seal | undefined;
  private anchorSeen = false;
  private probesLeft = PROBES;
  /** Positions with an event-level problem already reported, so that one event is reported once. */
  private readonly reported = new Set<bigint>();
  /**
   * Events found stored at another version than they were signed for, by stream and position: the
   * stream pass counts them at their signed version, so that a moved event is not also a gap.
   */
  private readonly moved = new Map<string, Map<bigint, number>>();
  private readonly sealedRemovals: SealedRemoval[] = [];
  private readonly gaps: StreamGap[] = [];

  constructor(
    private readonly db: KernelDatabase,
    private readonly hasher: EventHasher,
    private readonly options: VerifyOptions,
  ) {
    this.pageSize = options.pageSize ?? VERIFY_PAGE_SIZE;
    this.streamPageSize = options.streamPageSize ?? VERIFY_PAGE_SIZE;
    this.maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
  }

  async run(): Promise<IntegrityReport> {
    const startedAt = new Date();
    const sealedUpTo = await this.verifySeals();
    if (this.complete) await this.verifyUnsealed(sealedUpTo);
    if (this.complete) {
      this.checkAnchorFound(sealedUpTo);
      await this.verifyStreams();
      this.nameRemovedEvents();
    }
    const problems = this.findings.problems();
    const [firstProblem] = problems;
    return {
      intact: this.findings.count === 0,
      complete: this.complete,
      checkedEvents: this.checkedEvents,
      checkedStreams: this.checkedStreams,
      seals: this.seals,
      unsealedEvents: this.unsealedEvents,
      problemCount: this.findings.count,
      ...(firstProblem ? { firstProblem } : {}),
      problems,
      ...(this.latest ? { latestSeal: sealSummary(this.latest) } : {}),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    };
  }

  private limitReached(): boolean {
    if (this.checkedEvents < this.maxEvents) return false;
    this.complete = false;
    return true;
  }

  private add(key: OrderKey, problem: MutableProblem): Finding {
    if (problem.globalPosition !== undefined && this.reported.size < MAX_TRACKED) {
      this.reported.add(problem.globalPosition);
    }
    return this.findings.add(key, problem);
  }

  // ---- seals -------------------------------------------------------------------------------------

  /** Walks every seal in order; returns the end of the last one (where unsealed events begin). */
  private async verifySeals(): Promise<LogPosition> {
    let previousChain: Buffer = GENESIS_CHAIN;
    let previousEnd: LogPosition = LOG_START;
    let expected = 1;
    for (;;) {
      const rows = await this.db.query<SealRow>(
        `select ${SEAL_COLUMNS} from kernel.seals where seal_number > $1 order by seal_number limit $2`,
        [expected - 1, SEAL_PAGE],
      );
      for (const row of rows) {
        if (this.limitReached()) return previousEnd;
        const seal = sealOfRow(row);
        const finished = await this.verifySeal(seal, previousChain, previousEnd, expected);
        if (!finished) return previousEnd;
        this.seals += 1;
        this.latest = seal;
        previousChain = seal.chain;
        previousEnd = seal.last;
        expected = seal.sealNumber + 1;
      }
      if (rows.length < SEAL_PAGE) return previousEnd;
    }
  }

  /** Checks one seal and the events of its stretch; false when the event limit stopped it. */
  private async verifySeal(
    seal: Seal,
    previousChain: Buffer,
    previousEnd: LogPosition,
    expected: number,
  ): Promise<boolean> {
    const n = seal.sealNumber;
    const atStart = keyAt(previousEnd, 1);
    let trusted = false;
    if (n !== expected) {
      this.add(atStart, {
        kind: 'seal-broken',
        sealNumber: expected,
        detail:
          n === expected + 1
            ? `Seal ${expected} is missing (the seals go from ${expected - 1} to ${n}): it was removed`
            : `Seals ${expected}–${n - 1} are missing (the seals go from ${expected - 1} to ${n}): they were removed`,
      });
    } else if (
      seal.positions.length !== seal.eventCount ||
      !sealChain(this.hasher, previousChain, seal).equals(seal.chain)
    ) {
      this.add(atStart, {
        kind: 'seal-broken',
        sealNumber: n,
        detail: `Seal ${n} does not match its chain: its row (positions, count, last position or chain) was changed`,
      });
    } else {
      trusted = true;
    }
    const anchor = this.options.anchor;
    if (anchor && anchor.sealNumber === n) {
      this.anchorSeen = true;
      if (trusted && seal.chain.toString('hex') !== anchor.chain.toLowerCase()) {
        trusted = false;
        this.add(atStart, {
          kind: 'seal-broken',
          sealNumber: n,
          detail: `Seal ${n}'s chain is not the one recorded as anchor: the seals were rewritten from seal ${n} or earlier`,
        });
      }
    }

    // Every event of the seal's stretch of the commit order is checked whether or not the seal is
    // trusted; only a trusted seal's list says which events belong there and in what order.
    const listed = trusted ? new Set(seal.positions) : undefined;
    const found = new Map<bigint, HashedEventRow>();
    const foundOrder: bigint[] = [];
    let cursor = previousEnd;
    for (;;) {
      if (this.limitReached()) return false;
      const page = await this.db.query<HashedEventRow>(
        `select ${EVENT_COLUMNS}, hash from kernel.events
         where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           and (transaction_id, global_position) <= ($3::text::xid8, $4::bigint)
         order by transaction_id, global_position limit $5`,
        [
          cursor.transactionId.toString(),
          cursor.globalPosition.toString(),
          seal.last.transactionId.toString(),
          seal.last.globalPosition.toString(),
          this.pageSize,
        ],
      );
      const valid = await this.checkEvents(page, n);
      for (const row of page) {
        if (!listed) continue;
        const position = BigInt(row.global_position);
        if (listed.has(position)) {
          found.set(position, row);
          foundOrder.push(position);
        } else if (valid.has(position) && !this.reported.has(position)) {
          this.add(keyAt(positionOf(row)), {
            ...this.eventFields(row, n),
            kind: 'reordered',
            detail: `Seal ${n} covers this stretch of the commit order but does not list this event: its transaction id (${row.transaction_id}) was changed to move it here`,
          });
        }
      }
      const last = page[page.length - 1];
      if (last === undefined || page.length < this.pageSize) break;
      cursor = positionOf(last);
    }
    if (listed) await this.compareWithList(seal, previousEnd, found, foundOrder);
    return true;
  }

  /** Names the listed events that are gone or moved, and the first pair whose order was swapped. */
  private async compareWithList(
    seal: Seal,
    previousEnd: LogPosition,
    found: ReadonlyMap<bigint, HashedEventRow>,
    foundOrder: readonly bigint[],
  ): Promise<void> {
    const n = seal.sealNumber;
    const missing = seal.positions.filter((position) => !found.has(position));
    const elsewhere = new Map<bigint, EventRow>();
    if (missing.length > 0) {
      const rows = await this.db.query<EventRow>(
        `select ${EVENT_COLUMNS} from kernel.events where global_position = any($1::bigint[])`,
        [missing.map(String)],
      );
      for (const row of rows) elsewhere.set(BigInt(row.global_position), row);
    }
    let before = keyAt(previousEnd, 1);
    for (const position of seal.positions) {
      const row = found.get(position);
      if (row) {
        before = keyAt(positionOf(row), 1);
        continue;
      }
      const moved = elsewhere.get(position);
      if (moved) {
        if (this.reported.has(position)) continue;
        const now = keyAt(positionOf(moved));
        this.add(compareKeys(now, before) < 0 ? now : before, {
          ...this.eventFields(moved, n),
          kind: 'reordered',
          detail: `Seal ${n} lists this event after global position ${before.globalPosition}, but its transaction id (${moved.transaction_id}) now places it elsewhere in the commit order`,
        });
        continue;
      }
      const finding = this.add(before, {
        kind: 'removed',
        globalPosition: position,
        sealNumber: n,
        detail: `Seal ${n} lists an event at global position ${position}, and no stored event has that position any more: it was removed`,
      });
      if (this.sealedRemovals.length < MAX_TRACKED) {
        this.sealedRemovals.push({ globalPosition: position, finding, matched: false });
      }
    }
    const listedFound = seal.positions.filter((position) => found.has(position));
    const index = listedFound.findIndex((position, i) => foundOrder[i] !== position);
    const expectedHere = listedFound[index];
    const actualHere = foundOrder[index];
    if (index < 0 || expectedHere === undefined || actualHere === undefined) return;
    const row = found.get(actualHere);
    if (row === undefined || this.reported.has(actualHere)) return;
    this.add(keyAt(positionOf(row)), {
      ...this.eventFields(row, n),
      kind: 'reordered',
      detail: `Seal ${n} lists global position ${expectedHere} before ${actualHere}, but the commit order now has ${actualHere} first: a transaction id was changed`,
    });
  }

  /** Seal recorded as anchor that is no longer there: the seals (and maybe events) were truncated. */
  private checkAnchorFound(sealedUpTo: LogPosition): void {
    const anchor = this.options.anchor;
    if (!anchor || this.anchorSeen) return;
    this.add(keyAt(sealedUpTo, 1), {
      kind: 'seal-broken',
      sealNumber: anchor.sealNumber,
      detail: `Seal ${anchor.sealNumber}, recorded as anchor, is missing (the seals end at ${this.latest?.sealNumber ?? 0}): the log was truncated`,
    });
  }

  // ---- events ------------------------------------------------------------------------------------

  /** Events after the last seal, in commit order. */
  private async verifyUnsealed(from: LogPosition): Promise<void> {
    let cursor = from;
    for (;;) {
      if (this.limitReached()) return;
      const page = await this.db.query<HashedEventRow>(
        `select ${EVENT_COLUMNS}, hash from kernel.events
         where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         order by transaction_id, global_position limit $3`,
        [cursor.transactionId.toString(), cursor.globalPosition.toString(), this.pageSize],
      );
      await this.checkEvents(page);
      this.unsealedEvents += page.length;
      const last = page[page.length - 1];
      if (last === undefined || page.length < this.pageSize) return;
      cursor = positionOf(last);
    }
  }

  /** Recomputes each event's HMAC; returns the positions of those that verify. */
  private async checkEvents(page: readonly HashedEventRow[], sealNumber?: number): Promise<Set<bigint>> {
    const valid = new Set<bigint>();
    if (page.length === 0) return valid;
    const positions = page.map((row) => BigInt(row.global_position));
    for (const row of page) {
      this.checkedEvents += 1;
      const position = BigInt(row.global_position);
      const place: HashedPlace = { streamVersion: Number(row.stream_version), globalPosition: position };
      const digest = this.hasher.digest(contentOf(row));
      if (this.placedHash(digest, place).equals(row.hash)) {
        valid.add(position);
      } else {
        const signedFor = await this.signedPlace(row, digest, positions);
        if (signedFor && signedFor.streamVersion !== place.streamVersion) {
          const moved = this.moved.get(row.stream_id) ?? new Map<bigint, number>();
          this.moved.set(row.stream_id, moved.set(position, signedFor.streamVersion));
        }
        this.add(keyAt(positionOf(row)), {
          ...this.eventFields(row, sealNumber),
          kind: signedFor ? 'reordered' : 'changed',
          detail: signedFor
            ? `Stored as version ${place.streamVersion} at global position ${position}, but signed as version ${signedFor.streamVersion} at global position ${signedFor.globalPosition}: it was moved`
            : 'Its content (data, type, metadata, time) or hash no longer matches its HMAC: it was changed',
        });
      }
    }
    return valid;
  }

  private placedHash(digest: Buffer, place: HashedPlace): Buffer {
    const inner = createHash('sha256')
      .update(this.hasher.innerKey)
      .update(placedMessage(digest, place))
      .digest();
    return createHash('sha256').update(this.hasher.outerKey).update(inner).digest();
  }

  /**
   * Where an event whose hash fails was signed for, if it was moved rather than changed: its rank in
   * its stream or a neighbouring version, at its own global position or at another of its page.
   */
  private async signedPlace(
    row: HashedEventRow,
    digest: Buffer,
    pagePositions: readonly bigint[],
  ): Promise<HashedPlace | undefined> {
    if (this.probesLeft <= 0) return undefined;
    this.probesLeft -= 1;
    const version = Number(row.stream_version);
    const position = BigInt(row.global_position);
    // Within a stream, versions follow global positions: an append draws its positions only once the
    // stream's previous version is written.
    const [rank] = await this.db.query<{ rank: string }>(
      'select count(*) as rank from kernel.events where stream_id = $1 and global_position <= $2::bigint',
      [row.stream_id, position.toString()],
    );
    const others = [Number(rank?.rank ?? 0), version - 1, version + 1].filter(
      (candidate, index, all) => candidate > 0 && candidate !== version && all.indexOf(candidate) === index,
    );
    const matches = (place: HashedPlace) => this.placedHash(digest, place).equals(row.hash);
    for (const streamVersion of others) {
      if (matches({ streamVersion, globalPosition: position }))
        return { streamVersion, globalPosition: position };
    }
    for (const globalPosition of pagePositions) {
      if (globalPosition === position) continue;
      for (const streamVersion of [version, ...others]) {
        if (matches({ streamVersion, globalPosition })) return { streamVersion, globalPosition };
      }
    }
    return undefined;
  }

  private eventFields(row: EventRow, sealNumber?: number): Omit<MutableProblem, 'kind' | 'detail'> {
    return {
      globalPosition: BigInt(row.global_position),
      streamId: row.stream_id,
      streamVersion: Number(row.stream_version),
      eventId: row.event_id,
      ...(sealNumber !== undefined ? { sealNumber } : {}),
    };
  }

  // ---- streams -----------------------------------------------------------------------------------

  /**
   * Every stream's events must be exactly versions 1…N, N being its highest version: a gap is a
   * removed event, a repeated version a copied one. Nothing marks a stream's end, so removing its
   * newest events leaves a shorter, consistent stream: only a seal that lists them shows it.
   */
  private async verifyStreams(): Promise<void> {
    let after = '';
    for (;;) {
      // An index-only scan of (stream_id, stream_version), grouped in index order: a page costs its
      // streams' index entries, however large the store.
      const rows = await this.db.query<StreamTally>(
        `select stream_id, count(*) as n, count(distinct stream_version) as distinct_n,
           min(stream_version) as min_version, max(stream_version) as max_version
         from kernel.events where stream_id > $1
         group by stream_id order by stream_id limit $2`,
        [after, this.streamPageSize],
      );
      for (const row of rows) {
        this.checkedStreams += 1;
        const highest = Number(row.max_version);
        const contiguous =
          Number(row.n) === highest && Number(row.distinct_n) === highest && Number(row.min_version) === 1;
        if (!contiguous || this.moved.has(row.stream_id)) await this.inspectStream(row.stream_id);
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < this.streamPageSize) return;
      after = last.stream_id;
    }
  }

  /** Finds the missing and repeated versions of a stream, counting moved events at their signed version. */
  private async inspectStream(streamId: string): Promise<void> {
    const moved = this.moved.get(streamId) ?? new Map<bigint, number>();
    const steps = await this.db.query<StreamStep>(
      `select v, tx, gp, prev_v, prev_tx, prev_gp, event_id from (
         select v, tx, gp, event_id,
           lag(v, 1, 0::bigint) over w as prev_v,
           lag(tx) over w as prev_tx,
           lag(gp) over w as prev_gp
         from (
           select coalesce(m.signed, e.stream_version) as v, e.transaction_id as tx, e.global_position as gp,
             e.event_id
           from kernel.events e
           left join unnest($2::bigint[], $3::bigint[]) as m(gp, signed) on m.gp = e.global_position
           where e.stream_id = $1
         ) s
         window w as (order by v, gp)
       ) x
       where v - prev_v <> 1
       order by v, gp limit $4`,
      [streamId, [...moved.keys()].map(String), [...moved.values()], MAX_GAP_ROWS],
    );
    for (const step of steps) {
      const v = Number(step.v);
      const previous = Number(step.prev_v);
      const here: LogPosition = { transactionId: BigInt(step.tx), globalPosition: BigInt(step.gp) };
      if (v === previous) {
        // A copy stored at another position fails its HMAC there and is reported already.
        const other = step.prev_gp === null ? undefined : BigInt(step.prev_gp);
        if (this.reported.has(here.globalPosition) || (other !== undefined && this.reported.has(other)))
          continue;
        this.add(keyAt(here), {
          kind: 'stream-version-mismatch',
          globalPosition: here.globalPosition,
          streamId,
          streamVersion: v,
          eventId: step.event_id,
          detail: `Version ${v} of stream ${streamId} is stored more than once: an event was copied`,
        });
        continue;
      }
      const before =
        step.prev_tx !== null && step.prev_gp !== null
          ? { transactionId: BigInt(step.prev_tx), globalPosition: BigInt(step.prev_gp) }
          : undefined;
      this.gaps.push({
        streamId,
        from: previous + 1,
        to: v - 1,
        after: before?.globalPosition,
        before: here.globalPosition,
        key: before ? keyAt(before, 1) : keyAt(here, -1),
      });
    }
  }

  /**
   * A gap in a stream and events missing from seals are often the same events: when a gap's
   * missing versions match exactly the sealed removals between its neighbours, the sealed ones
   * (which know their global positions) are given the stream and version, and the gap is not
   * reported twice. Within a stream, versions follow global positions.
   */
  private nameRemovedEvents(): void {
    const removals = [...this.sealedRemovals].sort((a, b) =>
      a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0,
    );
    for (const gap of this.gaps) {
      const count = gap.to - gap.from + 1;
      const candidates: SealedRemoval[] = [];
      for (const removal of removals) {
        if ((gap.after !== undefined && removal.globalPosition <= gap.after) || removal.matched) continue;
        if (removal.globalPosition >= gap.before) break;
        candidates.push(removal);
        if (candidates.length > count) break;
      }
      if (candidates.length === count) {
        candidates.forEach((removal, index) => {
          removal.matched = true;
          const problem = removal.finding.problem;
          problem.streamId = gap.streamId;
          problem.streamVersion = gap.from + index;
          problem.detail = `Version ${gap.from + index} of stream ${gap.streamId} is missing; ${problem.detail}`;
        });
        continue;
      }
      const where = `stored ${gap.after !== undefined ? `after global position ${gap.after} and ` : ''}before ${gap.before}`;
      const next = `version ${gap.to + 1} is stored`;
      this.add(gap.key, {
        kind: 'removed',
        streamId: gap.streamId,
        streamVersion: gap.from,
        detail:
          gap.from === gap.to
            ? `Version ${gap.from} of stream ${gap.streamId} is missing though ${next} (it was ${where}): it was removed`
            : `Versions ${gap.from}–${gap.to} of stream ${gap.streamId} are missing though ${next} (they were ${where}): they were removed`,
      });
    }
  }
}
