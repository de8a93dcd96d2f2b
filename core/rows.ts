/**
 * The one way a function walks the rows of its per-row arguments. Rows owns
 * the shape they share (a single cell broadcasts), the fast path over the
 * host's arrays, blank and half-blank rows (each argument's declared blank
 * rule), unreadable cells and each number's declared limit, so a function body
 * only computes what a good row gives.
 */
import { type FormulaError, badValue } from './errors';
import { type AnyRange, LimitedNumberRange, NumberRange, type Shape, describeShape, inRow } from './ranges';
import type { Matrix, ResultCell } from './values';

export class Rows implements Shape {
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  private readonly inputs: readonly AnyRange[];
  /** Whether any input is per-row: single cells that broadcast then do not make a row filled. */
  private readonly anyPerRow: boolean;
  private readonly limited: readonly LimitedNumberRange[];
  // The fast path asks numbers and labels apart: each call site then sees one class, and V8 inlines it.
  private readonly numbers: readonly NumberRange[];
  private readonly others: readonly AnyRange[];
  /**
   * Whether the numbers a function read settle a row: NaN shows every blank,
   * unreadable cell and value outside its limit (a limited range reads those
   * as NaN), except when a blank reads as 0.
   */
  private readonly numbersTell: boolean;

  /** `inputs`: the function's per-row arguments, a left-out optional one as undefined. */
  constructor(inputs: readonly (AnyRange | undefined)[]) {
    this.inputs = inputs.filter((input): input is AnyRange => input !== undefined);
    let shape: AnyRange | undefined;
    for (const range of this.inputs) {
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
    this.rows = shape?.rows ?? 1;
    this.cols = shape?.cols ?? 1;
    this.size = this.rows * this.cols;
    this.anyPerRow = shape !== undefined;
    this.limited = this.inputs.filter((input): input is LimitedNumberRange => input instanceof LimitedNumberRange);
    this.numbers = this.inputs.filter((input): input is NumberRange => input instanceof NumberRange);
    this.others = this.inputs.filter((input) => !(input instanceof NumberRange));
    this.numbersTell = !this.numbers.some((input) => input.blank === 'zero');
    // The fast checks in counts and countsWith trust what the function read. Where that cannot
    // settle a row, this instance takes the careful check instead: decided once here, because a
    // flag read in the loop cost WEIGHTED_PIPELINE a tenth of its time at 100k rows.
    const careful = (index: number, numbers = NaN, othersFilled = false) => this.countsSlow(index, numbers, othersFilled);
    if (!this.numbersTell) this.countsWith = careful;
    if (!this.numbersTell || this.others.length > 0) this.counts = careful;
  }

  /**
   * The state of row `index`: 'blank' when every per-row input is blank (an
   * optional one aside) or an input whose blank skips the row is blank; else
   * the first problem (an unreadable cell, a required blank among filled
   * cells, a number outside its limit); else 'ok'.
   */
  state(index: number): 'ok' | 'blank' | FormulaError {
    return this.allGood(index) ? 'ok' : this.closerLook(index);
  }

  /** The state of a row the fast path could not settle. */
  private closerLook(index: number): 'ok' | 'blank' | FormulaError {
    if (!this.allFilled(index)) {
      let counted = 0;
      let blanks = 0;
      let skips = false;
      let firstBlank: AnyRange | undefined;
      for (const range of this.inputs) {
        const error = range.errorAt(index);
        if (error) return error;
        const counts = range.blank !== 'optional' && (!this.anyPerRow || !range.isSingle);
        if (counts) counted++;
        if (!range.isBlankAt(index)) continue;
        if (counts) blanks++;
        if (range.blank === 'skips-row') skips = true;
        else if (range.blank === 'required') firstBlank ??= range;
      }
      if ((counted > 0 && blanks === counted) || skips) return 'blank';
      if (firstBlank) return badValue(`${firstBlank.name} is blank${inRow(firstBlank, index)} while the row has other values`);
    }
    for (let k = 0; k < this.limited.length; k++) {
      const problem = this.limited[k].limitProblem(index);
      if (problem) return problem;
    }
    return 'ok';
  }

  /**
   * For aggregates: true when row `index` counts, false when it is blank; a bad
   * row throws its error. A function that has already read the row's numbers
   * with `at` may hand in their sum (NaN when one of them is blank, unreadable
   * or outside its limit), which spares reading every cell again. Leaving an
   * input out of the sum would let its bad cells through, which the fuzz and
   * hostile-text tests catch.
   */
  counts(index: number, numbers = NaN): boolean {
    // Kept this small so V8 inlines it into the function's loop.
    if (numbers === numbers) return true;
    return this.countsSlow(index, numbers, false);
  }

  /** `counts` for rows with labels or values too: `othersFilled` is true when every label or value the function read is there. */
  countsWith(index: number, numbers: number, othersFilled: boolean): boolean {
    if (numbers === numbers && othersFilled) return true;
    return this.countsSlow(index, numbers, othersFilled);
  }

  private countsSlow(index: number, numbers: number, othersFilled: boolean): boolean {
    if (numbers === numbers && this.numbersTell ? othersFilled || this.othersFilled(index) : this.allGood(index)) return true;
    const state = this.closerLook(index);
    if (state === 'ok') return true;
    if (state === 'blank') return false;
    throw state;
  }

  /** Every counted row, in order; a bad row throws its error. */
  forEach(visit: (index: number) => void): void {
    for (let index = 0; index < this.size; index++) if (this.counts(index)) visit(index);
  }

  /**
   * A per-row result of the shared shape: `compute` for each good row, blank
   * for a blank one, a bad row's error in its own cell. Trailing blank rows are
   * left off, so an open range like A2:A spills only as far as the data goes.
   */
  map(compute: (index: number) => ResultCell): ResultCell | Matrix<ResultCell> {
    const { rows, cols } = this;
    if (rows === 1 && cols === 1) return this.cell(0, compute);
    const out: Matrix<ResultCell> = new Array(rows);
    if (cols === 1) {
      // A column down the sheet, the usual case: one small array literal per row.
      for (let r = 0; r < rows; r++) out[r] = [this.cell(r, compute)];
    } else {
      for (let r = 0, index = 0; r < rows; r++) {
        const row: ResultCell[] = new Array(cols);
        for (let c = 0; c < cols; c++, index++) row[c] = this.cell(index, compute);
        out[r] = row;
      }
    }
    let last = out.length - 1;
    while (last > 0 && out[last].every((cell) => cell === null)) last--;
    out.length = last + 1;
    return out;
  }

  private cell(index: number, compute: (index: number) => ResultCell): ResultCell {
    if (this.allGood(index)) return compute(index);
    const state = this.closerLook(index);
    return state === 'ok' ? compute(index) : state === 'blank' ? null : state;
  }

  /** The fast path: every number is plain and within its limit, every label or value filled. */
  private allGood(index: number): boolean {
    const numbers = this.numbers;
    for (let k = 0; k < numbers.length; k++) if (!numbers[k].isGoodAt(index)) return false;
    const others = this.others;
    for (let k = 0; k < others.length; k++) if (!others[k].isFilledAt(index)) return false;
    return true;
  }

  /** The fast path once the numbers are known to be plain and within their limits: every label or value filled. */
  private othersFilled(index: number): boolean {
    const others = this.others;
    for (let k = 0; k < others.length; k++) if (!others[k].isFilledAt(index)) return false;
    return true;
  }

  /** Every input holds a usable value in row `index` (an optional input may be blank). */
  private allFilled(index: number): boolean {
    const inputs = this.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      if (!input.isFilledAt(index) && !(input.blank === 'optional' && input.isBlankAt(index))) return false;
    }
    return true;
  }
}
