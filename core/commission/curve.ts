/**
 * Pay curves: (attainment, payout) points read once per call. Below the first
 * point pays 0; between points the payout is interpolated; beyond the last it
 * follows the last segment's slope (the accelerator).
 */
import { badNumber, badValue } from '../errors';
import { type Table, inCell } from '../ranges';
import { formatNumber } from '../values';
import { percentTypedAsNumber, readNumberPairs } from './table';

export interface Curve {
  readonly count: number;
  readonly attainment: Float64Array;
  readonly payout: Float64Array;
  /** Payout per unit of attainment beyond the last point. */
  readonly slope: number;
}

export function readCurve(table: Table): Curve {
  const param = table.name;
  const { count, first: attainment, second: payout, rows } = readNumberPairs(table, {
    first: 'attainment',
    second: 'payout',
  });
  if (count < 2) {
    throw badValue(
      `${param} needs at least two points (attainment, payout) to draw a line; for a flat payout above a threshold, ` +
        'add a second point with the same payout',
    );
  }
  for (let k = 0; k < count; k++) {
    const where = () => inCell(table, rows[k], 0);
    const payoutWhere = () => inCell(table, rows[k], 1);
    if (attainment[k] < 0) throw badNumber(`attainment ${formatNumber(attainment[k])}${where()} is negative`);
    if (payout[k] < 0) throw badNumber(`payout ${formatNumber(payout[k])}${payoutWhere()} is negative`);
    const slip = percentTypedAsNumber(attainment[k], 'attainment', where) ?? percentTypedAsNumber(payout[k], 'payout', payoutWhere);
    if (slip) throw slip;
    if (k > 0 && !(attainment[k] > attainment[k - 1])) {
      throw badValue(
        `attainment ${formatNumber(attainment[k])}${where()} is not above the point before it ` +
          `(${formatNumber(attainment[k - 1])}${inCell(table, rows[k - 1], 0)}): list points from the lowest attainment up`,
      );
    }
  }
  const n = count - 1;
  return {
    count,
    attainment: attainment.subarray(0, count),
    payout: payout.subarray(0, count),
    slope: (payout[n] - payout[n - 1]) / (attainment[n] - attainment[n - 1]),
  };
}

/**
 * The payout at attainment `x`, never below 0. Within a segment the payout
 * stays between its two end points, so a curve that rises never dips.
 */
export function payoutAt(curve: Curve, x: number): number {
  const { attainment, payout, count } = curve;
  if (x < attainment[0]) return 0;
  const n = count - 1;
  if (x >= attainment[n]) {
    if (x === attainment[n] || curve.slope === 0) return payout[n];
    const beyond = payout[n] + (x - attainment[n]) * curve.slope;
    return beyond > 0 ? beyond : 0;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (attainment[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  const from = payout[lo];
  const to = payout[lo + 1];
  const value = from + (to - from) * ((x - attainment[lo]) / (attainment[lo + 1] - attainment[lo]));
  const low = from < to ? from : to;
  const high = from < to ? to : from;
  return value < low ? low : value > high ? high : value;
}
