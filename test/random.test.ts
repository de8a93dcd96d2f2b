/** The shared seeded generator (core/random.ts) behind the demo data and the bench inputs. */
import fc from 'fast-check';
import { createRandom, mulberry32 } from '../core/random';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('returns floats in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const next = mulberry32(s);
        for (let i = 0; i < 50; i++) {
          const x = next();
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });
});

describe('createRandom', () => {
  it('int stays within its inclusive bounds and reaches both ends', () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted never picks an item of weight 0', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const random = createRandom(s);
        for (let i = 0; i < 20; i++) expect(random.weighted([['a', 1], ['never', 0], ['b', 3]])).not.toBe('never');
      }),
    );
  });

  it('shuffle returns the same items in some order and leaves its input alone', () => {
    fc.assert(
      fc.property(seed, fc.array(fc.integer(), { maxLength: 30 }), (s, items) => {
        const before = [...items];
        const shuffled = createRandom(s).shuffle(items);
        expect(items).toEqual(before);
        expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
      }),
    );
  });
});
