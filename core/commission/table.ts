/**
 * Two-column number tables a comp plan keeps on a settings sheet: commission
 * tiers (lower bound, rate) and pay curves (attainment, payout). Read once per
 * call into flat typed arrays.
 */
import { badNumber, badValue } from '../errors';
import { type Table, inCell, readNumber } from '../ranges';
import { type CellValue, describeValue, formatNumber, isBlank } from '../values';

export interface NumberPairs {
  readonly count: number;
  readonly first: Float64Array;
  readonly second: Float64Array;
  /** The table row (0-based) each pair came from, for messages. */
  readonly rows: Int32Array;
}

export interface PairLabels {
  /** What the first column holds: "lower bound". */
  readonly first: string;
  /** What the second column holds: "rate". */
  readonly second: string;
}

/** Text that does not read as a number, the way a header cell looks. */
function isHeaderCell(cell: CellValue): boolean {
  return typeof cell === 'string' && typeof readNumber(cell) === 'string';
}

/**
 * Reads a two-column table of numbers. Blank rows are skipped (so open ranges
 * like Plan!A:B work), and so is a header row: the first non-blank row when
 * every filled cell in it is text. Columns beyond the second must be blank.
 */
export function readNumberPairs(table: Table, labels: PairLabels): NumberPairs {
  const { name: param, cells } = table;
  if (table.cols < 2) throw badValue(`${param} needs two columns: ${labels.first}, then ${labels.second}`);
  const first = new Float64Array(cells.length);
  const second = new Float64Array(cells.length);
  const rows = new Int32Array(cells.length);
  let count = 0;
  let seenRow = false;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 2; c < row.length; c++) {
      if (!isBlank(row[c])) {
        throw badValue(
          `${param} has a value${inCell(table, r, c)}; it takes two columns: ${labels.first}, then ${labels.second}`,
        );
      }
    }
    const a = row[0];
    const b = row[1];
    if (isBlank(a) && isBlank(b)) continue;
    if (!seenRow) {
      seenRow = true;
      if ((isBlank(a) || isHeaderCell(a as CellValue)) && (isBlank(b) || isHeaderCell(b as CellValue))) continue;
    }
    first[count] = readCell(a, labels.first, () => inCell(table, r, 0));
    second[count] = readCell(b, labels.second, () => inCell(table, r, 1));
    rows[count] = r;
    count++;
  }
  if (count === 0) throw badValue(`${param} has no rows: give ${labels.first} and ${labels.second} in two columns`);
  return { count, first, second, rows };
}

function readCell(cell: CellValue | undefined, what: string, where: () => string): number {
  if (isBlank(cell)) throw badValue(`${what} is blank${where()}`);
  const read = readNumber(cell);
  if (typeof read === 'string') throw badValue(`${what} ${describeValue(cell)}${where()} ${read}`);
  return read;
}

/**
 * Attainment and payouts are fractions that may pass 100%, but nobody's plan
 * reaches 1000%: such a value is a percentage typed as a plain number.
 */
export const MOST_PERCENT = 10;

export function percentTypedAsNumber(value: number, what: string, where: () => string) {
  if (value <= MOST_PERCENT) return undefined;
  return badNumber(
    `${what} ${formatNumber(value)}${where()} reads as ${formatNumber(value * 100)}%: ` +
      `enter ${formatNumber(value)}% or ${formatNumber(value / 100)}`,
  );
}
