/** Properties of the commission functions that must hold for every plan, not just the worked examples. */
import fc from 'fast-check';
import type { HostArg } from '../../core';
import { call, column } from '../support/call';

type Table = number[][];

/** A tier table: bounds ascending from 0, rates in [0, 1]; `ascending` sorts the rates too. */
function tierTable(ascending = false, maxBoundStep = 200000): fc.Arbitrary<Table> {
  return fc
    .array(fc.tuple(fc.integer({ min: 1, max: maxBoundStep }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 })
    .map((steps) => {
      const rates = steps.map(([, rate]) => rate);
      if (ascending) rates.sort((a, b) => a - b);
      let bound = 0;
      return steps.map(([step], k) => {
        const row = [bound, rates[k]];
        bound += step;
        return row;
      });
    });
}

const amount = fc.oneof(fc.integer({ min: -200000, max: 2000000 }), fc.double({ min: -1e6, max: 1e7, noNaN: true }));
const method = fc.constantFrom('marginal', 'retroactive');

function commission(x: number, tiers: Table, how = 'marginal', prior?: number, quota?: number): number {
  const result = call('COMMISSION', x, tiers, how, prior ?? null, quota ?? null);
  if (typeof result !== 'number') throw new Error(`COMMISSION(${x}) gave ${JSON.stringify(result)}`);
  return result;
}

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

describe('COMMISSION properties', () => {
  it('marginal never decreases as the amount grows', () => {
    fc.assert(
      fc.property(tierTable(), amount, amount, (tiers, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(commission(low, tiers)).toBeLessThanOrEqual(commission(high, tiers));
      }),
    );
  });

  it('marginal is continuous: a small step moves it by at most the top rate times the step', () => {
    fc.assert(
      fc.property(tierTable(), amount, fc.double({ min: 0, max: 100, noNaN: true }), (tiers, x, step) => {
        const topRate = Math.max(...tiers.map(([, rate]) => rate));
        const moved = commission(x + step, tiers) - commission(x, tiers);
        expect(moved).toBeGreaterThanOrEqual(0);
        expect(moved).toBeLessThanOrEqual(topRate * step + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });

  it('with ascending rates, retroactive pays at least marginal', () => {
    fc.assert(
      fc.property(tierTable(true), amount, (tiers, x) => {
        const retroactive = commission(x, tiers, 'retroactive');
        const marginal = commission(x, tiers, 'marginal');
        expect(retroactive + 1e-9 * Math.max(1, Math.abs(x))).toBeGreaterThanOrEqual(marginal);
      }),
    );
  });

  it('COMMISSION(a, prior = p) + COMMISSION(p) = COMMISSION(p + a), by either method', () => {
    fc.assert(
      fc.property(tierTable(), method, amount, amount, (tiers, how, a, p) => {
        const split = commission(a, tiers, how, p) + commission(p, tiers, how);
        const whole = commission(p + a, tiers, how);
        expect(close(split, whole, Math.abs(p) + Math.abs(a))).toBe(true);
      }),
    );
  });

  it('bounds as shares of quota pay what the same bounds as amounts pay', () => {
    fc.assert(
      fc.property(tierTable(false, 150), method, amount, fc.integer({ min: 1, max: 1000000 }), (percents, how, x, quota) => {
        const shares = percents.map(([bound, rate]) => [bound / 100, rate]);
        const amounts = shares.map(([bound, rate]) => [bound * quota, rate]);
        const ofQuota = commission(x, shares, how, undefined, quota);
        const direct = commission(x, amounts, how);
        // Retroactive jumps at a bound: where x/quota and bound × quota round to opposite sides, allow one tier's difference.
        if (how === 'retroactive' && !close(ofQuota, direct, Math.abs(x))) {
          expect(shares.some(([bound]) => Math.abs(x - bound * quota) <= 1e-6 * Math.max(1, Math.abs(x)))).toBe(true);
        } else expect(close(ofQuota, direct, Math.abs(x))).toBe(true);
      }),
    );
  });

  it('over a column answers what it answers row by row, blanks staying blank', () => {
    const cell = fc.oneof({ weight: 4, arbitrary: amount as fc.Arbitrary<number | null> }, { weight: 1, arbitrary: fc.constant(null) });
    fc.assert(
      fc.property(tierTable(), method, fc.array(cell, { minLength: 2, maxLength: 12 }), (tiers, how, xs) => {
        const result = call('COMMISSION', column(...xs), tiers, how) as unknown[][];
        const lastFilled = xs.reduce<number>((last, x, i) => (x === null ? last : i), -1);
        expect(result.length).toBe(Math.max(lastFilled + 1, 1));
        result.forEach(([got], i) => expect(got).toBe(xs[i] === null ? '' : commission(xs[i] as number, tiers, how)));
      }),
    );
  });
});

/** A rising pay curve: attainment strictly ascending, payouts never falling. */
const risingCurve: fc.Arbitrary<Table> = fc
  .uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 6 })
  .chain((points) =>
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: points.length, maxLength: points.length }).map((steps) => {
      const xs = [...points].sort((a, b) => a - b);
      let payout = 0;
      return xs.map((x, k) => {
        payout += steps[k];
        return [x / 100, Math.min(payout, 1000) / 100];
      });
    }),
  );

const attainment = fc.oneof(fc.double({ min: -1, max: 5, noNaN: true }), fc.double({ min: 0, max: 1e300, noNaN: true }));

describe('PAYOUT_CURVE properties', () => {
  it('is monotone for a monotone curve', () => {
    fc.assert(
      fc.property(risingCurve, fc.double({ min: -1, max: 5, noNaN: true }), fc.double({ min: -1, max: 5, noNaN: true }), (curve, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(call('PAYOUT_CURVE', low, curve) as number).toBeLessThanOrEqual(call('PAYOUT_CURVE', high, curve) as number);
      }),
    );
  });

  it('never exceeds its cap and never goes below 0', () => {
    fc.assert(
      fc.property(risingCurve, attainment, fc.double({ min: 0, max: 10, noNaN: true }), (curve, x, cap) => {
        const payout = call('PAYOUT_CURVE', x, curve, cap) as number;
        expect(payout).toBeGreaterThanOrEqual(0);
        expect(payout).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('passes through every point of the curve', () => {
    fc.assert(
      fc.property(risingCurve, (curve) => {
        const result = call('PAYOUT_CURVE', column(...curve.map(([x]) => x)), curve) as number[][];
        expect(result.map(([payout]) => payout)).toEqual(curve.map(([, payout]) => payout));
      }),
    );
  });
});

/** Paid and balance columns of a DRAW_SCHEDULE result, header checked and dropped. */
function schedule(earned: number[], draw: number, recoverable: boolean): { paid: number[]; balance: number[] } {
  const [header, ...rows] = call('DRAW_SCHEDULE', column(...earned), draw, recoverable) as (string | number)[][];
  expect(header).toEqual(['Paid', 'Balance']);
  expect(rows.length).toBe(earned.length);
  return { paid: rows.map(([paid]) => paid as number), balance: rows.map(([, balance]) => balance as number) };
}

const earnings = fc.array(fc.oneof(fc.integer({ min: -5000, max: 20000 }), fc.double({ min: 0, max: 20000, noNaN: true })), {
  minLength: 1,
  maxLength: 24,
});
const drawAmount = fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.double({ min: 0, max: 10000, noNaN: true }));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('DRAW_SCHEDULE properties', () => {
  it('a recoverable draw pays at least the draw every period and its balance never goes negative', () => {
    fc.assert(
      fc.property(earnings, drawAmount, (earned, draw) => {
        const { paid, balance } = schedule(earned, draw, true);
        paid.forEach((p) => expect(p).toBeGreaterThanOrEqual(draw));
        balance.forEach((b) => expect(b).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('a recoverable draw pays out what was earned plus what is still owed', () => {
    fc.assert(
      fc.property(earnings, drawAmount, (earned, draw) => {
        const { paid, balance } = schedule(earned, draw, true);
        const scale = sum(earned.map(Math.abs)) + draw * earned.length;
        expect(close(sum(paid), sum(earned) + balance[balance.length - 1], scale)).toBe(true);
      }),
    );
  });

  it('a non-recoverable draw pays max(earned, draw) and owes nothing', () => {
    fc.assert(
      fc.property(earnings, drawAmount, (earned, draw) => {
        const { paid, balance } = schedule(earned, draw, false);
        expect(paid).toEqual(earned.map((e) => Math.max(e, draw)));
        expect(balance.every((b) => b === 0)).toBe(true);
      }),
    );
  });
});

describe('SPLIT_CREDIT properties', () => {
  it('the parts add up to the amount', () => {
    const weights = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 });
    const deal = fc.oneof(fc.integer({ min: -1000000, max: 10000000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(deal, weights, fc.boolean(), (amount, w, asRow) => {
        const total = sum(w);
        const splits = w.map((weight) => weight / total);
        const args: HostArg = asRow ? [splits] : column(...splits);
        // A single split answers a single cell.
        const parts = [call('SPLIT_CREDIT', amount, args)].flat(2) as number[];
        expect(parts.length).toBe(splits.length);
        expect(close(sum(parts), amount, Math.abs(amount))).toBe(true);
      }),
    );
  });
});
