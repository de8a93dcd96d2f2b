/**
 * A per-row loop over number ranges for the common case of clean input: the
 * same result as `perRow` (blank rows stay blank, trailing blank rows are left
 * off, a half-blank row is an error naming it), without `perRow`'s per-cell
 * bookkeeping. Ranges with unreadable cells, or a blank single cell, take the
 * general path. `optional` lists per-row arguments the computation reads that
 * may be blank (they don't make a row blank), so a bad single cell among them
 * is raised once too.
 */
import { badValue } from '../errors';
import { type NumberRange, type Shape, at, perRow } from '../ranges';
import type { Matrix, ResultCell } from '../values';

export function perRowOfNumbers(
  shape: Shape,
  required: readonly NumberRange[],
  compute: (index: number) => ResultCell,
  optional: readonly (NumberRange | undefined)[] = [],
): ResultCell | Matrix<ResultCell> {
  // A single cell used for every row that cannot be read is the formula's error, not every row's.
  for (const range of [...required, ...optional]) {
    if (range?.isSingle && range.errors) throw range.errorAt(0)!;
  }
  const perRowRanges: NumberRange[] = [];
  for (const range of required) {
    if (range.errors) return perRow(shape, required, compute);
    if (!range.isSingle) perRowRanges.push(range);
    else if (Number.isNaN(range.values[0])) return perRow(shape, required, compute);
  }
  if (shape.rows === 1 && shape.cols === 1) return perRow(shape, required, compute);
  const { rows, cols } = shape;
  const out: Matrix<ResultCell> = new Array(rows);
  let lastFilledRow = -1;
  if (perRowRanges.length === 1 && cols === 1) {
    // One column of inputs (amounts down a sheet): the case worth a loop of its own.
    const values = perRowRanges[0].values;
    for (let r = 0; r < rows; r++) {
      if (values[r] !== values[r]) out[r] = [null];
      else {
        out[r] = [compute(r)];
        lastFilledRow = r;
      }
    }
  } else {
    for (let r = 0, index = 0; r < rows; r++) {
      const row: ResultCell[] = new Array(cols);
      for (let c = 0; c < cols; c++, index++) {
        const cell = rowOf(index, shape, perRowRanges, compute);
        row[c] = cell;
        if (cell !== null) lastFilledRow = r;
      }
      out[r] = row;
    }
  }
  out.length = Math.max(lastFilledRow + 1, 1);
  return out;
}

function rowOf(
  index: number,
  shape: Shape,
  perRowRanges: readonly NumberRange[],
  compute: (index: number) => ResultCell,
): ResultCell {
  let blanks = 0;
  let firstBlank: NumberRange | undefined;
  for (const range of perRowRanges) {
    const value = range.values[index];
    if (value !== value) {
      blanks++;
      firstBlank ??= range;
    }
  }
  if (blanks === 0) return compute(index);
  if (blanks === perRowRanges.length) return null;
  return badValue(`${firstBlank!.name} is blank${at(index, shape)} while the row has other values`);
}
