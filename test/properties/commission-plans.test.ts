/** Properties every commission plan must have, whatever its tiers, curve, gate, draw and pay periods. */
import fc from 'fast-check';
import type { CommissionPlan, CurvePlan, PayPeriods, RepRow, Tier } from '../../core/templates/commission';
import { referencePayouts, validatePlan } from '../../core/templates/commission';

/** Multiples of 5% (k/20), as the form's percent fields give them. */
const twentieths = (min: number, max: number) => fc.integer({ min, max }).map((k) => k / 20);
const rate = fc.integer({ min: 0, max: 100 }).map((k) => k / 200);

function tiers(ascendingRates: boolean): fc.Arbitrary<Tier[]> {
  return fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 5 }), fc.array(rate, { minLength: 6, maxLength: 6 }))
    .map(([bounds, rates]) => {
      const from = [0, ...bounds.sort((a, b) => a - b).map((k) => k / 20)];
      const ordered = ascendingRates ? [...rates].sort((a, b) => a - b) : rates;
      return from.map((f, k) => ({ from: f, rate: ordered[k] }));
    });
}

const curve: fc.Arbitrary<CurvePlan> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }),
    fc.option(twentieths(20, 60)),
    fc.integer({ min: 1, max: 50 }),
  )
  .map(([points, payouts, cap, target]) => {
    const attainment = points.sort((a, b) => a - b).map((k) => k / 20);
    const payout = payouts.slice(0, attainment.length).sort((a, b) => a - b).map((k) => k / 20);
    return { kind: 'curve', curve: attainment.map((a, k) => ({ attainment: a, payout: payout[k] })), cap, targetIncentive: target * 1000 };
  });

const kindPlan: fc.Arbitrary<CommissionPlan> = fc.oneof(
  rate.map((r): CommissionPlan => ({ kind: 'flat', rate: r })),
  tiers(false).map((t): CommissionPlan => ({ kind: 'marginal', tiers: t })),
  // A retroactive plan's rates never fall (validatePlan refuses that: more bookings would pay less).
  tiers(true).map((t): CommissionPlan => ({ kind: 'retroactive', tiers: t })),
  curve,
);

const periods = fc.constantFrom<PayPeriods>('none', 'quarterly', 'annual');
const gate = fc.option(twentieths(1, 50));
const quota = fc.integer({ min: 10, max: 1000 }).map((k) => k * 1000);
const booking = fc.integer({ min: 0, max: 2_500_000 });
const months = fc.array(booking, { minLength: 1, maxLength: 12 });

const payout = (plan: CommissionPlan, reps: RepRow[]) => referencePayouts(plan, reps);
const single = (plan: CommissionPlan, q: number, bookings: number) => payout(plan, [{ rep: 'A', quota: q, bookings: [bookings] }])[0];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('commission plan properties', () => {
  it('every generated plan is sound, so the properties below speak of plans the form accepts', () => {
    fc.assert(fc.property(kindPlan, gate, periods, (plan, g, p) => validatePlan({ ...plan, gate: g, periods: p }).length === 0));
  });

  it('with ascending rates, retroactive pays at least what marginal pays', () => {
    fc.assert(
      fc.property(tiers(true), quota, months, periods, gate, (t, q, bookings, p, g) => {
        const reps = [{ rep: 'A', quota: q, bookings }];
        const retroactive = payout({ kind: 'retroactive', tiers: t, periods: p, gate: g }, reps)[0].payout;
        const marginal = payout({ kind: 'marginal', tiers: t, periods: p, gate: g }, reps)[0].payout;
        expect(retroactive).toBeGreaterThanOrEqual(marginal - 1e-9 * Math.max(1, marginal));
      }),
    );
  });

  it('without a draw, more bookings never pay less', () => {
    fc.assert(
      fc.property(kindPlan, gate, quota, booking, booking, (plan, g, q, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const gated = { ...plan, gate: g };
        expect(single(gated, q, low).payout).toBeLessThanOrEqual(single(gated, q, high).payout + 1e-9 * Math.max(1, high));
      }),
    );
  });

  it('the true-up months add up to what the plan period pays on its total', () => {
    fc.assert(
      fc.property(kindPlan, gate, quota, months, (plan, g, q, bookings) => {
        const year = payout({ ...plan, gate: g, periods: 'annual' }, [{ rep: 'A', quota: q, bookings }])[0];
        const total = single({ ...plan, gate: g }, q, bookings.reduce((sum, b) => sum + b, 0));
        expect(close(year.payout, total.payout)).toBe(true);
      }),
    );
  });

  it('below the gate nothing is earned, whatever the plan', () => {
    fc.assert(
      fc.property(kindPlan, twentieths(1, 50), quota, fc.nat(), (plan, g, q, n) => {
        // Any whole amount short of the gate (g × q is a whole number: q is a multiple of 1000).
        const bookings = n % Math.round(g * q);
        const result = single({ ...plan, gate: g }, q, bookings);
        expect(bookings / q).toBeLessThan(g);
        expect(result.payout).toBe(0);
        expect(result.periods[0].heldByGate).toBe(result.periods[0].ungated);
      }),
    );
  });

  it('a cap is never exceeded, in any month of any plan period', () => {
    fc.assert(
      fc.property(curve, twentieths(20, 60), quota, months, periods, (plan, cap, q, bookings, p) => {
        const result = payout({ ...plan, cap, periods: p }, [{ rep: 'A', quota: q, bookings }])[0];
        for (const period of result.periods) {
          expect(period.payoutShare).toBeLessThanOrEqual(cap);
          expect(period.earned).toBeLessThanOrEqual(cap * plan.targetIncentive! * (1 + 1e-12));
        }
      }),
    );
  });

  it('a recoverable draw pays at least the draw each period, and never leaves a negative balance', () => {
    fc.assert(
      fc.property(kindPlan, quota, months, fc.integer({ min: 0, max: 50000 }), periods, (plan, q, bookings, amount, p) => {
        const result = payout({ ...plan, periods: p, draw: { amount, recoverable: true } }, [{ rep: 'A', quota: q, bookings }])[0];
        for (const period of result.periods) {
          expect(period.payout).toBeGreaterThanOrEqual(amount - 1e-9 * Math.max(1, amount));
          expect(period.balance).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
