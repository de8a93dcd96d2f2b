/**
 * Per-row arguments: a range converted once into flat typed arrays, broadcast
 * against the other per-row arguments, and the per-row result built back.
 */
import { FormulaError, badNumber, badValue } from './errors';
import {
  type CellValue,
  type Matrix,
  type ResultCell,
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

/** " in row 3" for messages, or nothing for a single cell. */
export function at(index: number, shape: Shape): string {
  const where = locate(index, shape);
  return where ? ` in ${where}` : '';
}

export function describeShape(shape: Shape): string {
  const rows = `${shape.rows} ${shape.rows === 1 ? 'row' : 'rows'}`;
  const cols = `${shape.cols} ${shape.cols === 1 ? 'column' : 'columns'}`;
  return `${rows} × ${cols}`;
}

export function asMatrix(value: CellValue | Matrix): Matrix {
  return Array.isArray(value) ? value : [[value]];
}

abstract class PerRowRange implements Shape {
  readonly rows: number;
  readonly cols: number;
  /** Cells that could not be read, by flat index; null when every cell was fine. */
  errors: Map<number, FormulaError> | null = null;

  constructor(
    readonly name: string,
    matrix: Matrix,
  ) {
    this.rows = matrix.length;
    this.cols = matrix.length ? matrix[0].length : 0;
  }

  get size(): number {
    return this.rows * this.cols;
  }

  /** A single cell broadcasts against every row, like `=A2:A10*B1`. */
  get isSingle(): boolean {
    return this.size === 1;
  }

  abstract isBlankAt(index: number): boolean;

  errorAt(index: number): FormulaError | undefined {
    return this.errors?.get(this.isSingle ? 0 : index);
  }

  /** The first unreadable cell, for aggregates that cannot skip a bad row. */
  firstError(): FormulaError | undefined {
    if (!this.errors) return undefined;
    let first = Infinity;
    for (const index of this.errors.keys()) first = Math.min(first, index);
    return this.errors.get(first);
  }

  protected fail(index: number, error: FormulaError): void {
    (this.errors ??= new Map()).set(index, error);
  }
}

export type NumberReader = (value: CellValue) => number | string;

/** A range of numbers (amounts, quotas, rates, or dates as day serials). NaN marks blank or bad cells. */
export class NumberRange extends PerRowRange {
  readonly values: Float64Array;

  constructor(name: string, matrix: Matrix, read: (value: CellValue) => number | string, rowLabel = name) {
    super(name, matrix);
    const values = (this.values = new Float64Array(this.size));
    const cols = this.cols;
    let index = 0;
    for (let r = 0; r < matrix.length; r++) {
      const row = matrix[r];
      for (let c = 0; c < cols; c++, index++) {
        const cell = row[c];
        if (typeof cell === 'number' && cell - cell === 0) {
          values[index] = cell; // finite: the common case, kept free of calls
          continue;
        }
        values[index] = NaN;
        if (isBlank(cell)) continue;
        const read1 = read(cell);
        if (typeof read1 === 'number') values[index] = read1;
        else this.fail(index, badValue(`${rowLabel} ${describeValue(cell)}${at(index, this)} ${read1}`));
      }
    }
  }

  /** The value for row `index`, broadcasting a single cell. NaN when blank or unreadable. */
  at(index: number): number {
    return this.values[this.isSingle ? 0 : index];
  }

  isBlankAt(index: number): boolean {
    const i = this.isSingle ? 0 : index;
    return Number.isNaN(this.values[i]) && !this.errors?.has(i);
  }
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

/** A range of labels (stages, outcomes, categories), matched case-insensitively after trimming. */
export class LabelRange extends PerRowRange {
  /** Normalised label per cell; null where blank. */
  readonly keys: (string | null)[];
  /** The label as typed, for messages. */
  readonly raw: (string | null)[];

  constructor(name: string, matrix: Matrix) {
    super(name, matrix);
    this.keys = new Array(this.size);
    this.raw = new Array(this.size);
    let index = 0;
    for (const row of matrix) {
      for (let c = 0; c < this.cols; c++, index++) {
        const cell = row[c];
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

  isBlankAt(index: number): boolean {
    return this.at(index) === null;
  }
}

/** A range whose cells may hold numbers or text (a probability or a stage name). */
export class ValueRange extends PerRowRange {
  readonly cells: CellValue[];

  constructor(name: string, matrix: Matrix) {
    super(name, matrix);
    this.cells = new Array(this.size);
    let index = 0;
    for (const row of matrix) for (let c = 0; c < this.cols; c++) this.cells[index++] = isBlank(row[c]) ? null : row[c];
  }

  at(index: number): CellValue {
    return this.cells[this.isSingle ? 0 : index];
  }

  isBlankAt(index: number): boolean {
    return this.at(index) === null;
  }
}

export type AnyRange = NumberRange | LabelRange | ValueRange;

/**
 * The shape all per-row arguments share: single cells broadcast, any other
 * mismatch is an error naming both arguments and their sizes.
 */
export function commonShape(ranges: readonly AnyRange[]): Shape {
  let shape: AnyRange | undefined;
  for (const range of ranges) {
    if (range.isSingle) {
      // A bad single cell would spoil every row alike: report it once, for the whole formula.
      const error = range.firstError();
      if (error) throw error;
      continue;
    }
    if (!shape) shape = range;
    else if (shape.rows !== range.rows || shape.cols !== range.cols) {
      throw badValue(
        `${shape.name} is ${describeShape(shape)} but ${range.name} is ${describeShape(range)}: ` +
          'give ranges of the same size, or a single cell to use for every row',
      );
    }
  }
  return shape ? { rows: shape.rows, cols: shape.cols } : { rows: 1, cols: 1 };
}

/**
 * The state of one row across its required inputs: 'blank' when every per-row
 * input is blank (single cells that broadcast don't count), or the first error
 * (an unreadable cell, or a blank among filled ones), or 'ok'.
 */
export function rowState(index: number, shape: Shape, required: readonly AnyRange[]): 'ok' | 'blank' | FormulaError {
  const anyPerRow = required.some((range) => !range.isSingle);
  let counted = 0;
  let blanks = 0;
  let firstBlank: AnyRange | undefined;
  for (const range of required) {
    const error = range.errorAt(index);
    if (error) return error;
    const counts = !anyPerRow || !range.isSingle;
    if (counts) counted++;
    if (range.isBlankAt(index)) {
      if (counts) blanks++;
      firstBlank ??= range;
    }
  }
  if (counted > 0 && blanks === counted) return 'blank';
  if (firstBlank) return badValue(`${firstBlank.name} is blank${at(index, shape)} while the row has other values`);
  return 'ok';
}

/**
 * Builds a per-row result of the common shape. Trailing blank rows are left
 * off, so an open range like A2:A spills only as far as the data goes.
 */
export function perRow(
  shape: Shape,
  required: readonly AnyRange[],
  compute: (index: number) => ResultCell,
): ResultCell | Matrix<ResultCell> {
  if (shape.rows === 1 && shape.cols === 1) {
    const state = rowState(0, shape, required);
    return state === 'ok' ? compute(0) : state === 'blank' ? null : state;
  }
  const clean = required.every((range) => !range.errors && !(range.isSingle && range.isBlankAt(0)));
  const out = clean ? cleanRows(shape, required, compute) : checkedRows(shape, required, compute);
  let last = out.length - 1;
  while (last > 0 && out[last].every((cell) => cell === null)) last--;
  out.length = last + 1;
  return out;
}

/** The hot path: every cell readable, so a row is blank, half-blank or computed. */
function cleanRows(shape: Shape, required: readonly AnyRange[], compute: (index: number) => ResultCell): Matrix<ResultCell> {
  const perRowRanges = required.filter((range) => !range.isSingle);
  const { rows, cols } = shape;
  const out: Matrix<ResultCell> = new Array(rows);
  const only = perRowRanges.length === 1 && cols === 1 ? perRowRanges[0] : undefined;
  if (only instanceof NumberRange) {
    // One column of numbers (amounts down a sheet): the case worth a loop of its own.
    const values = only.values;
    for (let r = 0; r < rows; r++) out[r] = [values[r] !== values[r] ? null : compute(r)];
    return out;
  }
  for (let r = 0, index = 0; r < rows; r++) {
    const row: ResultCell[] = new Array(cols);
    for (let c = 0; c < cols; c++, index++) {
      let blanks = 0;
      for (const range of perRowRanges) if (range.isBlankAt(index)) blanks++;
      if (blanks === 0) row[c] = compute(index);
      else if (blanks === perRowRanges.length) row[c] = null;
      else row[c] = halfBlank(perRowRanges, index, shape);
    }
    out[r] = row;
  }
  return out;
}

/** The general path, when some cell could not be read: each row's state decides. */
function checkedRows(shape: Shape, required: readonly AnyRange[], compute: (index: number) => ResultCell): Matrix<ResultCell> {
  const out: Matrix<ResultCell> = new Array(shape.rows);
  for (let r = 0, index = 0; r < shape.rows; r++) {
    const row: ResultCell[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++, index++) {
      const state = rowState(index, shape, required);
      row[c] = state === 'ok' ? compute(index) : state === 'blank' ? null : state;
    }
    out[r] = row;
  }
  return out;
}

/** Every non-blank row of an aggregate, in order; a bad or half-blank row is an error naming it. */
export function forEachFilledRow(required: readonly AnyRange[], visit: (index: number, shape: Shape) => void): Shape {
  const shape = commonShape(required);
  const size = shape.rows * shape.cols;
  const perRowRanges = required.filter((range) => !range.isSingle);
  const clean = perRowRanges.length > 0 && required.every((range) => !range.errors && !(range.isSingle && range.isBlankAt(0)));
  if (clean) {
    // The hot path: every cell readable, so blank is NaN (numbers) or null (labels, values).
    const columns = perRowRanges.map((range) => cellsOf(range));
    for (let index = 0; index < size; index++) {
      let blanks = 0;
      for (let k = 0; k < columns.length; k++) {
        const value = columns[k][index];
        if (value !== value || value === null) blanks++;
      }
      if (blanks === 0) visit(index, shape);
      else if (blanks !== columns.length) throw halfBlank(perRowRanges, index, shape);
    }
    return shape;
  }
  for (let index = 0; index < size; index++) {
    const state = rowState(index, shape, required);
    if (state === 'blank') continue;
    if (state !== 'ok') throw state;
    visit(index, shape);
  }
  return shape;
}

function cellsOf(range: AnyRange): ArrayLike<unknown> {
  return range instanceof NumberRange ? range.values : range instanceof LabelRange ? range.keys : range.cells;
}

function halfBlank(ranges: readonly AnyRange[], index: number, shape: Shape): FormulaError {
  const blank = ranges.find((range) => range.isBlankAt(index))!;
  return badValue(`${blank.name} is blank${at(index, shape)} while the row has other values`);
}

/** Refuses a negative value with a message naming the row. */
export function nonNegative(value: number, what: string, index: number, shape: Shape): FormulaError | undefined {
  return value < 0 ? badNumber(`${what} ${formatNumber(value)}${at(index, shape)} is negative`) : undefined;
}
