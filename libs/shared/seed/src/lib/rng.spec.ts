import fc from 'fast-check';
import { Rng } from './rng';

function draw(rng: Rng, count = 8): number[] {
  return Array.from({ length: count }, () => rng.uint32());
}

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(Rng.fromSeed('bandstand'))).toEqual(draw(Rng.fromSeed('bandstand')));
    expect(draw(Rng.fromSeed('bandstand'))).not.toEqual(draw(Rng.fromSeed('bandstand2')));
  });

  it('keeps producing the sequence it produced when this test was written', () => {
    // Pinned: a change here changes every demo data set ever generated from a seed.
    expect(draw(Rng.fromSeed('bandstand'), 4)).toEqual(GOLDEN_BANDSTAND);
    expect(Rng.fromSeed('bandstand').derive('catalog').uuid()).toBe(GOLDEN_CATALOG_UUID);
  });

  it('derives generators that depend on the seed and the name only', () => {
    const root = Rng.fromSeed('s');
    const before = draw(root.derive('catalog'));
    root.uint32();
    draw(root.derive('commerce'));
    expect(draw(root.derive('catalog'))).toEqual(before);
    expect(draw(Rng.fromSeed('s').derive('catalog'))).toEqual(before);
    expect(draw(Rng.fromSeed('s').derive('commerce'))).not.toEqual(before);
    expect(draw(Rng.fromSeed('t').derive('catalog'))).not.toEqual(before);
  });

  it('int stays within its bounds, both included', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        (seed, min, width) => {
          const rng = Rng.fromSeed(seed);
          for (let i = 0; i < 20; i++) {
            const value = rng.int(min, min + width);
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(min);
            expect(value).toBeLessThanOrEqual(min + width);
          }
        },
      ),
    );
  });

  it('int reaches both ends of a small range', () => {
    const rng = Rng.fromSeed('ends');
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('next and float stay in their half-open ranges', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (seed, min, width) => {
          const rng = Rng.fromSeed(seed);
          const unit = rng.next();
          expect(unit).toBeGreaterThanOrEqual(0);
          expect(unit).toBeLessThan(1);
          const value = rng.float(min, min + width);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + width);
        },
      ),
    );
  });

  it('pick returns an element of the list', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer(), { minLength: 1 }), (seed, items) => {
        expect(items).toContain(Rng.fromSeed(seed).pick(items));
      }),
    );
    expect(() => Rng.fromSeed('x').pick([])).toThrow('at least one item');
  });

  it('weighted never picks a choice of weight 0 and picks by weight', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(
          fc.record({
            value: fc.integer(),
            weight: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1000, noNaN: true })),
          }),
          {
            minLength: 1,
          },
        ),
        (seed, choices) => {
          fc.pre(choices.some((choice) => choice.weight > 0));
          const labelled = choices.map((choice, index) => ({ value: index, weight: choice.weight }));
          const chosen = Rng.fromSeed(seed).weighted(labelled);
          expect(labelled[chosen]?.weight).toBeGreaterThan(0);
        },
      ),
    );
    const rng = Rng.fromSeed('weights');
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++)
      counts[
        rng.weighted([
          { value: 'a' as const, weight: 3 },
          { value: 'b' as const, weight: 1 },
        ])
      ]++;
    expect(counts.a / 4000).toBeGreaterThan(0.7);
    expect(counts.a / 4000).toBeLessThan(0.8);
  });

  it('shuffle and sample return permutations and subsets of the input, leaving it alone', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer()), fc.nat(), (seed, items, k) => {
        const rng = Rng.fromSeed(seed);
        const original = [...items];
        const shuffled = rng.shuffle(items);
        expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(items).toEqual(original);
        const count = items.length === 0 ? 0 : k % (items.length + 1);
        const sample = rng.sample(items, count);
        expect(sample).toHaveLength(count);
        for (const value of sample) expect(items).toContain(value);
      }),
    );
  });

  it('dateBetween stays in [from, to)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 1, max: 1e11 }),
        (seed, start, width) => {
          const from = new Date(start);
          const to = new Date(start + width);
          const date = Rng.fromSeed(seed).dateBetween(from, to);
          expect(date.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(date.getTime()).toBeLessThan(to.getTime());
        },
      ),
    );
    expect(() => Rng.fromSeed('x').dateBetween(new Date(5), new Date(5))).toThrow('from < to');
  });

  it('gaussian is finite and centred on its mean with its spread', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(Number.isFinite(Rng.fromSeed(seed).gaussian(10, 2))).toBe(true);
      }),
    );
    const rng = Rng.fromSeed('normal');
    const values = Array.from({ length: 20_000 }, () => rng.gaussian(50, 5));
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(50, 0);
    expect(sd).toBeGreaterThan(4.8);
    expect(sd).toBeLessThan(5.2);
  });

  it('uuid has the version 4 layout', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(Rng.fromSeed(seed).uuid()).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }),
    );
  });
});

// Checked against bryc's reference cyrb128 + sfc32 (after the 15 discarded outputs).
const GOLDEN_BANDSTAND = [2291133219, 432994341, 955722859, 854537365];
const GOLDEN_CATALOG_UUID = '565ab521-dce4-4619-9e92-eac9d9d6879e';
