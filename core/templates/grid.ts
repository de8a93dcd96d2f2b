/** A sheet plan filled cell by cell (0-based rows and columns), with A1 names for formulas. */
import { cellName, columnName } from '../a1';
import type { PlanCell, PlanChart, SheetPlan } from './plan';

/** "B7", or "$B$7" for a reference that stays put when a formula is copied. */
export const at = (row: number, col: number, fixed = false): string =>
  fixed ? `$${columnName(col)}$${row + 1}` : cellName({ row, col });

/** "B7:B9" (or "$B$7:$B$9"). */
export const span = (top: number, col: number, bottom: number, fixed = false): string => `${at(top, col, fixed)}:${at(bottom, col, fixed)}`;

export class Grid {
  private readonly cells: PlanCell[][] = [];
  private readonly formats: { range: string; format: string }[] = [];
  private readonly bold = new Set<number>();

  set(row: number, col: number, cell: PlanCell): void {
    const line = (this.cells[row] ??= []);
    line[col] = cell;
  }

  formula(row: number, col: number, formula: string): void {
    this.set(row, col, { formula });
  }

  /** Cells left to right from `col`. */
  line(row: number, col: number, cells: readonly PlanCell[]): void {
    cells.forEach((cell, k) => this.set(row, col + k, cell));
  }

  boldRow(row: number): void {
    this.bold.add(row + 1);
  }

  format(top: number, left: number, bottom: number, right: number, format: string): void {
    const start = at(top, left);
    const end = at(bottom, right);
    this.formats.push({ range: start === end ? start : `${start}:${end}`, format });
  }

  /** The plan: every row padded to one width, so hosts write one rectangular block. */
  plan(name: string, columnWidths: readonly number[], charts: readonly PlanChart[]): SheetPlan {
    const width = Math.max(0, ...Array.from(this.cells, (row) => row?.length ?? 0));
    const cells = Array.from(this.cells, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
    // Widths are for the columns the sheet fills; a plan gives none beyond them.
    return { name, cells, formats: this.formats, columnWidths: columnWidths.slice(0, width), boldRows: [...this.bold].sort((a, b) => a - b), charts };
  }
}
