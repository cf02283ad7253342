import { randomUUID } from 'node:crypto';
import { assertStructurallyEqual, FIXED_NOW_ISO } from '@bandstand/shared/domain';
import { type KernelDatabase, type KernelTransaction } from '../sql/kernel-database';
import { type EventMetadata, type StoredEvent } from '../store/event';
import { EVENT_COLUMNS, type EventRow, type EventStore } from '../store/event-store';

/** An event a projection specification feeds: a type and data, and optionally where and by whom. */
export interface GivenEvent {
  readonly type: string;
  readonly data: unknown;
  /** The stream it is appended to; the specification's own `spec-<uuid>` stream when absent. */
  readonly streamId?: string;
  readonly metadata?: Partial<EventMetadata>;
  readonly schemaVersion?: number;
  /** When it was recorded; the specification's `recordedAt` when absent. */
  readonly recordedAt?: Date | string;
}

/** A projection as the specification drives it: an inline or asynchronous projection's handler. */
export interface ProjectionUnderTest {
  handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void>;
  truncate?(tx: KernelTransaction): Promise<void>;
}

/** Options of {@link projectionSpec}. */
export interface ProjectionSpecOptions {
  /** Empty the projection before feeding it (default true), so that rows of earlier specs do not count. */
  readonly truncate?: boolean;
  /** Events per `handle` call (default: all in one call); 1 checks that batching does not change the rows. */
  readonly batchSize?: number;
  /** The time recorded with the given events, so that timestamps in rows are predictable ({@link FIXED_NOW_ISO}). */
  readonly recordedAt?: Date | string;
}

/** The metadata given events carry unless they say otherwise. */
export const PROJECTION_SPEC_METADATA: EventMetadata = {
  correlationId: 'projection-spec',
  causationId: null,
  actor: 'system:projection-spec',
  tenantId: null,
};

/** The last step of a projection specification. */
export interface ProjectionThen {
  /**
   * Feeds the events and checks that `sql` (ordered, run after the commit) returns exactly
   * `expectedRows`, compared structurally (jest's asymmetric matchers work inside). Rows come as the
   * kernel's SQL returns them: int4 and jsonb as values; int8, numeric and timestamptz as text (the
   * latter in the session's time zone, so format it in the SQL, e.g. `to_char(at at time zone 'UTC', …)`).
   * Throws a SpecificationFailure naming each difference.
   */
  thenRows(sql: string, expectedRows: readonly object[], params?: readonly unknown[]): Promise<void>;
  /** Feeds the events and returns them as stored, for checks of another kind. */
  run(): Promise<readonly StoredEvent[]>;
}

/** The first step of a projection specification. */
export interface ProjectionGiven {
  given(events: readonly GivenEvent[]): ProjectionThen;
}

/** What a specification needs of the kernel: a {@link KernelTestHarness} will do. */
export interface ProjectionSpecKernel {
  readonly db: KernelDatabase;
  readonly store: EventStore;
}

async function feed(
  projection: ProjectionUnderTest,
  kernel: ProjectionSpecKernel,
  events: readonly GivenEvent[],
  options: ProjectionSpecOptions,
): Promise<readonly StoredEvent[]> {
  const ownStream = `spec-${randomUUID()}`;
  const batchSize = options.batchSize ?? Math.max(events.length, 1);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Batch size ${batchSize} is not ≥ 1`);
  }
  return kernel.db.transaction(async (tx) => {
    if (options.truncate !== false) await projection.truncate?.(tx);
    const positions: string[] = [];
    for (const event of events) {
      const result = await kernel.store.append(
        event.streamId ?? ownStream,
        [{ type: event.type, data: event.data, schemaVersion: event.schemaVersion }],
        {
          expectedVersion: 'any',
          metadata: { ...PROJECTION_SPEC_METADATA, ...event.metadata },
          recordedAt: new Date(event.recordedAt ?? options.recordedAt ?? FIXED_NOW_ISO),
        },
      );
      positions.push(...result.events.map((appended) => appended.globalPosition.toString()));
    }
    // Read back, so that the projection sees the events exactly as the runners hand them over.
    const rows = await tx.query<EventRow>(
      `select ${EVENT_COLUMNS} from kernel.events where global_position = any($1::bigint[]) order by global_position`,
      [positions],
    );
    const stored = rows.map((row) => kernel.store.toStoredEvent(row));
    for (let start = 0; start < stored.length; start += batchSize) {
      await projection.handle(stored.slice(start, start + batchSize), tx);
    }
    // Entities persisted on tx.em are flushed at commit, like in the runners.
    return stored;
  });
}

/**
 * A given-events/then-rows specification of a projection, on a real database:
 *
 *     await projectionSpec(new ReleaseListProjection(), kernel)
 *       .given([{ type: 'ReleaseCreated', data: { releaseId: 'r1', title: 'Blue' } }])
 *       .thenRows('select release_id, title from catalog.release_list order by release_id', [
 *         { release_id: 'r1', title: 'Blue' },
 *       ]);
 *
 * The events are appended to the event store and handed to `handle` in one KernelTransaction,
 * after `truncate` (unless disabled); the rows are read once it has committed.
 */
export function projectionSpec(
  projection: ProjectionUnderTest,
  kernel: ProjectionSpecKernel,
  options: ProjectionSpecOptions = {},
): ProjectionGiven {
  return {
    given: (events) => ({
      run: () => feed(projection, kernel, events, options),
      async thenRows(sql, expectedRows, params = []) {
        await feed(projection, kernel, events, options);
        const rows = await kernel.db.query(sql, params);
        assertStructurallyEqual(
          rows,
          expectedRows,
          `projectionSpec: the rows of \`${sql.replace(/\s+/g, ' ').trim()}\` differ from the expected ones`,
        );
      },
    }),
  };
}
