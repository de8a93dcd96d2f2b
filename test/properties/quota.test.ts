import fc from 'fast-check';
import { call } from '../support/call';

/** A result as rows, whether it spilled or was one cell. */
const grid = (result: unknown) => (Array.isArray(result) ? result : [[result]]) as unknown[][];

const weights = fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true })), {
  minLength: 1,
  maxLength: 40,
});

describe('ALLOCATE_QUOTA', () => {
  it('shares add up to the target exactly, in whole units of round_to, and follow the weights order', () => {
    fc.assert(
      fc.property(
        weights.filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(1, 100, 1000),
        (ws, units, roundTo) => {
          const target = units * roundTo;
          const shares = grid(call('ALLOCATE_QUOTA', target, ws.map((w) => [w]), roundTo)).map((row) => row[0]);
          const padded = ws.map((_w, i) => (typeof shares[i] === 'number' ? shares[i] : 0));
          expect(padded.reduce((a, b) => a + b, 0)).toBe(target);
          for (const share of padded) expect(share % roundTo).toBe(0);
          for (let i = 0; i < ws.length; i++) {
            for (let j = 0; j < ws.length; j++) if (ws[i] > ws[j]) expect(padded[i]).toBeGreaterThanOrEqual(padded[j]);
          }
        },
      ),
    );
  });

  it('gives a heavier weight no less, even when two weights differ only in their last bits (found by fast-check)', () => {
    const ws = [903, 64, 999.9999999999985, 233, 999.9999999999986, 670];
    const shares = grid(call('ALLOCATE_QUOTA', 5304638, ws.map((w) => [w]), 1)).map((row) => row[0] as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(5304638);
    expect(shares[4]).toBeGreaterThanOrEqual(shares[2]);
  });

  it('adds up to the cent with the default rounding', () => {
    fc.assert(
      fc.property(weights.filter((w) => w.some((x) => x > 0)), fc.integer({ min: 0, max: 100_000_000 }), (ws, cents) => {
        const shares = grid(call('ALLOCATE_QUOTA', cents / 100, ws.map((w) => [w])));
        const totalCents = shares.reduce((sum, [share]) => sum + (typeof share === 'number' ? Math.round(share * 100) : 0), 0);
        expect(totalCents).toBe(cents);
      }),
    );
  });
});

describe('QUOTA_ATTAINMENT_RATE', () => {
  it('lies in [0, 1] and never rises as the threshold rises', () => {
    const reps = fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(reps, fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (rows, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const actuals = rows.map(([actual]) => [actual]);
        const quotas = rows.map(([, quota]) => [quota]);
        const atLow = call('QUOTA_ATTAINMENT_RATE', actuals, quotas, low) as number;
        const atHigh = call('QUOTA_ATTAINMENT_RATE', actuals, quotas, high) as number;
        expect(atLow).toBeGreaterThanOrEqual(0);
        expect(atLow).toBeLessThanOrEqual(1);
        expect(atHigh).toBeLessThanOrEqual(atLow);
      }),
    );
  });
});
