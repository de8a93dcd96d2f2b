/**
 * Seeded random commission plans with rep tables, for the cross-engine check:
 * every plan kind with and without gate, draw and pay periods, attainment from
 * 0 to 250%, and bookings to date landing exactly on tier bounds, curve points
 * and the gate. Bounds are multiples of 5% and quotas of 1000, so a booking on
 * a bound is a whole number and bookings ÷ quota gives the bound exactly, in
 * every engine.
 */
import { type Random, createRandom } from '../../core/random';
import type { CommissionPlan, Draw, PayPeriods, PlanKind, RepRow } from '../../core/templates/commission';

export interface PlanCase {
  readonly plan: CommissionPlan;
  readonly reps: RepRow[];
}

const KINDS: readonly PlanKind[] = ['flat', 'marginal', 'retroactive', 'curve'];
const PERIODS: readonly PayPeriods[] = ['none', 'quarterly', 'annual'];

/** k/20 for k in [from, to]: a multiple of 5% that reads exactly as its decimal. */
const twentieth = (random: Random, from: number, to: number) => random.int(from, to) / 20;

/** `count` distinct ascending multiples of 5% between from/20 and to/20. */
function ascending(random: Random, count: number, from: number, to: number): number[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(from, to));
  return [...picked].sort((a, b) => a - b).map((k) => k / 20);
}

function kindPlan(random: Random, kind: PlanKind): CommissionPlan {
  if (kind === 'flat') return { kind, rate: random.int(0, 60) / 200 };
  if (kind === 'marginal' || kind === 'retroactive') {
    const bounds = [0, ...ascending(random, random.int(0, 4), 1, 40)];
    const rates = bounds.map(() => random.int(0, 60) / 200);
    // A retroactive plan's rates may not fall (validatePlan); a marginal one's may (a decelerator).
    if (kind === 'retroactive') rates.sort((a, b) => a - b);
    return { kind, tiers: bounds.map((from, k) => ({ from, rate: rates[k] })) };
  }
  const attainments = ascending(random, random.int(2, 5), 0, 40);
  const payouts = attainments.map(() => random.int(0, 60)).sort((a, b) => a - b).map((k) => k / 20);
  return {
    kind,
    curve: attainments.map((attainment, k) => ({ attainment, payout: payouts[k] })),
    cap: random.next() < 0.5 ? twentieth(random, 20, 60) : null,
    targetIncentive: random.next() < 0.5 ? random.int(5, 60) * 1000 : null,
  };
}

/** The attainments a case should land on exactly: tier bounds, curve points, the gate. */
function edges(plan: CommissionPlan): number[] {
  const found = plan.kind === 'marginal' || plan.kind === 'retroactive' ? plan.tiers.map((t) => t.from) : plan.kind === 'curve' ? plan.curve.map((p) => p.attainment) : [];
  return plan.gate != null ? [...found, plan.gate] : found;
}

/** Bookings to date through one plan period of `months`: some on an edge, the rest anywhere to 250%; now and then a refund month. */
function planPeriodBookings(random: Random, plan: CommissionPlan, quota: number, months: number): number[] {
  const marks = edges(plan);
  const toDate = Array.from({ length: months }, () =>
    marks.length > 0 && random.next() < 0.4 ? random.pick(marks) * quota : random.int(0, 2500) * (quota / 1000),
  );
  if (random.next() < 0.9) toDate.sort((a, b) => a - b);
  return toDate.map((total, m) => total - (m > 0 ? toDate[m - 1] : 0));
}

function repsFor(random: Random, plan: CommissionPlan, count: number): RepRow[] {
  const months = plan.periods === 'annual' ? random.int(1, 12) : plan.periods === 'quarterly' ? random.pick([3, 5, 6, 12]) : random.pick([1, 1, 3]);
  const perPlanPeriod = plan.periods === 'annual' ? 12 : plan.periods === 'quarterly' ? 3 : 1;
  return Array.from({ length: count }, (_, i) => {
    const quota = random.int(50, 1000) * 1000;
    const bookings: number[] = [];
    while (bookings.length < months) bookings.push(...planPeriodBookings(random, plan, quota, Math.min(perPlanPeriod, months - bookings.length)));
    const rep: RepRow = { rep: `Rep ${i + 1}`, quota, bookings };
    return plan.kind === 'curve' && plan.targetIncentive == null ? { ...rep, targetIncentive: random.int(5, 60) * 1000 } : rep;
  });
}

/** `count` cases from `seed`, cycling through every combination of kind, pay periods, gate and draw. */
export function planCases(seed: number, count: number): PlanCase[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % 4];
    const periods = PERIODS[Math.floor(i / 4) % 3];
    const gated = Math.floor(i / 12) % 2 === 1;
    const drawKind = Math.floor(i / 24) % 3;
    const draw: Draw | null = drawKind === 0 ? null : { amount: random.int(5, 100) * 100, recoverable: drawKind === 1 };
    const plan: CommissionPlan = { ...kindPlan(random, kind), periods, gate: gated ? twentieth(random, 4, 20) : null, draw };
    return { plan, reps: repsFor(random, plan, random.int(2, 7)) };
  });
}
