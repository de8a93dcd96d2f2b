/** A draw against commission, period by period. */
import { type FormulaError, badNumber, badValue } from '../errors';
import { type NumberRange, describeShape, inRow, locate } from '../ranges';
import { Rows } from '../rows';
import { type Matrix, type ResultCell, formatNumber } from '../values';

export const DRAW_HEADER: readonly string[] = ['Paid', 'Balance'];

/**
 * The schedule as a labelled table: a header row, then paid and balance per
 * period. A blank period stays blank and carries the balance over; a bad
 * period marks its row, and for a recoverable draw every later row too, since
 * their balance depends on it.
 */
export function drawSchedule(earned: NumberRange, draw: NumberRange, recoverable: boolean): Matrix<ResultCell> {
  // A single draw that cannot be read is the formula's error, not every period's: Rows says so once.
  const shape = new Rows([earned, draw]);
  if (shape.rows > 1 && shape.cols > 1) {
    throw badValue(`earned is ${describeShape(shape)}: give one column (or one row) of periods, in order`);
  }
  const size = shape.size;
  const out: Matrix<ResultCell> = [[...DRAW_HEADER]];
  let lastFilled = 0;
  let balance = 0;
  let brokenAt = -1;
  for (let i = 0; i < size; i++) {
    const state = shape.state(i);
    if (state === 'blank') {
      out.push([null, null]);
      continue;
    }
    lastFilled = out.length;
    let problem: FormulaError | undefined = state === 'ok' ? undefined : state;
    if (!problem && recoverable && brokenAt >= 0) {
      problem = badValue(`the draw balance in ${locate(i, shape)} depends on ${locate(brokenAt, shape)}, which has an error`);
    }
    const E = earned.at(i);
    const D = draw.at(i);
    if (!problem && D < 0) problem = badNumber(`draw ${formatNumber(D)}${inRow(draw, i)} is negative`);
    if (problem) {
      if (brokenAt < 0) brokenAt = i;
      out.push([problem, problem]);
      continue;
    }
    if (!recoverable) {
      out.push([E > D ? E : D, 0]);
      continue;
    }
    let paid: number;
    if (E >= D) {
      // Earnings above the draw first repay what is owed.
      const excess = E - D;
      const repaid = balance < excess ? balance : excess;
      paid = E - repaid;
      if (paid < D) paid = D;
      balance -= repaid;
    } else {
      paid = D;
      balance += D - E;
    }
    if (!Number.isFinite(paid) || !Number.isFinite(balance)) {
      const overflow = badNumber(`earned ${formatNumber(E)}${inRow(earned, i)} against draw ${formatNumber(D)} is too large to compute`);
      if (brokenAt < 0) brokenAt = i;
      out.push([overflow, overflow]);
      continue;
    }
    out.push([paid, balance]);
  }
  out.length = lastFilled + 1;
  return out;
}
