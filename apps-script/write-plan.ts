/**
 * Writes a template's sheet plan to a NEW sheet of the active spreadsheet: all
 * cells in one setValues call, then formats, widths and bold rows. If anything
 * fails once the sheet exists, the sheet is deleted again, so the user never
 * finds a half-written template.
 */
import { formulaForHost, isFormulaCell, uniqueSheetName } from '../core/templates/plan';
import type { PlanCell, SheetPlan } from '../core/templates/plan';

/** The parts of SpreadsheetApp's Spreadsheet, Sheet and Range the writer uses. */
export interface RangeLike {
  setValues(values: unknown[][]): unknown;
  setNumberFormat(format: string): unknown;
  setFontWeight(weight: string): unknown;
}
export interface RangeListLike {
  setNumberFormat(format: string): unknown;
}
export interface SheetLike {
  getName(): string;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  getRangeList(a1Notations: string[]): RangeListLike;
  setColumnWidth(columnPosition: number, width: number): unknown;
}
export interface SpreadsheetLike {
  getSheets(): SheetLike[];
  insertSheet(sheetName: string, sheetIndex: number): SheetLike;
  deleteSheet(sheet: SheetLike): unknown;
  setActiveSheet(sheet: SheetLike): unknown;
}

/**
 * Text Sheets would not keep as typed: formulas (= + -), mentions (@), error
 * literals (#N/A), numbers, dates, percentages and booleans. A leading
 * apostrophe makes Sheets store the rest as plain text, as when a user types it.
 */
const NOT_PLAIN_TEXT = /^[=+\-@'#]|\d|^\s*(?:true|false)\s*$/i;

function sheetsValue(cell: PlanCell, functionNames: readonly string[]): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (isFormulaCell(cell)) {
    const formula = formulaForHost(String(cell.formula).trim(), functionNames, null);
    return formula.startsWith('=') ? formula : `=${formula}`;
  }
  if (typeof cell === 'string') return NOT_PLAIN_TEXT.test(cell) ? `'${cell}` : cell;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`the template has a cell that is not a finite number (${cell})`);
    return cell;
  }
  if (typeof cell === 'boolean') return cell;
  throw new Error(`the template has a cell Sheets cannot hold (${typeof cell})`);
}

/** The plan's cells as one rectangular block for a single setValues call. */
export function planValues(plan: SheetPlan, functionNames: readonly string[]): (string | number | boolean)[][] {
  const width = plan.cells.reduce((max, row) => Math.max(max, row.length), 0);
  return plan.cells.map((row) => {
    const line: (string | number | boolean)[] = new Array(width).fill('');
    row.forEach((cell, c) => (line[c] = sheetsValue(cell, functionNames)));
    return line;
  });
}

function checkWidth(width: unknown, column: number): number {
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0 || width > 2000) {
    throw new Error(`the template gives column ${column} an impossible width (${String(width)})`);
  }
  return Math.round(width);
}

/** Writes `plan` to a new sheet and returns the name it got ("Examples (2)" when "Examples" exists). */
export function writePlan(spreadsheet: SpreadsheetLike, plan: SheetPlan, functionNames: readonly string[]): string {
  // Everything that can be checked is checked before the sheet exists.
  const values = planValues(plan, functionNames);
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const widths = (plan.columnWidths ?? []).map((width, i) => checkWidth(width, i + 1));
  const byFormat = new Map<string, string[]>();
  for (const { range, format } of plan.formats ?? []) {
    byFormat.set(String(format), [...(byFormat.get(String(format)) ?? []), String(range)]);
  }
  const boldRows = (plan.boldRows ?? []).map((row) => {
    if (!Number.isInteger(row) || row < 1) throw new Error(`the template asks for bold row ${String(row)}`);
    return row;
  });

  const existing = spreadsheet.getSheets();
  const name = uniqueSheetName(String(plan.name), existing.map((sheet) => sheet.getName()));
  const sheet = spreadsheet.insertSheet(name, existing.length);
  try {
    const needRows = Math.max(rows, ...boldRows);
    const needCols = Math.max(cols, widths.length);
    if (needRows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needRows - sheet.getMaxRows());
    if (needCols > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols - sheet.getMaxColumns());
    if (rows && cols) sheet.getRange(1, 1, rows, cols).setValues(values);
    for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
    widths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
    for (const row of boldRows) sheet.getRange(row, 1, 1, Math.max(cols, 1)).setFontWeight('bold');
    spreadsheet.setActiveSheet(sheet);
  } catch (error) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // The original failure is what the user needs to hear about.
    }
    throw error;
  }
  return name;
}
