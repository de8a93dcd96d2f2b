/**
 * Per-row arguments: a host's range read cell by cell as rows are used,
 * broadcast against the other per-row arguments, and the per-row result built back.
 */
import { type SheetCellRef, sheetCellName } from './a1';
import { FormulaError, badNumber, badValue, divZero } from './errors';
import { fractionProblem } from './fractions';
import {
  type CellValue,
  type HostMatrix,
  type Matrix,
  describeValue,
  formatNumber,
  isBlank,
  normalizeLabel,
  parseDateText,
  parseNumberText,
} from './values';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/** Where cell `index` of a range sits, in words: "row 3", "column 2", or "" for a single cell. */
export function locate(index: number, shape: Shape): string {
  const row = Math.floor(index / shape.cols) + 1;
  const col = (index % shape.cols) + 1;
  if (shape.rows === 1 && shape.cols === 1) return '';
  if (shape.cols === 1) return `row ${row}`;
  if (shape.rows === 1) return `column ${col}`;
  return `row ${row}, column ${col}`;
}

/**
 * Where an argument's range starts on the sheet, asked for only when a message
 * needs it: in Sheets finding out costs a service call. Undefined when the host
 * cannot tell (a literal, a named range, an expression).
 */
export type StartLookup = () => SheetCellRef | undefined;

/** What a message needs to name a cell of an argument. */
export interface Located extends Shape {
  readonly name: string;
  /** The argument's first cell on the sheet, when the host can tell. */
  start(): SheetCellRef | undefined;
}

/**
 * Where cell `index` of an argument is, for messages: " in C6" when the host told
 * where the range starts, else " in row 5 of quota"; for a single value typed into
 * the formula, nothing.
 */
export function inRow(range: Located, index: number): string {
  const single = range.rows === 1 && range.cols === 1;
  const start = range.start();
  if (start) {
    const offset = single ? 0 : index;
    const cell = { ...start, row: start.row + Math.floor(offset / range.cols), col: start.col + (offset % range.cols) };
    return ` in ${sheetCellName(cell)}`;
  }
  return single ? '' : ` in ${locate(index, range)} of ${range.name}`;
}

/**
 * What a blank cell means in a row whose other inputs are filled: an error
 * ('required', the default), 0 ('zero': a rep with a quota who has booked
 * nothing yet), a row to leave out ('skips-row': a period not closed yet), or
 * something the function gives meaning to ('optional': no cancel date means
 * not cancelled); an optional input does not make a row filled on its own.
 */
export type BlankRule = 'required' | 'zero' | 'skips-row' | 'optional';

/**
 * A number's declared limit, checked for every row with one standard message:
 * at least 0, above 0, a fraction from 0 to 100%, or a fraction above 0.
 */
export type Limit = 'nonNegative' | 'positive' | 'fraction' | 'positiveFraction';

export interface LimitSpec {
  readonly limit: Limit;
  /** What one cell is called in the message ("weight" for weights); the parameter's name by default. */
  readonly label?: string;
  /** Said after "is 0" when 0 is refused: "no days have passed yet". */
  readonly zeroHint?: string;
}

export interface RangeOptions {
  readonly readCell?: CellReader;
  readonly start?: StartLookup;
  readonly blank?: BlankRule;
  readonly limit?: LimitSpec;
}

const NO_START: StartLookup = () => undefined;

/** Asks `lookup` once, on first use. */
function onceOnly(lookup: StartLookup): StartLookup {
  let asked = false;
  let found: SheetCellRef | undefined;
  return () => {
    if (!asked) {
      found = lookup();
      asked = true;
    }
    return found;
  };
}

/** A block of cells read as a whole (tiers, a stage table, a ramp schedule), knowing where it sits for messages. */
export class Table implements Located {
  readonly rows: number;
  readonly cols: number;
  readonly start: () => SheetCellRef | undefined;

  constructor(
    readonly name: string,
    readonly cells: Matrix,
    start: StartLookup = NO_START,
  ) {
    this.rows = cells.length;
    this.cols = cells.reduce((most, row) => Math.max(most, row.length), 0);
    this.start = onceOnly(start);
  }
}

/** Where cell (`row`, `col`) of a table is, for messages: " in F4", or " in row 3, column 2 of tiers". */
export function inCell(table: Table, row: number, col: number): string {
  return inRow(table, row * table.cols + col);
}

