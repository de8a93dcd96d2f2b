/**
 * Sheets-shaped values in and out of the core: the one place where Sheets'
 * quirks (Date objects, '' blanks, scalars vs 2D arrays) meet the cell model.
 */
import { FormulaError, isFormulaError } from '../core/errors';
import type { CellReader } from '../core/ranges';
import type { CellValue, HostArg, Result, ResultCell } from '../core/values';
import { type DateReader, isDate } from './dates';

/** What Sheets shows in a cell: never null or a Date. */
export type SheetsCell = number | string | boolean;
export type SheetsResult = SheetsCell | SheetsCell[][];

function toCell(value: unknown, dates: DateReader): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return value;
  }
  if (isDate(value)) return dates.serial(value);
  return String(value);
}

/** How the core reads a cell of a range Sheets passed: Date objects become serials, '' a blank. */
export function sheetsCellReader(dates: DateReader): CellReader {
  return (cell) => toCell(cell, dates);
}

/**
 * One argument as Sheets passes it: a scalar for a single cell, a 2D array for a
 * range, undefined when left out. A range is handed to the core as it is (its
 * cells are read with sheetsCellReader as rows are used): a 100k-row column is
 * neither copied nor walked twice.
 */
export function fromSheetsArg(value: unknown, dates: DateReader): HostArg {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return toCell(value, dates);
  if (value.length === 0) return null;
  return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
}

/** How a per-row error reads in its own cell, so one bad row does not blank the column. */
export function errorText(error: FormulaError): string {
  return `${error.code} ${error.message}`;
}

function toSheetsCell(cell: ResultCell): SheetsCell {
  if (cell === null || cell === undefined) return '';
  if (isFormulaError(cell)) return errorText(cell);
  return cell;
}

/**
 * A core result as Sheets shows it: blanks as '', per-row errors as text in
 * their cell. A single-value error is thrown, so the cell shows #ERROR! with
 * the explanation in its tooltip.
 */
export function toSheetsResult(result: Result): SheetsResult {
  if (!Array.isArray(result)) {
    if (isFormulaError(result)) throw new Error(errorText(result));
    return toSheetsCell(result);
  }
  if (result.length === 0 || result[0].length === 0) return '';
  // In place: the core built this matrix for this call alone, and a 100k-row spill should not be copied.
  for (let r = 0; r < result.length; r++) {
    const row = result[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'number' && typeof cell !== 'string' && typeof cell !== 'boolean') row[c] = toSheetsCell(cell);
    }
  }
  return result as SheetsCell[][];
}

/** The first line of an unexpected error's message, short enough for a tooltip. */
export function shortMessage(error: unknown): string {
  const text = error instanceof Error || (typeof error === 'object' && error && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
  const line = text.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line || 'unknown error';
}

/**
 * The Error Sheets shows for a failed call: a FormulaError keeps its code and
 * sentence; anything else is a bug in the add-on, reported briefly (the full
 * error goes to the execution log, never into the sheet).
 */
export function toSheetsError(name: string, error: unknown, log: (...data: unknown[]) => void): Error {
  if (isFormulaError(error)) return new Error(errorText(error));
  log(`SalesOps ${name} failed unexpectedly:`, error);
  return new Error(`${name} failed unexpectedly (${shortMessage(error)}). This is a bug in SalesOps Formulas: please report it.`);
}
