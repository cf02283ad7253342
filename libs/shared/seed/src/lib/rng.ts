/**
 * cyrb128: hashes a string into four 32-bit words, the usual way to seed sfc32 from text.
 * (bryc, public domain; https://github.com/bryc/code/blob/master/jshash/PRNGs.md)
 */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const TWO_POW_32 = 0x1_0000_0000;

/** One choice of {@link Rng.weighted}: a value and its relative weight (≥ 0). */
export interface WeightedChoice<T> {
  readonly value: T;
  readonly weight: number;
}

/**
 * A seeded pseudo-random generator (sfc32, Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state) with the helpers demo data needs. The same seed always yields the same sequence,
 * on every platform: only 32-bit integer arithmetic is involved.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(
    state: readonly [number, number, number, number],
    private readonly seedText: string,
  ) {
    [this.a, this.b, this.c, this.d] = state;
    // The first outputs of sfc32 still show the seed's structure; discard them.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A generator for a textual seed. */
  static fromSeed(seed: string): Rng {
    return new Rng(cyrb128(seed), seed);
  }

  /**
   * An independent generator for a named part (a context, a table…), a function of this
   * generator's seed and the name only: deriving or drawing elsewhere never changes it.
   */
  derive(name: string): Rng {
    const seed = `${this.seedText}\u241f${name}`;
    return new Rng(cyrb128(seed), seed);
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.uint32() >>> 5;
    const low = this.uint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A whole number from `min` to `max`, both included, without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs whole numbers with min <= max, got ${min} and ${max}`);
    }
    const range = max - min + 1;
    if (range <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % range);
      let value = this.uint32();
      while (value >= limit) value = this.uint32();
      return min + (value % range);
    }
    return min + Math.floor(this.next() * range);
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new RangeError(`float(min, max) needs finite numbers with min <= max, got ${min} and ${max}`);
    }
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** One value, each as likely as its weight; values of weight 0 are never chosen. */
  weighted<T>(choices: readonly WeightedChoice<T>[]): T {
    let total = 0;
    for (const choice of choices) {
      if (!Number.isFinite(choice.weight) || choice.weight < 0) {
        throw new RangeError(`weighted() needs finite weights of at least 0, got ${choice.weight}`);
      }
      total += choice.weight;
    }
    if (total <= 0) throw new RangeError('weighted() needs at least one choice with a positive weight');
    let target = this.next() * total;
    let last: WeightedChoice<T> | undefined;
    for (const choice of choices) {
      if (choice.weight === 0) continue;
      last = choice;
      if (target < choice.weight) return choice.value;
      target -= choice.weight;
    }
    // Rounding can leave a sliver past the last weight: it belongs to the last positive choice.
    if (last === undefined)
      throw new RangeError('weighted() needs at least one choice with a positive weight');
    return last.value;
  }

  /** A shuffled copy of the list (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** `count` distinct elements of the list, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (!Number.isInteger(count) || count < 0 || count > items.length) {
      throw new RangeError(`sample() needs 0 <= count <= ${items.length}, got ${count}`);
    }
    return this.shuffle(items).slice(0, count);
  }

  /** An instant in [from, to), to the millisecond. */
  dateBetween(from: Date, to: Date): Date {
    const start = from.getTime();
    const end = to.getTime();
    if (Number.isNaN(start) || Number.isNaN(end) || start >= end) {
      throw new RangeError(
        `dateBetween() needs valid dates with from < to, got ${from.toString()} and ${to.toString()}`,
      );
    }
    return new Date(this.int(start, end - 1));
  }

  /** A normally distributed number (Box–Muller). */
  gaussian(mean = 0, standardDeviation = 1): number {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A UUID (version 4 layout) drawn from this generator: reproducible ids for demo rows. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => this.uint32() & 0xff);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
