/**
 * Where keys move the active cell: one cell, to the edge of the data
 * (Ctrl+arrow, as in Sheets and Excel), to the start or end of a row or the
 * sheet, a page at a time.
 */
import type { CellRef } from '../../core/a1';
import type { Direction } from './keyboard';

export interface Bounds {
  readonly maxRows: number;
  readonly maxColumns: number;
}

const STEP: Readonly<Record<Direction, readonly [number, number]>> = {
  up: [-1, 0],
  down: [1, 0],
  left: [0, -1],
  right: [0, 1],
};

export function clamp(ref: CellRef, bounds: Bounds): CellRef {
  return {
    row: Math.max(0, Math.min(ref.row, bounds.maxRows - 1)),
    col: Math.max(0, Math.min(ref.col, bounds.maxColumns - 1)),
  };
}

export function step(from: CellRef, direction: Direction, bounds: Bounds, by = 1): CellRef {
  const [dr, dc] = STEP[direction];
  return clamp({ row: from.row + dr * by, col: from.col + dc * by }, bounds);
}

/**
 * Ctrl+arrow: from a filled cell whose neighbour is filled, to the last filled
 * cell of that run; otherwise to the next filled cell; with none, to the edge
 * of the data (`extent`) or, past it, of the sheet.
 */
export function jump(
  from: CellRef,
  direction: Direction,
  isFilled: (ref: CellRef) => boolean,
  extent: { rows: number; cols: number },
  bounds: Bounds,
): CellRef {
  const [dr, dc] = STEP[direction];
  const limit = (ref: CellRef) => {
    // Past the data there is nothing to find: the far edge of the sheet, or 0.
    if (dr > 0) return ref.row >= Math.max(extent.rows - 1, 0) ? bounds.maxRows - 1 : extent.rows - 1;
    if (dc > 0) return ref.col >= Math.max(extent.cols - 1, 0) ? bounds.maxColumns - 1 : extent.cols - 1;
    return 0;
  };
  const at = (ref: CellRef, k: number): CellRef => ({ row: ref.row + dr * k, col: ref.col + dc * k });
  const end = limit(from);
  const distance = dr !== 0 ? Math.abs(end - from.row) : Math.abs(end - from.col);
  if (distance === 0) return from;
  const first = at(from, 1);
  if (isFilled(from) && isFilled(first)) {
    let k = 1;
    while (k < distance && isFilled(at(from, k + 1))) k++;
    return clamp(at(from, k), bounds);
  }
  for (let k = 1; k <= distance; k++) {
    if (isFilled(at(from, k))) return clamp(at(from, k), bounds);
  }
  return clamp(at(from, distance), bounds);
}
