/**
 * Ramp schedules: the share of full productivity (or quota) a new rep carries in
 * month 1, 2, … of their time in seat. After the schedule ends the rep is fully
 * ramped and carries 100%.
 */
import { type FormulaError, badNumber, badValue } from './errors';
import { fractionProblem } from './fractions';
import { type Located, type Table, inCell, inRow, readNumber } from './ranges';
import { describeValue, formatNumber, isBlank } from './values';

/** Fractions for months 1, 2, … in order: `ramp[0]` is month 1. */
export type RampSchedule = Float64Array;

/**
 * Reads a ramp schedule from a single row or a single column of fractions
 * (`{25%, 50%, 75%}` or the same down a column). Blank cells at the end are
 * skipped, so an open range like `Ramp!B2:B` works; a blank inside the schedule,
 * text that is not a number, or a value outside 0–100% is an error naming the
 * month. An all-blank range is an empty schedule: every month carries 100%.
 */
export function readRamp(ramp: Table): RampSchedule {
  const { name: paramName, cells: table } = ramp;
  const rows = table.length;
  const cols = rows ? table[0].length : 0;
  if (rows > 1 && cols > 1) {
    throw badValue(`${paramName} is ${rows} rows × ${cols} columns: give the monthly fractions as one row or one column`);
  }
  const length = rows * cols;
  const cell = (i: number) => (cols === 1 ? table[i][0] : table[0][i]);
  let end = length;
  while (end > 0 && isBlank(cell(end - 1))) end--;
  const schedule = new Float64Array(end);
  for (let i = 0; i < end; i++) {
    const value = cell(i);
    // The month names the cell well enough; the cell's address is added only when the host knows it.
    const where = () => ` for month ${i + 1}${ramp.start() ? inCell(ramp, cols === 1 ? i : 0, cols === 1 ? 0 : i) : ''}`;
    if (isBlank(value)) {
      throw badValue(`${paramName} is blank${where()}: fill every month up to the last one, or enter 100% for fully ramped`);
    }
    const read = readNumber(value);
    if (typeof read === 'string') throw badValue(`${paramName} ${describeValue(value)}${where()} ${read}`);
    const problem = fractionProblem(read, paramName, where);
    if (problem) throw problem;
    schedule[i] = read;
  }
  return schedule;
}

/** A month in seat given as one value, for calls that have no argument to name. */
const ONE_MONTH: Located = { name: 'month in seat', rows: 1, cols: 1, start: () => undefined };

/**
 * The fraction of full productivity in month `monthInSeat` (1 is the first
 * month): `ramp[month]`, or 1 after the schedule ends. A fractional month counts
 * as the month it falls in (2.5 is month 2). A month below 1 is `#NUM!`;
 * `months` (the argument) and `index` only word that message, so hot loops
 * pass them for free and build no text unless something is wrong.
 */
export function rampFactor(ramp: RampSchedule, monthInSeat: number, months: Located = ONE_MONTH, index = 0): number | FormulaError {
  if (monthInSeat >= 1) {
    const month = Math.floor(monthInSeat);
    return month <= ramp.length ? ramp[month - 1] : 1;
  }
  if (Number.isNaN(monthInSeat)) return badValue(`${months.name}${inRow(months, index)} is not a number`);
  return badNumber(`${months.name} ${formatNumber(monthInSeat)}${inRow(months, index)} is below 1: the first month in seat is month 1`);
}
