/**
 * A table the user points at in the workbook, turned into a rows field's rows:
 * the header row found, each of the field's columns matched to a column of the
 * table (guessed from the headers, changed by the user), and every data row
 * read. Pure: the sidebar draws the choices, the template checks the rows.
 */
import type { CellValue, Matrix } from '../values';
import { isBlank, normalizeLabel, parseNumberText } from '../values';
import type { FieldValues, RowColumn } from './fields';

export interface SourceTable {
  /** The header of each column, or undefined when the table has no header row. */
  readonly headers: readonly (string | undefined)[];
  /** The data rows: every row after the header, blank rows left out. */
  readonly rows: readonly (readonly CellValue[])[];
}

/** Which table column each field column reads: one index, or a list (one per period) for a money-list column. */
export type ColumnPicks = Readonly<Record<string, number | readonly number[]>>;

const isText = (cell: CellValue) => typeof cell === 'string' && cell.trim() !== '' && parseNumberText(cell) === undefined;

/** Splits off the header row: the first row when every filled cell in it is text that is not a number. */
export function readSourceTable(matrix: Matrix): SourceTable {
  const width = matrix.reduce((most, row) => Math.max(most, row.length), 0);
  const filled = matrix.filter((row) => row.some((cell) => !isBlank(cell)));
  const first = filled[0] ?? [];
  const hasHeader = first.some((cell) => !isBlank(cell)) && first.every((cell) => isBlank(cell) || isText(cell));
  const headers = Array.from({ length: width }, (_, c) => (hasHeader && isText(first[c]) ? String(first[c]).trim() : undefined));
  return { headers, rows: hasHeader ? filled.slice(1) : filled };
}

/** Words a column's header may use, by the field column's key: matched after normalising case and spaces. */
const HEADER_WORDS: Readonly<Record<string, readonly string[]>> = {
  rep: ['rep', 'name', 'owner', 'sales rep', 'opportunity owner', 'deal owner', 'account executive', 'ae'],
  quota: ['quota', 'target', 'plan'],
  bookings: ['bookings', 'booked', 'closed won', 'amount', 'revenue', 'actual', 'sales'],
  targetIncentive: ['target incentive', 'ti', 'variable', 'ote variable', 'incentive'],
  account: ['account', 'account name', 'company', 'customer', 'name'],
  balances: ['potential', 'revenue', 'arr', 'pipeline', 'workload', 'employees', 'spend', 'amount', 'balance'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  owner: ['owner', 'current owner', 'account owner', 'current rep'],
  locked: ['locked', 'locked to', 'lock'],
  share: ['share', 'target share', 'weight', 'size'],
};

function headerMatches(header: string | undefined, key: string): boolean {
  if (header === undefined) return false;
  const words = HEADER_WORDS[key] ?? [normalizeLabel(key)];
  const normal = normalizeLabel(header);
  return words.some((word) => normal === word || normal.startsWith(`${word} `) || normal.endsWith(` ${word}`));
}

/**
 * A first guess at each column: by header words, then by kind (a text column
 * for a name, number columns for amounts, in order). A money-list column takes
 * every number column its words match (or, failing that, every one left).
 */
export function guessPicks(table: SourceTable, columns: readonly RowColumn[]): ColumnPicks {
  const width = table.headers.length;
  const numeric = (c: number) => table.rows.length > 0 && table.rows.every((row) => isBlank(row[c]) || typeof row[c] === 'number' || parseNumberText(String(row[c])) !== undefined);
  const taken = new Set<number>();
  const picks: Record<string, number | number[]> = {};
  const single = (column: RowColumn, fits: (c: number) => boolean) => {
    // A column named for a text column is taken whatever it holds: an owner column may name territories 1, 2, 3.
    const named = (c: number) => headerMatches(table.headers[c], column.key) && (column.kind === 'text' || fits(c));
    for (let c = 0; c < width; c++) if (!taken.has(c) && named(c)) return c;
    // An optional column is taken only by its name: a guess would take a column another one needs.
    if (column.optional) return -1;
    for (let c = 0; c < width; c++) if (!taken.has(c) && fits(c)) return c;
    return -1;
  };
  for (const column of columns) {
    if (column.kind === 'money-list') continue;
    const c = single(column, column.kind === 'text' ? (k) => !numeric(k) : numeric);
    picks[column.key] = c;
    if (c >= 0) taken.add(c);
  }
  for (const column of columns) {
    if (column.kind !== 'money-list') continue;
    const free = Array.from({ length: width }, (_, c) => c).filter((c) => !taken.has(c) && numeric(c));
    const named = free.filter((c) => headerMatches(table.headers[c], column.key));
    picks[column.key] = named.length > 0 ? named : free;
  }
  return picks;
}

/** Text for a name cell; a number or date shows as the sheet would write it plainly. */
function cellText(cell: CellValue): string {
  return isBlank(cell) ? '' : String(cell).trim();
}

/**
 * An amount: a number, numeric text, or a blank as 0 (nothing booked), or as
 * left out (null) in an optional column such as a coordinate, for the checks to
 * catch; anything else kept, for the check to name.
 */
function cellAmount(cell: CellValue, optional = false): unknown {
  if (isBlank(cell)) return optional ? null : 0;
  if (typeof cell === 'number') return cell;
  return parseNumberText(String(cell)) ?? cell;
}

/** The rows the picks read, one per data row, keyed by the field's columns. */
export function rowsFromTable(table: SourceTable, columns: readonly RowColumn[], picks: ColumnPicks): FieldValues[] {
  return table.rows.map((row) => {
    const read: Record<string, unknown> = {};
    for (const column of columns) {
      const pick = picks[column.key];
      if (Array.isArray(pick)) read[column.key] = pick.map((c) => cellAmount(row[c]));
      else if (typeof pick === 'number' && pick >= 0) read[column.key] = column.kind === 'text' ? cellText(row[pick]) : cellAmount(row[pick], column.optional);
    }
    return read;
  });
}
