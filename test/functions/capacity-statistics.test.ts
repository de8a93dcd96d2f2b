/** core/statistics.ts: mean, median and population variance (used by RAMP_TIME, SALES_CYCLE, TERRITORY_BALANCE). */
import fc from 'fast-check';
import { mean, median, populationVariance } from '../../core/statistics';

describe('mean', () => {
  it('averages a list or the used part of a buffer', () => {
    expect(mean([90, 120])).toBe(105);
    expect(mean(new Float64Array([30, 60, 10, 999, 999]), 3)).toBe(100 / 3);
    expect(mean([-5])).toBe(-5);
  });

  it('is NaN for an empty list', () => {
    expect(mean([])).toBeNaN();
    expect(mean(new Float64Array(4), 0)).toBeNaN();
  });

  it('does not overflow on values near the largest double', () => {
    expect(mean([1e308, 1e308, 1e308])).toBe(1e308);
    expect(mean([1.7e308, 1.7e308])).toBeCloseTo(1.7e308, -300);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([5, 5, 5, 5])).toBe(5);
    expect(median(new Float64Array([9, 1, 100, -100]), 2)).toBe(5);
  });

  it('is NaN for an empty list and leaves the input alone', () => {
    expect(median([])).toBeNaN();
    const input = [3, 1, 2, 9];
    median(input);
    expect(input).toEqual([3, 1, 2, 9]);
  });

  it('handles sorted, reversed and all-equal long lists', () => {
    const n = 100001;
    const sorted = Float64Array.from({ length: n }, (_, i) => i);
    expect(median(sorted)).toBe(50000);
    expect(median(sorted.slice().reverse())).toBe(50000);
    expect(median(new Float64Array(n).fill(2))).toBe(2);
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
  });

  it('agrees with sorting', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (list) => {
        const sorted = [...list].sort((a, b) => a - b);
        const m = sorted.length >> 1;
        const want = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        expect(median(list)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('populationVariance', () => {
  it('divides by n, not n − 1', () => {
    expect(populationVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBe(4);
    expect(populationVariance([3, 3])).toBe(0);
    expect(populationVariance([])).toBeNaN();
  });
});
