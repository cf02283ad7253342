import { randomUUID } from 'node:crypto';

/** The data of a benchmark event: a royalty usage line, about 250 bytes of JSON. */
export type UsageLine = {
  readonly lineId: string;
  readonly isrc: string;
  readonly territory: string;
  readonly platform: string;
  readonly units: number;
  readonly amountMicros: string;
  readonly currency: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly reportId: string;
};

/** The one event type every contender appends. */
export const BENCH_EVENT_TYPE = 'UsageLineRecorded';

/** An event as every contender receives it; each adds ids and metadata its own way. */
export interface BenchEvent {
  readonly type: typeof BENCH_EVENT_TYPE;
  readonly data: UsageLine;
}

/** Who appended, as the store records it (and the others get as their metadata). */
export interface BenchMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string;
  readonly tenantId: string | null;
}

const TERRITORIES = ['FR', 'DE', 'US', 'GB', 'BR', 'JP', 'NG'];
const PLATFORMS = ['spotify', 'apple-music', 'deezer', 'youtube', 'tidal'];

/** `count` events for one append of a client; `sequence` makes their content differ. */
export function benchEvents(count: number, sequence: number): BenchEvent[] {
  const events: BenchEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const n = sequence * count + index;
    events.push({
      type: BENCH_EVENT_TYPE,
      data: {
        lineId: `line-${n}`,
        isrc: `FRZ03${String(26_000_000 + (n % 99_999)).slice(-7)}`,
        territory: TERRITORIES[n % TERRITORIES.length] ?? 'FR',
        platform: PLATFORMS[n % PLATFORMS.length] ?? 'spotify',
        units: 1 + (n % 977),
        amountMicros: String(1_000 + ((n * 7_919) % 9_000_000)),
        currency: 'EUR',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        reportId: 'dsr-2026-10-bench',
      },
    });
  }
  return events;
}

/** The metadata of one append: a fresh correlation id, as a command would bring. */
export function benchMetadata(): BenchMetadata {
  return { correlationId: randomUUID(), causationId: null, actor: 'system:bench', tenantId: 'tenant-bench' };
}