export function describeShape(shape: Shape): string {
  const rows = `${shape.rows} ${shape.rows === 1 ? 'row' : 'rows'}`;
  const cols = `${shape.cols} ${shape.cols === 1 ? 'column' : 'columns'}`;
  return `${rows} × ${cols}`;
}

/**
 * How one of a host's cells becomes a cell of the core's model: Sheets turns
 * Date objects and '' into serials and blanks, Excel unwraps data-type values.
 * Ranges call it only for cells that are not already plain numbers, so a host
 * hands its arrays over as they are, without a conversion pass.
 */
export type CellReader = (cell: unknown) => CellValue;

/** The reader for arguments already in the core's model (tests, the playground). */
export const coreCell: CellReader = (cell) => (cell === undefined ? null : (cell as CellValue));

export function asMatrix(value: CellValue | HostMatrix): HostMatrix {
  return Array.isArray(value) ? value : [[value]];
}

function oneCellRows(name: string, matrix: HostMatrix, cols: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 0; r < matrix.length; r++) {
    const row = hostRow(name, matrix, r, cols);
    for (let c = 0; c < cols; c++) rows.push([row[c]]);
  }
  return rows;
}

/**
 * Row `r` of a host's range, checked: a forged call may pass something else than
 * a row of `cols` cells, which is an error naming the argument.
 */
export function hostRow(name: string, matrix: readonly unknown[], r: number, cols: number): readonly unknown[] {
  const row: unknown = matrix[r];
  if (!Array.isArray(row)) throw badValue(`${name} is not a range of cells: its row ${r + 1} is not a row`);
  if (row.length !== cols) throw badValue(`${name} has rows of different lengths: row ${r + 1} has ${row.length} cells, row 1 has ${cols}`);
  return row;
}

/** A range read cell by cell, as the functions ask for rows. */
abstract class PerRowRange implements Located {
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  /** A single cell broadcasts against every row, like `=A2:A10*B1`. */
  readonly isSingle: boolean;
  /**
   * The cells as one column of one-cell rows, in reading order: the host's own
   * array for a column (the usual case, not copied), a column built once for a
   * row or a block. One layout keeps `hostCell` free of branches.
   */
  private readonly column: HostMatrix;
  /** Row `index` is `column[index & mask]`: a mask of 0 gives a single cell for every row. */
  private readonly mask: number;
  protected readonly readCell: CellReader;
  readonly blank: BlankRule;
  readonly start: () => SheetCellRef | undefined;

  constructor(readonly name: string, matrix: HostMatrix, options: RangeOptions = {}) {
    this.readCell = options.readCell ?? coreCell;
    this.blank = options.blank ?? 'required';
    this.start = onceOnly(options.start ?? NO_START);
    this.rows = matrix.length;
    this.cols = matrix.length ? matrix[0].length : 0;
    this.size = this.rows * this.cols;
    this.isSingle = this.size === 1;
    this.column = this.cols === 1 ? matrix : oneCellRows(name, matrix, this.cols);
    this.mask = this.isSingle ? 0 : -1;
  }

  /** Off the fast path: refuses a row a forged call made something else than an array (a plain number's [0] reads as blank). */
  protected checkRow(index: number): void {
    if (this.cols === 1) hostRow(this.name, this.column, index & this.mask, 1);
  }

  /** The host's cell for row `index`, unread; a single cell answers for every row. */
  protected hostCell(index: number): unknown {
    return this.column[index & this.mask][0];
  }

  /** True when row `index` holds a usable value: neither blank nor unreadable. */
  abstract isFilledAt(index: number): boolean;

  abstract isBlankAt(index: number): boolean;

  abstract errorAt(index: number): FormulaError | undefined;

  /** The first unreadable cell, for aggregates that cannot skip a bad row. */
  firstError(): FormulaError | undefined {
    for (let index = 0; index < this.size; index++) {
      const error = this.errorAt(index);
      if (error) return error;
    }
    return undefined;
  }
}

export type NumberReader = (value: CellValue) => number | string;

/**
 * A range of numbers (amounts, quotas, rates, or dates as day serials). A plain
 * number is used straight from the host's array; any other cell is read once,
 * on first use, and remembered.
 */
export class NumberRange extends PerRowRange {
  /** Cells that are not plain numbers, read: a number, NaN for blank, or why the cell is unreadable. */
  private readonly slowCells = new Map<number, number | FormulaError>();
  /** What a blank cell reads as: NaN, or 0 under the 'zero' rule. */
  private readonly blankValue: number;

