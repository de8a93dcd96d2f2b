/** Quota and attainment. */
import { badNumber, badValue, divZero } from '../errors';
import { inRow } from '../ranges';
import { Rows } from '../rows';
import { readRamp, rampFactor } from '../ramp';
import { dates, defineFunction, number, numbers, optional, table } from '../spec';
import { formatNumber, isoFromSerial } from '../values';

export const QUOTA_ATTAINMENT = defineFunction({
  name: 'QUOTA_ATTAINMENT',
  category: 'quota',
  summary: 'Attainment per rep: actual bookings divided by quota (1.2 means 120% of quota).',
  params: [
    numbers('actual', 'Bookings or revenue credited to each rep; a cell or a column. Blank next to a quota is a rep who has booked nothing yet: 0.', {
      blank: 'zero',
    }),
    numbers('quota', 'Each rep\'s quota for the same period; one cell applies to every row.', { limit: 'positive' }),
  ],
  result: 'per-row',
  format: 'percent',
  examples: [
    { args: [[[90000], [120000], ['']], 100000], expect: [[0.9], [1.2], ['']] },
    { args: [45000, 50000], expect: 0.9 },
    { args: [[[80000], [30000]], [[100000], [0]]], expect: [[0.8], ['#DIV/0!']] },
    // A rep with a quota and nothing booked yet is at 0%, as =B3/C3 gives; a row with neither stays blank.
    { args: [[[90000], [''], ['']], [[100000], [80000], ['']]], expect: [[0.9], [0]] },
  ],
  impl(actual, quota) {
    return new Rows([actual, quota]).map((i) => actual.at(i) / quota.at(i));
  },
});

/** Thresholds above this are almost surely percentages typed as whole numbers (90 for 90%). */
const MAX_THRESHOLD = 10;

export const QUOTA_ATTAINMENT_RATE = defineFunction({
  name: 'QUOTA_ATTAINMENT_RATE',
  category: 'quota',
  summary: 'The share of reps at or above a threshold of quota (by default 100%), among reps that have a quota.',
  params: [
    numbers('actuals', 'Bookings per rep; a blank actual counts as 0.', { blank: 'zero' }),
    numbers('quotas', 'Quota per rep; rows without a quota are left out.', {
      blank: 'skips-row',
      limit: 'positive',
      label: 'quota',
      zeroHint: 'leave it blank to leave the rep out',
    }),
    optional(number('threshold', 'Attainment that counts as "at quota", e.g. 90%.'), 1),
  ],
  result: 'aggregate',
  format: 'percent',
  examples: [
    { args: [[[90], [120], [100], [40]], [[100], [100], [100], [100]]], expect: 0.5 },
    { args: [[[90], [120], [100], [40]], [[100], [100], [100], [100]], 0.9], expect: 0.75 },
  ],
  impl(actuals, quotas, threshold) {
    if (threshold < 0 || threshold > MAX_THRESHOLD) {
      throw badNumber(`threshold ${formatNumber(threshold)} is out of range: enter ${formatNumber(threshold)}% or ${formatNumber(threshold / 100)}`);
    }
    let reps = 0;
    let atQuota = 0;
    new Rows([actuals, quotas]).forEach((i) => {
      const quota = quotas.at(i);
      reps++;
      // Compare in money, not ratios, so 90/100 ≥ 90% holds exactly.
      if (actuals.at(i) >= threshold * quota - 1e-9 * quota) atQuota++;
    });
    if (reps === 0) throw divZero('no row has a quota');
    return atQuota / reps;
  },
});

export const PRORATED_QUOTA = defineFunction({
  name: 'PRORATED_QUOTA',
  category: 'quota',
  summary: 'Quota scaled to the days a rep is active in the period (mid-period hires and leavers), counting days inclusively.',
  params: [
    numbers('quota', 'Full quota for the period.'),
    dates('period_start', 'First day of the period.'),
    dates('period_end', 'Last day of the period (inclusive).'),
    dates('active_from', 'First day the rep is active (start date).'),
    optional(dates('active_to', 'Last day the rep is active; blank means to the end of the period.', { blank: 'optional' })),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [300000, '2026-01-01', '2026-03-31', '2026-02-15'], expect: 150000 },
    { args: [300000, '2026-01-01', '2026-03-31', '2025-06-01', '2026-01-30'], expect: 100000 },
    { args: [300000, '2026-01-01', '2026-03-31', '2026-04-01'], expect: 0 },
  ],
  impl(quota, periodStart, periodEnd, activeFrom, activeTo) {
    return new Rows([quota, periodStart, periodEnd, activeFrom, activeTo]).map((i) => {
      const start = Math.floor(periodStart.at(i));
      const end = Math.floor(periodEnd.at(i));
      if (end < start) return badNumber(`period_end ${isoFromSerial(end)}${inRow(periodEnd, i)} is before period_start ${isoFromSerial(start)}${inRow(periodStart, i)}`);
      const from = Math.floor(activeFrom.at(i));
      const openEnded = activeTo === undefined || activeTo.isBlankAt(i);
      const to = openEnded ? end : Math.floor(activeTo.at(i));
      if (!openEnded && to < from) return badNumber(`active_to ${isoFromSerial(to)}${inRow(activeTo!, i)} is before active_from ${isoFromSerial(from)}${inRow(activeFrom, i)}`);
      const activeDays = Math.max(0, Math.min(end, to) - Math.max(start, from) + 1);
      return (quota.at(i) * activeDays) / (end - start + 1);
    });
  },
});

