/**
 * Commission tiers: lower bound, rate. Parsed once per call into typed arrays
 * with the commission already earned at each bound, so a row costs one search.
 */
import { badNumber, badValue } from '../errors';
import { fractionProblem } from '../fractions';
import { type Table, inCell } from '../ranges';
import { formatNumber } from '../values';
import { MOST_PERCENT, readNumberPairs } from './table';

export interface Tiers {
  readonly count: number;
  /** Lower bounds, ascending, the first 0: amounts, or attainment fractions when a quota is given. */
  readonly bounds: Float64Array;
  readonly rates: Float64Array;
  /** Marginal commission earned up to each bound, in the bounds' units. */
  readonly earnedAtBound: Float64Array;
}

/**
 * Reads and checks a tier table. `ofQuota`: the bounds are attainment
 * fractions (100% or 1 is quota), so a bound like 150000 is a typing slip.
 */
export function readTiers(table: Table, ofQuota: boolean): Tiers {
  const pairs = readNumberPairs(table, { first: 'lower bound', second: 'rate' });
  const { count, first: bounds, second: rates, rows } = pairs;
  const param = table.name;
  const earnedAtBound = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const where = () => inCell(table, rows[k], 0);
    const bound = bounds[k];
    const rateProblem = fractionProblem(rates[k], 'rate', () => inCell(table, rows[k], 1));
    if (rateProblem) throw rateProblem;
    if (k === 0) {
      if (bound !== 0) {
        throw badValue(
          `${param} must start at 0, but the first lower bound${where()} is ${formatNumber(bound)}: ` +
            'add a first tier with lower bound 0 for the base rate',
        );
      }
      continue;
    }
    if (!(bound > bounds[k - 1])) {
      throw badValue(
        `lower bound ${formatNumber(bound)}${where()} is not above the bound before it ` +
          `(${formatNumber(bounds[k - 1])}${inCell(table, rows[k - 1], 0)}): list tiers from the lowest bound up`,
      );
    }
    if (ofQuota && bound > MOST_PERCENT) {
      throw badNumber(
        `lower bound ${formatNumber(bound)}${where()} would be ${formatNumber(bound * 100)}% of quota: with quota, ` +
          'give bounds as shares of quota (100% or 1), or leave quota out to give them as amounts',
      );
    }
    earnedAtBound[k] = earnedAtBound[k - 1] + (bound - bounds[k - 1]) * rates[k - 1];
  }
  return {
    count,
    bounds: bounds.subarray(0, count),
    rates: rates.subarray(0, count),
    earnedAtBound,
  };
}

/** The tier `x` falls in: the last one whose lower bound it reaches (the first for negative x). */
export function tierOf(tiers: Tiers, x: number): number {
  const bounds = tiers.bounds;
  let lo = 0;
  let hi = tiers.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Commission on a cumulative total `x` in the bounds' units. Marginal: each
 * slice earns its own tier's rate; retroactive: all of `x` earns the rate of the
 * highest tier reached. Below 0 (refunds beyond what was credited) the first
 * tier's rate applies, so the schedule stays continuous and never decreases.
 */
export function commissionOn(tiers: Tiers, retroactive: boolean, x: number): number {
  const k = tierOf(tiers, x);
  if (retroactive) return x * tiers.rates[k];
  return tiers.earnedAtBound[k] + (x - tiers.bounds[k]) * tiers.rates[k];
}