  constructor(
    name: string,
    matrix: HostMatrix,
    private readonly read: NumberReader,
    options: RangeOptions = {},
  ) {
    super(name, matrix, options);
    this.blankValue = this.blank === 'zero' ? 0 : NaN;
  }

  /** The fast path: row `index` holds a plain finite number. */
  isGoodAt(index: number): boolean {
    const cell = this.hostCell(index);
    return typeof cell === 'number' && cell - cell === 0;
  }

  /** The value in row `index`, or `fallback` when the cell is blank (for an optional input: no prior, no end date). */
  valueOr(index: number, fallback: number): number {
    return this.isBlankAt(index) ? fallback : this.at(index);
  }

  /** The value for row `index`, broadcasting a single cell. NaN when unreadable or blank (0 for a blank under the 'zero' rule). */
  at(index: number): number {
    const cell = this.hostCell(index);
    if (typeof cell === 'number' && cell - cell === 0) return cell; // finite: the common case, kept free of calls
    const read = this.readSlow(index, cell);
    return typeof read === 'number' ? (read === read ? read : this.blankValue) : NaN;
  }

  isFilledAt(index: number): boolean {
    const cell = this.hostCell(index);
    if (typeof cell === 'number' && cell - cell === 0) return true;
    const read = this.readSlow(index, cell);
    return typeof read === 'number' && read === read;
  }

  isBlankAt(index: number): boolean {
    const cell = this.hostCell(index);
    if (typeof cell === 'number' && cell - cell === 0) return false;
    const read = this.readSlow(index, cell);
    return typeof read === 'number' && read !== read;
  }

  errorAt(index: number): FormulaError | undefined {
    const cell = this.hostCell(index);
    if (typeof cell === 'number' && cell - cell === 0) return undefined;
    const read = this.readSlow(index, cell);
    return typeof read === 'number' ? undefined : read;
  }

  private readSlow(index: number, cell: unknown): number | FormulaError {
    this.checkRow(index);
    if (cell === '' || cell === null || cell === undefined) return NaN;
    const key = this.isSingle ? 0 : index;
    const known = this.slowCells.get(key);
    if (known !== undefined) return known;
    const value = this.readCell(cell);
    let read: number | FormulaError = NaN;
    if (!isBlank(value)) {
      const number = this.read(value);
      read = typeof number === 'number' ? number : badValue(`${this.name} ${describeValue(value)}${inRow(this, key)} ${number}`);
    }
    this.slowCells.set(key, read);
    return read;
  }
}

/**
 * Numbers with a declared limit (a quota above 0, a rate from 0 to 100%). A
 * value outside it reads as NaN, like a blank: a function that adds up what it
 * read then sees the row is not plain and asks for the row's state, which
 * names the problem. So the limit costs three comparisons per read, and no
 * range without a limit pays for it.
 */
export abstract class LimitedNumberRange extends NumberRange {
  readonly limit: LimitSpec;

  constructor(name: string, matrix: HostMatrix, read: NumberReader, options: RangeOptions & { readonly limit: LimitSpec }) {
    super(name, matrix, read, options);
    this.limit = options.limit;
  }

  /** Whether `value` keeps the limit; each limit is its own class, so the test compiles to constants. */
  protected abstract keeps(value: number): boolean;

  /** The fast path: row `index` holds a plain finite number within the limit. */
  override isGoodAt(index: number): boolean {
    const cell = this.hostCell(index);
    return typeof cell === 'number' && cell - cell === 0 && this.keeps(cell); // no super call: V8 would not inline it
  }

  /** The value for row `index`, or NaN when it is blank, unreadable or outside the limit. */
  override at(index: number): number {
    const cell = this.hostCell(index);
    if (typeof cell === 'number' && cell - cell === 0 && this.keeps(cell)) return cell;
    const value = super.at(index);
    return this.keeps(value) ? value : NaN;
  }

  /** Why the value in row `index` breaks the limit, or undefined: the one standard message per limit. */
  limitProblem(index: number): FormulaError | undefined {
    const value = super.at(index);
    if (value !== value || this.keeps(value)) return undefined; // blank or unreadable: the row's state says so
    const { limit, label = this.name, zeroHint } = this.limit;
    const where = inRow(this, index);
    if (limit === 'fraction' || limit === 'positiveFraction') {
      const problem = fractionProblem(value, label, () => where);
      if (problem) return problem;
    }
    if (value < 0) return badNumber(`${label} ${formatNumber(value)}${where} is negative`);
    return divZero(`${label} is 0${where}${zeroHint ? `: ${zeroHint}` : ''}`);
  }
}