export const RAMPED_QUOTA = defineFunction({
  name: 'RAMPED_QUOTA',
  category: 'quota',
  summary: 'Quota for a rep still ramping: full quota × the ramp fraction for their month in seat (100% after the schedule ends).',
  params: [
    numbers('full_quota', 'Quota of a fully ramped rep.'),
    numbers('month_in_seat', 'Month in seat: 1 is the first month.'),
    table('ramp', 'Fractions for months 1, 2, … as a row or column, e.g. {25%, 50%, 75%}.'),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [60000, 2, [[0.25, 0.5, 0.75]]], expect: 30000 },
    { args: [60000, 4, [[0.25, 0.5, 0.75]]], expect: 60000 },
    { args: [60000, [[1], [3], [0]], [[0.25, 0.5, 0.75]]], expect: [[15000], [45000], ['#NUM!']] },
  ],
  impl(fullQuota, monthInSeat, ramp) {
    const schedule = readRamp(ramp);
    return new Rows([fullQuota, monthInSeat]).map((i) => {
      const factor = rampFactor(schedule, monthInSeat.at(i), monthInSeat, i);
      return typeof factor === 'number' ? fullQuota.at(i) * factor : factor;
    });
  },
});

/** Units of `roundTo` as an exact decimal: 0.01 → divide by 100 rather than multiply by 0.01. */
function fromUnits(units: number, roundTo: number): number {
  const perUnit = 1 / roundTo;
  return roundTo < 1 && Math.abs(perUnit - Math.round(perUnit)) < 1e-9 ? units / Math.round(perUnit) : units * roundTo;
}

/** Above this many units, integer arithmetic on doubles stops being exact. */
const MAX_UNITS = 2 ** 50;

export const ALLOCATE_QUOTA = defineFunction({
  name: 'ALLOCATE_QUOTA',
  category: 'quota',
  summary: 'Splits a target across rows in proportion to weights, rounded so the shares add up to the target exactly.',
  params: [
    number('target', 'The team or company target to split.'),
    numbers('weights', 'Weight per row: territory potential, last year\'s bookings, headcount.', { limit: 'nonNegative', label: 'weight' }),
    optional(number('round_to', 'Round each share to a multiple of this (1000 for whole thousands).'), 0.01),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [1000000, [[5], [3], [2]], 1000], expect: [[500000], [300000], [200000]] },
    { args: [100, [[1], [1], [1]], 1], expect: [[34], [33], [33]] },
  ],
  impl(target, weights, roundTo) {
    if (roundTo <= 0) throw badNumber(`round_to ${formatNumber(roundTo)} must be above 0`);
    if (target < 0) throw badNumber(`target ${formatNumber(target)} is negative`);
    const units = Math.round(target / roundTo);
    if (units > MAX_UNITS) throw badNumber(`target ${formatNumber(target)} has too many units of ${formatNumber(roundTo)}: use a larger round_to`);
    if (Math.abs(units * roundTo - target) > 1e-9 * Math.max(1, target)) {
      throw badValue(`target ${formatNumber(target)} is not a multiple of round_to ${formatNumber(roundTo)}, so the shares cannot add up to it exactly`);
    }
    const rows = new Rows([weights]);
    const order: number[] = [];
    let total = 0;
    rows.forEach((i) => {
      order.push(i);
      total += weights.at(i);
    });
    if (total === 0) throw divZero('the weights add up to 0, so there is nothing to split by');
    if (!Number.isFinite(total)) throw badNumber('the weights are too large to add up');
    const shares = new Float64Array(rows.size);
    const remainders = new Float64Array(rows.size);
    let given = 0;
    for (const i of order) {
      const exact = units * (weights.at(i) / total);
      shares[i] = Math.floor(exact);
      remainders[i] = exact - shares[i];
      given += shares[i];
    }
    // Largest remainder first; ties go to the earlier row (a stable sort keeps row order).
    order.sort((a, b) => remainders[b] - remainders[a]);
    for (let k = 0; given < units; k++, given++) shares[order[k % order.length]]++;
    // Rounding in the divisions above can overshoot by a unit; take it back from the smallest remainders.
    for (let k = order.length - 1; given > units && k >= 0; k--, given--) shares[order[k]]--;
    // A heavier weight never gets less: two weights a hair apart (1e-13) can have their remainders
    // land the wrong way round in floating point, so the shares are dealt out again by weight.
    const byWeight = [...order].sort((a, b) => weights.at(b) - weights.at(a) || a - b);
    const dealt = byWeight.map((i) => shares[i]).sort((a, b) => b - a);
    byWeight.forEach((i, k) => (shares[i] = dealt[k]));
    return rows.map((i) => fromUnits(shares[i], roundTo));
  },
});

export const QUOTA_FUNCTIONS = [QUOTA_ATTAINMENT, QUOTA_ATTAINMENT_RATE, PRORATED_QUOTA, RAMPED_QUOTA, ALLOCATE_QUOTA];