class NonNegativeRange extends LimitedNumberRange {
  protected keeps(value: number): boolean {
    return value >= 0;
  }
}

class PositiveRange extends LimitedNumberRange {
  protected keeps(value: number): boolean {
    return value > 0;
  }
}

class FractionRange extends LimitedNumberRange {
  protected keeps(value: number): boolean {
    return value >= 0 && value <= 1;
  }
}

class PositiveFractionRange extends LimitedNumberRange {
  protected keeps(value: number): boolean {
    return value > 0 && value <= 1;
  }
}

const LIMITED_RANGES: Record<Limit, new (...args: ConstructorParameters<typeof NonNegativeRange>) => LimitedNumberRange> = {
  nonNegative: NonNegativeRange,
  positive: PositiveRange,
  fraction: FractionRange,
  positiveFraction: PositiveFractionRange,
};

/** Numbers or dates, kept within `options.limit` when there is one. */
export function numberRange(name: string, matrix: HostMatrix, read: NumberReader, options: RangeOptions): NumberRange {
  const { limit } = options;
  return limit ? new LIMITED_RANGES[limit.limit](name, matrix, read, { ...options, limit }) : new NumberRange(name, matrix, read, options);
}

/** Reads a cell that should hold a number; returns the number or why it is not one. */
export function readNumber(value: CellValue): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'is not a finite number';
  if (typeof value === 'boolean') return 'is not a number';
  const parsed = parseNumberText(String(value));
  return parsed ?? 'is not a number';
}

/** Reads a cell that should hold a date: a day serial or year-first date text. */
export function readDate(value: CellValue): number | string {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'is not a date';
  if (typeof value === 'string') {
    const serial = parseDateText(value);
    if (serial !== undefined) return serial;
    return 'is not a date: use a date cell or text like 2026-03-31';
  }
  return 'is not a date';
}

/** A range that takes any cell as it is: a cell is either blank or usable, never unreadable. */
abstract class LenientRange extends PerRowRange {
  /** The cell for row `index` in the core's model, or null when blank. */
  abstract at(index: number): CellValue;

  isFilledAt(index: number): boolean {
    return this.at(index) !== null;
  }

  isBlankAt(index: number): boolean {
    return this.at(index) === null;
  }

  errorAt(): undefined {
    return undefined;
  }
}

/** A range of labels (stages, outcomes, categories), matched case-insensitively after trimming. */
export class LabelRange extends LenientRange {
  /** Normalised label per cell; null where blank. */
  readonly keys: (string | null)[];
  /** The label as typed, for messages. */
  readonly raw: (string | null)[];

  constructor(name: string, matrix: HostMatrix, options: RangeOptions = {}) {
    super(name, matrix, options);
    const readCell = this.readCell;
    // Labels are read up front: matching needs each one normalised anyway.
    this.keys = new Array(this.size);
    this.raw = new Array(this.size);
    let index = 0;
    for (let r = 0; r < this.rows; r++) {
      const row = hostRow(name, matrix, r, this.cols);
      for (let c = 0; c < this.cols; c++, index++) {
        const cell = readCell(row[c]);
        if (isBlank(cell)) {
          this.keys[index] = null;
          this.raw[index] = null;
        } else {
          const text = typeof cell === 'number' ? formatNumber(cell) : String(cell);
          this.raw[index] = text.trim();
          this.keys[index] = normalizeLabel(text);
        }
      }
    }
  }

  at(index: number): string | null {
    return this.keys[this.isSingle ? 0 : index];
  }

  rawAt(index: number): string | null {
    return this.raw[this.isSingle ? 0 : index];
  }
}

/** A range whose cells may hold numbers or text (a probability or a stage name), read as the rows are asked for. */
export class ValueRange extends LenientRange {
  isFilledAt(index: number): boolean {
    const cell = this.hostCell(index);
    return typeof cell === 'number' || this.at(index) !== null;
  }

  at(index: number): CellValue {
    const cell = this.hostCell(index);
    if (typeof cell === 'number') return cell;
    this.checkRow(index);
    const value = this.readCell(cell);
    return isBlank(value) ? null : value;
  }
}

export type AnyRange = NumberRange | LabelRange | ValueRange;
